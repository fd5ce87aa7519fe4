/**
 * The stored form of a request: the JSON documents the JDBC store writes in its {@code request}
 * column, and reads back to resume a job. Internal to the store; nothing here is part of
 * imagine4j's API. The shapes only ever gain optional fields: rows written by an older version
 * must stay readable.
 */
package io.imagine4j.store.jdbc.wire;
