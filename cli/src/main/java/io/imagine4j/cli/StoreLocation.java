package io.imagine4j.cli;

import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.store.jdbc.JdbcJobStore;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the command records jobs: {@code --store}, else {@code $IMAGINE4J_STORE}, else
 * {@code ~/.imagine4j}. A directory holds an SQLite file; a {@code jdbc:postgresql:} URL is a
 * database several machines may share, its user and password read from the environment so that
 * no credential is ever typed on a command line (where {@code ps} and shell history would show it).
 *
 * @param text what was given, or the default directory
 */
record StoreLocation(String text) {

    static final String VARIABLE = "IMAGINE4J_STORE";
    static final String USER_VARIABLE = "IMAGINE4J_STORE_USER";
    static final String PASSWORD_VARIABLE = "IMAGINE4J_STORE_PASSWORD";

    static StoreLocation of(CommonOptions options, CliEnvironment env) {
        if (options.store != null) {
            return new StoreLocation(options.store.trim());
        }
        String configured = env.variable(VARIABLE);
        return new StoreLocation(configured != null ? configured : env.home().resolve(".imagine4j").toString());
    }

    boolean isJdbc() {
        return text.toLowerCase(Locale.ROOT).startsWith("jdbc:");
    }

    /** For messages: the directory, or the URL (which holds no credential). */
    String describe() {
        return text;
    }

    /**
     * Opens the store, creating it (and its directory) when new.
     *
     * @throws UsageException     when a JDBC URL carries a credential or is not PostgreSQL's
     * @throws JobStoreException  when the store cannot be opened
     */
    JdbcJobStore open(CliEnvironment env) {
        if (!isJdbc()) {
            return JdbcJobStore.sqlite(Path.of(text));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || lower.contains("user=") || lower.matches("jdbc:[a-z]+://[^/]*@.*")) {
            throw new UsageException("--store: put no user or password in the JDBC URL (a command line is visible to every"
                    + " user of the machine); set " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + " instead");
        }
        if (!lower.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--store: '" + text + "' is neither a directory nor a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        return JdbcJobStore.connect(text, env.variable(USER_VARIABLE), env.variable(PASSWORD_VARIABLE));
    }
}
