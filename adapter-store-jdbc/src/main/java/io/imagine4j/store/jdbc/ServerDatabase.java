package io.imagine4j.store.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database server (PostgreSQL) through a {@link DataSource}: each operation borrows a
 * connection for one transaction. The pool is the caller's, or one the store made and closes.
 */
final class ServerDatabase implements Database {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String name;
    private final AutoCloseable ownedPool;

    ServerDatabase(DataSource dataSource, Dialect dialect, String url, AutoCloseable ownedPool) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.name = dialect.product() + " job store " + JdbcUrls.withoutCredentials(url);
        this.ownedPool = ownedPool;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new IllegalStateException(name + ": closing the connection pool failed: " + e.getMessage(), e);
            }
        }
    }

    /** A pool that is not ours gets its connection back as it lent it. */
    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection: the pool will discard it
        }
    }
}
