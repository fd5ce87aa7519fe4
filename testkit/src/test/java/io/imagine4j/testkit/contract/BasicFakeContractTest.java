package io.imagine4j.testkit.contract;

import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.BackendControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract on a fake without cancel, push or extensions: the unsupported paths (cancel throws
 * {@code UnsupportedCapabilityException}, extend requests are refused, no event source) are asserted.
 */
class BasicFakeContractTest extends VideoProviderContract {

    private FakeVideoProvider fake;

    @BeforeEach
    void createFake() {
        fake = BasicFakes.create();
    }

    @AfterEach
    void closeFake() {
        fake.close();
    }

    @Override
    protected VideoProvider provider() {
        return fake;
    }

    @Override
    protected BackendControl backend() {
        return fake;
    }
}
