package io.imagine4j.store.jdbc;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the SQLite store does when its file fails it: each fault is a {@link JobStoreException}
 * naming the file and what was being done, and what was committed before is still there when the
 * store is opened again (or, for a corrupt file, left exactly as it was for repair).
 */
class SqliteFaultsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void a_full_disk_fails_the_save_that_does_not_fit_and_loses_nothing_committed() throws Exception {
        List<JobRecord> committed = records(20);
        long pages;
        try (JdbcJobStore store = JdbcJobStore.sqlite(directory)) {
            committed.forEach(store::save);
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
             var statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA page_count")) {
            result.next();
            pages = result.getLong(1);
        }

        List<JobRecord> more = records(2_000);
        JobStoreException full;
        List<JobRecord> saved = new ArrayList<>();
        // The disk is full at the file's current size (plus a page or two of slack).
        try (JdbcJobStore store = JdbcJobStore.sqlite(directory, List.of("PRAGMA max_page_count = " + (pages + 2)))) {
            full = catchFull(store, more, saved);
            assertThat(store.find(committed.get(3).key())).containsExactly(committed.get(3));
        }

        JobRecord refused = more.get(saved.size());
        assertThat(full).hasMessageStartingWith("SQLite job store " + file() + ": saving job " + refused.key() + " failed: ")
                .hasMessageContaining("full");
        try (JdbcJobStore reopened = JdbcJobStore.sqlite(directory)) {
            for (JobRecord record : committed) {
                assertThat(reopened.find(record.key())).containsExactly(record);
            }
            for (JobRecord record : saved) {
                assertThat(reopened.find(record.key())).containsExactly(record);
            }
            assertThat(reopened.find(refused.key())).isEmpty();
            assertThat(reopened.unfinished()).hasSize(committed.size() + saved.size());
        }
    }

    @Test
    void a_file_that_is_not_a_database_is_refused_on_opening_and_left_as_it_was() throws IOException {
        try (JdbcJobStore store = JdbcJobStore.sqlite(directory)) {
            records(5).forEach(store::save);
        }
        try (RandomAccessFile file = new RandomAccessFile(file().toFile(), "rw")) {
            file.write("this is not an SQLite header!!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        byte[] corrupt = Files.readAllBytes(file());

        assertThatThrownBy(() -> JdbcJobStore.sqlite(directory)).isInstanceOf(JobStoreException.class)
                .hasMessageStartingWith("SQLite job store " + file() + ": opening failed")
                .hasMessageContaining("not a database");
        assertThat(Files.readAllBytes(file())).isEqualTo(corrupt);
    }

    @Test
    void a_corrupt_page_fails_the_operation_that_reads_it_naming_the_file_and_the_operation() throws IOException {
        List<JobRecord> records = records(400);
        try (JdbcJobStore store = JdbcJobStore.sqlite(directory)) {
            records.forEach(store::save);
        }
        long size = Files.size(file());
        try (RandomAccessFile file = new RandomAccessFile(file().toFile(), "rw")) {
            // The last pages hold the jobs table's latest rows and its indexes: scribble over them.
            byte[] garbage = new byte[4096];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            for (long at = size / 2; at + garbage.length <= size; at += 3 * garbage.length) {
                file.seek(at);
                file.write(garbage);
            }
        }

        try (JdbcJobStore store = JdbcJobStore.sqlite(directory)) {
            assertThatThrownBy(store::unfinished).isInstanceOf(JobStoreException.class)
                    .hasMessageStartingWith("SQLite job store " + file() + ": listing the unfinished jobs failed: ")
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void a_database_path_that_cannot_be_opened_names_the_file() throws IOException {
        Files.createDirectories(file()); // a directory where the file should be

        assertThatThrownBy(() -> JdbcJobStore.sqlite(directory)).isInstanceOf(JobStoreException.class)
                .hasMessageStartingWith("SQLite job store " + file() + ": opening failed");
    }

    @Test
    void a_directory_that_is_a_file_names_it() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "not a directory");

        assertThatThrownBy(() -> JdbcJobStore.sqlite(notADirectory)).isInstanceOf(JobStoreException.class)
                .hasMessageStartingWith("SQLite job store " + notADirectory.resolve(JdbcJobStore.SQLITE_FILE_NAME)
                        + ": opening failed: the directory " + notADirectory + " cannot be created");
    }

    @Test
    void a_closed_store_refuses_work_by_name() {
        JdbcJobStore store = JdbcJobStore.sqlite(directory);
        store.close();

        assertThatThrownBy(store::unfinished).isInstanceOf(JobStoreException.class)
                .hasMessage("SQLite job store " + file() + ": listing the unfinished jobs failed: the store is closed");
    }

    private static JobStoreException catchFull(JdbcJobStore store, List<JobRecord> records, List<JobRecord> saved) {
        for (JobRecord record : records) {
            try {
                store.save(record);
                saved.add(record);
            } catch (JobStoreException e) {
                return e;
            }
        }
        throw new AssertionError("the disk never filled up after " + saved.size() + " saves");
    }

    private Path file() {
        return directory.toAbsolutePath().resolve(JdbcJobStore.SQLITE_FILE_NAME);
    }

    private static List<JobRecord> records(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> JobRecord.beforeSubmit(SubmissionKey.random(), "xai",
                VideoRequest.textToVideo("Job " + i + ": a fox in the snow, described at some length to fill pages"),
                T0.plusMillis(i))).collect(Collectors.toList());
    }
}
