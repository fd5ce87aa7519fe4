package io.imagine4j.store.jdbc;

import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.testkit.contract.JobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The PostgreSQL store keeps the store contract on a real server; its second instance is another
 * store with a pool of its own, as another process would have.
 */
class PostgresJobStoreContractTest extends JobStoreContract {

    private static JdbcJobStore store;
    private JdbcJobStore other;

    @BeforeAll
    static void open() {
        store = JdbcJobStore.connect(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void empty() {
        PostgresServer.emptyJobs(PostgresServer.dataSource());
    }

    @AfterEach
    void closeOther() {
        if (other != null) {
            other.close();
        }
    }

    @Override
    protected JobStore store() {
        return store;
    }

    @Override
    protected JobStore otherInstance() {
        other = JdbcJobStore.connect(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
        return other;
    }
}
