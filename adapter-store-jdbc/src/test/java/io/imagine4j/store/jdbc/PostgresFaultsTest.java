package io.imagine4j.store.jdbc;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.core.port.out.Lease;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL server that goes away mid-test: every operation then fails with a
 * {@link JobStoreException} that names the database (never its password) and the operation, and
 * once the server is back, a store opened again finds everything committed before.
 */
class PostgresFaultsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path data;

    private EmbeddedPostgres server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_lost_server_fails_each_operation_by_name_and_loses_nothing_committed() throws IOException {
        int port = freePort();
        server = start(port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        List<JobRecord> committed = records(10);
        JdbcJobStore store = JdbcJobStore.on(server.getPostgresDatabase());
        committed.forEach(record -> store.save(record, new Lease("first", T0.plusSeconds(60))));

        server.close();
        server = null;

        JobRecord unsaved = records(1).get(0);
        String name = "PostgreSQL job store " + url;
        assertThatThrownBy(() -> store.save(unsaved)).isInstanceOf(JobStoreException.class)
                .hasMessageStartingWith(name + ": saving job " + unsaved.key() + " failed: ");
        assertThatThrownBy(() -> store.claim("xai", new Lease("second", T0.plusSeconds(120)), T0.plusSeconds(61), 10))
                .isInstanceOf(JobStoreException.class).hasMessageStartingWith(name + ": claiming jobs of xai for second failed: ");
        assertThatThrownBy(() -> store.renew(new Lease("first", T0.plusSeconds(90)), List.of(committed.get(0).key()), T0))
                .isInstanceOf(JobStoreException.class).hasMessageStartingWith(name + ": renewing 1 leases of first failed: ");
        assertThatThrownBy(store::unfinished).isInstanceOf(JobStoreException.class)
                .hasMessageStartingWith(name + ": listing the unfinished jobs failed: ");
        store.close();

        server = start(port);
        try (JdbcJobStore reopened = JdbcJobStore.on(server.getPostgresDatabase())) {
            assertThat(reopened.unfinished()).containsExactlyElementsOf(committed);
            assertThat(reopened.find(unsaved.key())).isEmpty();
            assertThat(reopened.claim("xai", new Lease("second", T0.plusSeconds(120)), T0.plusSeconds(59), 10)).isEmpty();
            assertThat(reopened.claim("xai", new Lease("second", T0.plusSeconds(120)), T0.plusSeconds(60), 10))
                    .containsExactlyElementsOf(committed);
        }
    }

    @Test
    void a_server_that_cannot_be_reached_fails_the_opening_without_the_password() throws IOException {
        int port = freePort(); // nothing listens there
        String url = "jdbc:postgresql://localhost:" + port + "/jobs?sslmode=disable&password=url-secret";

        assertThatThrownBy(() -> JdbcJobStore.connect(url, "app", "s3cret-password"))
                .isInstanceOf(JobStoreException.class)
                .hasMessageStartingWith("job store jdbc:postgresql://localhost:" + port + "/jobs: opening failed: ")
                .message().doesNotContain("s3cret-password").doesNotContain("url-secret");
    }

    @Test
    void a_database_that_is_not_postgresql_is_refused_with_the_way_to_sqlite(@TempDir Path sqlite) {
        org.sqlite.SQLiteDataSource other = new org.sqlite.SQLiteDataSource();
        other.setUrl("jdbc:sqlite:" + sqlite.resolve("other.db"));

        assertThatThrownBy(() -> JdbcJobStore.on(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JdbcJobStore.sqlite(directory)").hasMessageContaining("SQLite");
    }

    private EmbeddedPostgres start(int port) throws IOException {
        // The same directory and port each time: a restart, not a new server.
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<JobRecord> records(int count) {
        return IntStream.range(0, count).mapToObj(i -> JobRecord.beforeSubmit(SubmissionKey.random(), "xai",
                VideoRequest.textToVideo("Job " + i), T0.plusMillis(i))).collect(Collectors.toList());
    }
}
