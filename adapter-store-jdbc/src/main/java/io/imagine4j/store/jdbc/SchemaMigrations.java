package io.imagine4j.store.jdbc;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The store's tables, created and upgraded by Flyway when the store opens: versioned scripts in
 * {@code io/imagine4j/store/jdbc/migration}, the same SQL for SQLite and PostgreSQL. The history
 * has a table of its own, so an application's own Flyway history in the same schema is left
 * alone; a schema that already holds other tables is baselined at version 0 first.
 */
final class SchemaMigrations {

    static final String LOCATION = "classpath:io/imagine4j/store/jdbc/migration";
    static final String HISTORY_TABLE = "imagine4j_schema_history";

    private SchemaMigrations() {
    }

    /**
     * Brings the schema up to date. Several instances starting at once are serialized by Flyway's
     * lock on PostgreSQL, and by {@link MigrationLock} on SQLite, where Flyway takes none.
     */
    static void apply(DataSource dataSource) {
        Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
