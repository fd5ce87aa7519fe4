package io.imagine4j.reliability.matrix;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.micrometer.JobMeters;
import io.imagine4j.reliability.figures.Figures;
import io.imagine4j.reliability.secrets.Canary;
import io.imagine4j.reliability.secrets.Instances;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.sim.JournalEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Either;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench one provider's cells run on: its simulator, a durable SQLite store every cell's jobs
 * are written to, job meters and HTTP client meters, and what every cell checks once it is done (no credential sent
 * anywhere but the API origin, the canary in no event). Everything a cell touched is kept for the
 * secret scan at the end ({@link Instances}).
 *
 * <pre>{@code
 * try (Lab.Run run = lab.job().directives("poll-500").start()) {
 *     run.await();
 *     run.assertSucceeded();
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {

    /** Short waits everywhere, so the whole matrix runs in seconds on the real clock. */
    public static final ServiceSettings QUICK = ServiceSettings.defaults()
            .withPollBackoff(Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(150), 0.0))
            .withSubmitBackoff(Backoff.of(Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 0.0))
            .withDownloadBackoff(Backoff.of(Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 0.0))
            .withMaxPredictedWait(Duration.ofMillis(300))
            .withPushSafetyInterval(Duration.ofMillis(500))
            .withWatchTimeout(Duration.ofSeconds(20));
    /** How long a test waits for a job: beyond its 20 s watch timeout, so a job that does not end by itself is caught. */
    static final Duration AWAIT = Duration.ofSeconds(30);
    /** A simulated job's processing time. */
    static final Duration JOB_TIME = Duration.ofMillis(150);

    private final Target target;
    private final Path directory;
    private final JdbcJobStore store;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobMeters jobMeters = JobMeters.on(meters);
    private final Instances seen = new Instances();
    private final String section;

    private Lab(Target target, Path directory) {
        this.target = target;
        this.directory = directory;
        this.store = JdbcJobStore.sqlite(directory);
        this.section = "fault matrix, " + target.name();
        seen.add(store);
    }

    /** A lab on {@code target}, with its store in a fresh temporary directory. */
    public static Lab of(Target target) {
        try {
            return new Lab(target, Files.createTempDirectory("imagine4j-matrix-" + target.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Target target() {
        return target;
    }

    public HttpSimulator<?> sim() {
        return target.simulator();
    }

    public Path directory() {
        return directory;
    }

    /** Everything the cells touched, for the secret scan. */
    public Instances seen() {
        return seen;
    }

    public SimpleMeterRegistry meters() {
        return meters;
    }

    /** The SQLite file every cell's jobs went to. */
    public Path databaseFile() {
        return directory.resolve(JdbcJobStore.SQLITE_FILE_NAME);
    }

    /** Runs one cell on a clean simulator, then checks where credentials went and counts it. */
    public void run(Cell cell) throws Exception {
        sim().reset();
        long started = System.nanoTime();
        cell.body().run(this);
        Figures.measured().max(section, "longest cell, ms", (System.nanoTime() - started) / 1_000_000);
        assertCredentialsStayedHome();
        Figures.add(section, "cells", 1);
        Figures.add("fault matrix", "cells", 1);
        Figures.add(section, "POSTs that reached the provider", posts());
        Figures.add(section, "jobs the provider made of them", sim().jobs().size());
    }

    /** Starts describing one job of a cell. */
    public JobSpec job() {
        return new JobSpec(this);
    }

    /** The submits the simulator received. */
    public int posts() {
        return sim().journal().entries(entry -> entry.method().equals("POST") && entry.call() == Call.SUBMIT).size();
    }

    /** No credential reached a public file or another origin, and every credential went to the API's own origin. */
    void assertCredentialsStayedHome() {
        HttpSimulator<?> sim = sim();
        assertThat(sim.credentialLeaks()).as("requests that carried the key away from the API").isEmpty();
        String apiHost = sim.baseUrl().getHost() + ":" + sim.baseUrl().getPort();
        List<JournalEntry> withKey = sim.journal().entries(entry -> entry.headers().carriesCredential());
        for (JournalEntry entry : withKey) {
            assertThat(entry.headers().first("Host").getOrElse("")).as("the host of %s", entry).isEqualTo(apiHost);
            assertThat(entry.call()).as("a credential on %s", entry).isNotEqualTo(Call.OTHER);
        }
        Figures.measured().plus("secrets", "requests with the key checked for their host", withKey.size());
    }

    @Override
    public void close() {
        store.close();
        target.close();
    }

    /** What one job of a cell is: the directives or scenario it runs, the wire, the store, the base URL. */
    public static final class JobSpec {
        private final Lab lab;
        private String directives = "";
        private Scenario scenario = Scenario.succeedsAfter(JOB_TIME);
        private Target.Wire wire;
        private JobStore store;
        private URI baseUrl;
        private UnaryOperator<ServiceSettings> settings = UnaryOperator.identity();

        JobSpec(Lab lab) {
            this.lab = lab;
            this.wire = Target.Wire.standard().metered(lab.meters);
            this.store = lab.store;
            this.baseUrl = lab.sim().baseUrl();
        }

        /** Simulator directives in the prompt ({@code poll-500}); the job still ends after {@link #JOB_TIME}. */
        public JobSpec directives(String value) {
            directives = value;
            return this;
        }

        public JobSpec scenario(Scenario value) {
            scenario = value;
            return this;
        }

        /** A pushing provider is polled instead (so poll faults are met). */
        public JobSpec polled() {
            wire = wire.polled();
            return this;
        }

        public JobSpec store(JobStore value) {
            store = value;
            return this;
        }

        public JobSpec baseUrl(URI value) {
            baseUrl = value;
            return this;
        }

        public JobSpec settings(UnaryOperator<ServiceSettings> value) {
            settings = value;
            return this;
        }

        /** Builds the provider and the service, and submits the job (the scenario is the simulator's next). */
        public Run start() {
            lab.sim().enqueue(scenario);
            VideoProvider provider = lab.target.provider(baseUrl, wire);
            VideoJobService service = VideoJobService.builder(provider).store(store).settings(settings.apply(QUICK))
                    .listener(lab.jobMeters).threads(2).build();
            Run run = new Run(lab, provider, service);
            lab.seen.add(provider);
            lab.seen.add(service);
            try {
                run.job = service.submit(lab.target.request(directives), run::heard);
            } catch (RuntimeException refused) {
                run.close();
                throw refused;
            }
            lab.seen.add(run.job);
            return run;
        }

        /** Submits expecting the service to refuse, and answers what it threw (scanned for the canary). */
        public RuntimeException refused() {
            lab.sim().enqueue(scenario);
            VideoProvider provider = lab.target.provider(baseUrl, wire);
            try (VideoJobService service = VideoJobService.builder(provider).store(store).settings(settings.apply(QUICK))
                    .listener(lab.jobMeters).threads(2).build()) {
                VideoRequest request = lab.target.request(directives);
                try {
                    service.submit(request, event -> { });
                } catch (RuntimeException refused) {
                    Canary.assertAbsent("exception", refused);
                    lab.seen.add(refused);
                    return refused;
                }
            }
            throw new AssertionError("the submit was not refused");
        }
    }

    /** One job under way: its service (open until closed), its events, and how it ended. */
    public static final class Run implements AutoCloseable {
        private final Lab lab;
        private final VideoProvider provider;
        private final VideoJobService service;
        private final List<JobEvent> events = new CopyOnWriteArrayList<>();
        private VideoJob job;
        private Either<JobFailure, GeneratedVideo> outcome;
        private long millis;

        Run(Lab lab, VideoProvider provider, VideoJobService service) {
            this.lab = lab;
            this.provider = provider;
            this.service = service;
        }

        public VideoJobService service() {
            return service;
        }

        public VideoJob job() {
            return job;
        }

        public List<JobEvent> events() {
            return List.copyOf(events);
        }

        private void heard(JobEvent event) {
            synchronized (events) {
                events.add(event);
                events.notifyAll();
            }
        }

        /** Waits (bounded) until an event of the job matches {@code wanted}. */
        public void awaitEvent(String what, Predicate<JobEvent> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + AWAIT.toNanos();
            synchronized (events) {
                while (events.stream().noneMatch(wanted)) {
                    long left = deadline - System.nanoTime();
                    assertThat(left).as("%s within %s; events %s", what, AWAIT, events).isPositive();
                    TimeUnit.NANOSECONDS.timedWait(events, left);
                }
            }
        }

        /** Waits for the job's end (bounded), and checks it ended by itself, not by this wait. */
        public Either<JobFailure, GeneratedVideo> await() throws InterruptedException {
            long started = System.nanoTime();
            outcome = job.await(AWAIT);
            millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(job.status().isTerminal()).as("the job ended within %s (it is %s)", AWAIT, job.status()).isTrue();
            Figures.measured().max(lab.section, "longest wait for a job's end, ms", millis);
            lab.seen.add(outcome);
            return outcome;
        }

        /** Awaits, and checks the job succeeded. */
        public GeneratedVideo succeeds() throws InterruptedException {
            Either<JobFailure, GeneratedVideo> end = await();
            assertThat(end.isRight()).as("the job succeeded, but: %s; events %s", end, events).isTrue();
            return end.get();
        }

        /** Awaits, and checks the job failed as {@code kind} (and {@code code}, when not null). */
        public JobFailure fails(FailureKind kind, String code) throws InterruptedException {
            Either<JobFailure, GeneratedVideo> end = await();
            assertThat(end.isLeft()).as("the job failed, but: %s", end).isTrue();
            assertThat(end.getLeft().kind()).as("the kind of %s", end.getLeft()).isEqualTo(kind);
            if (code != null) {
                assertThat(end.getLeft().code()).as("the code of %s", end.getLeft()).isEqualTo(code);
            }
            return end.getLeft();
        }

        /** The events of the given type, in order. */
        public <E extends JobEvent> List<E> events(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** Checks that some poll failed as {@code kind} (the fault was met and survived). */
        public void pollFailed(FailureKind kind, Consumer<JobFailure> more) {
            List<JobEvent.PollFailed> failed = events(JobEvent.PollFailed.class);
            assertThat(failed).as("poll failures among %s", events).anySatisfy(event -> {
                assertThat(event.failure().kind()).isEqualTo(kind);
                more.accept(event.failure());
            });
        }

        /** Checks that the submit was sent again after a refusal of {@code kind}. */
        public JobEvent.SubmitRetrying submitRetried(FailureKind kind) {
            List<JobEvent.SubmitRetrying> retries = events(JobEvent.SubmitRetrying.class);
            assertThat(retries).as("submit retries among %s", events).isNotEmpty();
            assertThat(retries.get(0).cause().kind()).isEqualTo(kind);
            return retries.get(0);
        }

        /** Closes the service, then scans every event and the outcome for the canary. */
        @Override
        public void close() {
            service.close();
            provider.close();
            for (JobEvent event : events) {
                Canary.assertAbsent("event", event.toString());
                lab.seen.add(event);
            }
            if (outcome != null) {
                Canary.assertAbsent("outcome", outcome.toString());
                outcome.peekLeft(failure -> Canary.assertAbsent("failure message", failure.message()));
            }
        }
    }
}
