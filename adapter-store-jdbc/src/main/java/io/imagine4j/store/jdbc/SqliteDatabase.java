package io.imagine4j.store.jdbc;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An SQLite file, through one connection that the store's threads take in turn. SQLite lets one
 * writer at a time change a file anyway, and a job store's statements are short, so one
 * connection costs nothing and keeps every write in a single, simple transaction. Other
 * processes may open the same file: each write begins with {@code BEGIN IMMEDIATE}, waiting up to
 * the busy timeout for their writes to end.
 *
 * <p>The file is in WAL mode (readers do not block the writer) with {@code synchronous=FULL}:
 * a commit has reached the disk when it returns, so neither a killed process nor a power cut loses
 * a job that was recorded.
 */
final class SqliteDatabase implements Database {

    /** How long a write waits for another process's write to end. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock turn = new ReentrantLock();

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens {@code file}, creating it if missing, and runs {@code pragmas} (tests use them to shrink the disk). */
    static SqliteDatabase open(Path file, List<String> pragmas) throws SQLException {
        Connection connection = settings().createConnection(url(file));
        try (Statement statement = connection.createStatement()) {
            for (String pragma : pragmas) {
                statement.execute(pragma);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new SqliteDatabase(file, connection);
    }

    /** The same file with the same settings, for the schema migrations, which open connections of their own. */
    static DataSource dataSource(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource(settings());
        dataSource.setUrl(url(file));
        return dataSource;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String describe() {
        return "SQLite job store " + file;
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        turn.lock();
        try (Statement control = connection.createStatement()) {
            control.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                control.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(control, e);
                throw e;
            }
        } finally {
            turn.unlock();
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        turn.lock();
        try {
            return work.run(connection);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public void close() {
        turn.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(describe() + ": closing failed: " + e.getMessage(), e);
        } finally {
            turn.unlock();
        }
    }

    private static void rollBack(Statement control, Exception cause) {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite ends some transactions on its own after an error (a full disk): nothing to undo then.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private static SQLiteConfig settings() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file;
    }
}
