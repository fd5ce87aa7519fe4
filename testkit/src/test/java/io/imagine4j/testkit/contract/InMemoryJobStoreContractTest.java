package io.imagine4j.testkit.contract;

import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.store.InMemoryJobStore;
import org.junit.jupiter.api.BeforeEach;

/** The core's in-memory store keeps the store contract. */
class InMemoryJobStoreContractTest extends JobStoreContract {

    private InMemoryJobStore store;

    @BeforeEach
    void emptyStore() {
        store = new InMemoryJobStore();
    }

    @Override
    protected JobStore store() {
        return store;
    }
}
