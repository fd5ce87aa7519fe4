package io.imagine4j.store.jdbc;

import java.sql.SQLException;

/**
 * Where the store's SQL runs: an SQLite file ({@link SqliteDatabase}) or a PostgreSQL server
 * ({@link ServerDatabase}). The store knows its tables; this knows connections and transactions.
 */
interface Database extends AutoCloseable {

    Dialect dialect();

    /** The store for messages: {@code SQLite job store /var/app/jobs/imagine4j-jobs.db}; never a password. */
    String describe();

    /** Runs {@code work} in one transaction that may write: committed if it returns, rolled back if it throws. */
    <T> T write(SqlWork<T> work) throws SQLException;

    /** Runs {@code work}, which only reads. */
    <T> T read(SqlWork<T> work) throws SQLException;

    @Override
    void close();
}
