package io.imagine4j.store.jdbc;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.port.out.JobStoreException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An SQLite job store on a disk that is full: the store's own package-private opening with
 * {@code PRAGMA max_page_count} (what its fault tests use), filled with records until a write fails.
 * In the store's package so the suite can reach that opening; nothing else of the store is bypassed.
 */
public final class FullDisk {

    private FullDisk() {
    }

    /**
     * A store in {@code directory} whose file may not grow past its size plus {@code slackPages},
     * then filled with {@code records} until the disk is full; answers how many fit.
     */
    public static Filled fill(Path directory, int slackPages, IntFunction<JobRecord> records) {
        JdbcJobStore.sqlite(directory).close(); // the file, with its schema
        long pages;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(JdbcJobStore.SQLITE_FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA page_count")) {
            result.next();
            pages = result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the store's page count could not be read", e);
        }
        JdbcJobStore store = JdbcJobStore.sqlite(directory, List.of("PRAGMA max_page_count = " + (pages + slackPages)));
        int saved = 0;
        try {
            while (true) {
                store.save(records.apply(saved));
                saved++;
            }
        } catch (JobStoreException full) {
            return new Filled(store, saved, full);
        }
    }

    /** A full store, how many records it took, and the failure that said it was full. */
    public record Filled(JdbcJobStore store, int saved, JobStoreException full) {
    }
}
