package io.imagine4j.store.jdbc;

import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.testkit.contract.JobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite store keeps the store contract; its second instance is another store on the same
 * file, as another process would open it. One file for the class, emptied before each test.
 */
class SqliteJobStoreContractTest extends JobStoreContract {

    @TempDir
    static Path directory;

    private static JdbcJobStore store;
    private JdbcJobStore other;

    @BeforeAll
    static void open() {
        store = JdbcJobStore.sqlite(directory);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(JdbcJobStore.SQLITE_FILE_NAME));
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM imagine4j_jobs");
        }
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
        other = JdbcJobStore.sqlite(directory);
        return other;
    }
}
