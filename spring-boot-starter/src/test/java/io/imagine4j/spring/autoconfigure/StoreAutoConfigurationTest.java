package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.store.InMemoryJobStore;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinitionCustomizer;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The store choice, on a real PostgreSQL server (embedded, from Maven Central) as the application's DataSource. */
class StoreAutoConfigurationTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Imagine4jAutoConfiguration.class))
            .withUserConfiguration(FakeProvider.class);

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyStore() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS imagine4j_jobs, imagine4j_schema_history");
        }
    }

    @Test
    void the_applications_data_source_holds_the_jobs_its_schema_migrated_on_start() {
        runner.withBean(DataSource.class, () -> dataSource).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JdbcJobStore.class).doesNotHaveBean(InMemoryJobStore.class);
            assertThat(count("imagine4j_jobs")).isZero();
            VideoJob job = context.getBean(VideoJobs.class).submit(VideoRequest.textToVideo("A red fox"));
            job.await(Duration.ofMinutes(10));
            assertThat(count("imagine4j_jobs")).isEqualTo(1);
        });
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).as("the store leaves the application's pool open").isTrue();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_job_left_running_by_one_run_is_finished_by_the_next() {
        VirtualScheduler time = VirtualScheduler.create();
        FakeVideoProvider provider = FakeVideoProvider.on(time); // the backend outlives both runs
        ApplicationContextRunner onOneBackend = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Imagine4jAutoConfiguration.class))
                .withBean(VirtualScheduler.class, () -> time, outlivesTheRun())
                .withBean(FakeVideoProvider.class, () -> provider, outlivesTheRun())
                .withUserConfiguration(FakeProvider.OnVirtualTime.class).withBean(DataSource.class, () -> dataSource);
        SubmissionKey[] key = new SubmissionKey[1];
        onOneBackend.run(context -> {
            provider.enqueue(Scenario.succeedsAfter(Duration.ofMinutes(5)));
            VideoJob job = context.getBean(VideoJobs.class).submit(VideoRequest.textToVideo("A slow fox"));
            job.awaitAccepted(Duration.ofMinutes(1));
            key[0] = job.key();
        });
        onOneBackend.run(context -> {
            VideoJob resumed = context.getBean(VideoJobs.class).find(key[0]).get();
            var outcome = resumed.await(Duration.ofMinutes(10));
            assertThat(outcome.isRight()).as("%s", outcome).isTrue();
            assertThat(context.getBean(JobStore.class).find(key[0]).get().state().status()).isEqualTo(JobStatus.SUCCEEDED);
        });
        assertThat(provider.calls(Call.SUBMIT)).as("resumed, not sent again").isEqualTo(1);
    }

    @Test
    void memory_when_asked_or_without_a_data_source_or_without_the_store_module() {
        runner.withBean(DataSource.class, () -> dataSource).withPropertyValues("imagine4j.store.type=memory")
                .run(context -> assertThat(context).hasSingleBean(InMemoryJobStore.class).doesNotHaveBean(JdbcJobStore.class));
        runner.run(context -> assertThat(context).hasSingleBean(InMemoryJobStore.class));
        runner.withBean(DataSource.class, () -> dataSource).withClassLoader(new FilteredClassLoader(JdbcJobStore.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(InMemoryJobStore.class));
    }

    @Test
    void jdbc_asked_for_but_not_possible_fails_the_start_saying_why() {
        runner.withPropertyValues("imagine4j.store.type=jdbc").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("imagine4j.store.type=jdbc, but the application has no single DataSource"));
        runner.withBean(DataSource.class, () -> dataSource).withPropertyValues("imagine4j.store.type=jdbc")
                .withClassLoader(new FilteredClassLoader(JdbcJobStore.class))
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("io.imagine4j:imagine4j-store-jdbc is not on the classpath"));
    }

    @Test
    void a_data_source_the_store_cannot_share_fails_the_start_with_the_ways_out(@TempDir Path directory) {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + directory.resolve("app.db"));
        runner.withBean(DataSource.class, () -> sqlite).run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("imagine4j's job store cannot use the application's DataSource")
                .hasStackTraceContaining("imagine4j.store.type=memory"));
    }

    @Test
    void the_applications_own_store_wins() {
        InMemoryJobStore own = new InMemoryJobStore();
        runner.withBean(DataSource.class, () -> dataSource).withBean(JobStore.class, () -> own)
                .run(context -> assertThat(context.getBean(JobStore.class)).isSameAs(own));
    }

    /** Not closed with the context: the next run uses it again. */
    private static BeanDefinitionCustomizer outlivesTheRun() {
        return definition -> ((AbstractBeanDefinition) definition).setDestroyMethodName("");
    }

    private static int count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
