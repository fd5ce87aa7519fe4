package io.imagine4j.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** What the store does with a connection, inside one transaction. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
