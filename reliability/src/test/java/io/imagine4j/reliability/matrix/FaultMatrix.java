package io.imagine4j.reliability.matrix;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.reliability.figures.Figures;
import io.imagine4j.reliability.secrets.Canary;
import io.imagine4j.store.jdbc.FullDisk;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.JournalEntry;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cells of the fault matrix, the same for every provider (those about push only where the
 * provider pushes). Each one arranges its fault on the simulator's wire, runs one job through
 * {@code VideoJobService} over real HTTP, and checks three things: the typed outcome, that the job
 * ended by itself within its deadline, and how many submits reached the provider (one per job: a
 * retry only follows a refusal that surely started nothing).
 */
public final class FaultMatrix {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    /** How long a withheld answer or body is held: well beyond the read timeout, so only the timeout can end the wait. */
    private static final Duration HELD = Targets.READ_TIMEOUT.multipliedBy(5);

    private FaultMatrix() {
    }

    /** The fault kinds the cells use, for the figures. */
    static final Set<String> FAULTS = new LinkedHashSet<>();

    public static List<Cell> cells(Target target) {
        List<Cell> cells = new ArrayList<>();
        submits(cells);
        polls(cells);
        downloads(cells);
        if (target.pushes()) {
            pushes(cells);
        }
        stores(cells);
        cells.forEach(cell -> FAULTS.add(cell.fault()));
        Figures.set("fault matrix", "distinct faults", FAULTS.size());
        return cells;
    }

    // ------------------------------------------------------------------ submits

    private static void submits(List<Cell> cells) {
        cells.add(new Cell("submit", "429 with Retry-After in seconds", lab -> {
            lab.sim().failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(ONE_SECOND)));
            try (Lab.Run run = lab.job().start()) {
                run.succeeds();
                assertThat(run.submitRetried(FailureKind.RATE_LIMITED).retryIn()).isEqualTo(ONE_SECOND);
            }
            assertSubmits(lab, 2, 1);
        }));
        cells.add(new Cell("submit", "429 with Retry-After as an HTTP date", lab -> {
            lab.sim().failNext(Call.SUBMIT, new Fault.RateLimited(Option.some(ONE_SECOND), true));
            try (Lab.Run run = lab.job().start()) {
                run.succeeds();
                Duration wait = run.submitRetried(FailureKind.RATE_LIMITED).retryIn();
                // The date is whole seconds ahead of the simulator's (wall) clock: 0–2 s from when it was read.
                assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(2));
            }
            assertSubmits(lab, 2, 1);
        }));
        cells.add(new Cell("submit", "429 without Retry-After", lab -> {
            lab.sim().failNext(Call.SUBMIT, new Fault.RateLimited(Option.none()));
            try (Lab.Run run = lab.job().start()) {
                run.succeeds();
                run.submitRetried(FailureKind.RATE_LIMITED);
            }
            assertSubmits(lab, 2, 1);
        }));
        cells.add(new Cell("submit", "503", lab -> {
            lab.sim().failNext(Call.SUBMIT, new Fault.ServerError(503));
            try (Lab.Run run = lab.job().start()) {
                run.succeeds();
                run.submitRetried(FailureKind.UNAVAILABLE);
            }
            assertSubmits(lab, 2, 1);
        }));
        for (int status : new int[] {500, 502}) {
            cells.add(new Cell("submit", String.valueOf(status), lab -> {
                lab.sim().failNext(Call.SUBMIT, new Fault.ServerError(status));
                try (Lab.Run run = lab.job().start()) {
                    run.fails(FailureKind.SUBMISSION_OUTCOME_UNKNOWN, null);
                }
                assertSubmits(lab, 1, 0);
            }));
        }
        cells.add(new Cell("submit", "connection refused", lab -> {
            URI closed = closedPort(lab.sim().baseUrl());
            try (Lab.Run run = lab.job().baseUrl(closed).start()) {
                JobFailure failure = run.fails(FailureKind.UNAVAILABLE, "connection_refused");
                assertThat(failure.message()).contains("nothing was sent");
                assertThat(run.events(JobEvent.SubmitRetrying.class)).hasSize(Lab.QUICK.maxSubmitAttempts() - 1);
            }
            assertSubmits(lab, 0, 0);
        }));
        ambiguousSubmit(cells, "reset before the answer", new Fault.ConnectionReset(), 1);
        ambiguousSubmit(cells, "reset mid-body", new Fault.StreamDrop(), 1);
        ambiguousSubmit(cells, "read timeout", new Fault.NoAnswer(HELD), 1);
        ambiguousSubmit(cells, "body stalls after the headers", new Fault.SlowBody(HELD), 1);
        ambiguousSubmit(cells, "malformed JSON", new Fault.MalformedJson(), 1);
        ambiguousSubmit(cells, "truncated JSON", new Fault.TruncatedJson(), 1);
        ambiguousSubmit(cells, "wrong content type", new Fault.WrongContentType(), 1);
        ambiguousSubmit(cells, "oversized body", new Fault.OversizedBody(4L * 1024 * 1024), 1);
    }

    /** A fault after the provider may have started the job: one submit, never a second, and the job says so. */
    private static void ambiguousSubmit(List<Cell> cells, String name, Fault fault, int jobsAtProvider) {
        cells.add(new Cell("submit", name, lab -> {
            lab.sim().failNext(Call.SUBMIT, fault);
            try (Lab.Run run = lab.job().start()) {
                JobFailure failure = run.fails(FailureKind.SUBMISSION_OUTCOME_UNKNOWN, null);
                assertThat(failure.message()).contains("not sent again");
            }
            assertSubmits(lab, 1, jobsAtProvider);
        }));
    }

    // ------------------------------------------------------------------ polls

    private static void polls(List<Cell> cells) {
        pollSurvives(cells, "429 with Retry-After in seconds", new Fault.RateLimited(Option.some(ONE_SECOND)), FailureKind.RATE_LIMITED);
        pollSurvives(cells, "429 with Retry-After as an HTTP date", new Fault.RateLimited(Option.some(ONE_SECOND), true),
                FailureKind.RATE_LIMITED);
        pollSurvives(cells, "429 without Retry-After", new Fault.RateLimited(Option.none()), FailureKind.RATE_LIMITED);
        pollSurvives(cells, "500", new Fault.ServerError(500), FailureKind.PROVIDER_ERROR);
        pollSurvives(cells, "502", new Fault.ServerError(502), FailureKind.PROVIDER_ERROR);
        pollSurvives(cells, "503", new Fault.ServerError(503), FailureKind.UNAVAILABLE);
        cells.add(new Cell("poll", "reset before the answer", lab -> {
            lab.sim().failNext(Call.POLL, new Fault.ConnectionReset());
            try (Lab.Run run = lab.job().polled().start()) {
                run.succeeds();
                // The JDK client sends an idempotent GET once more on a connection closed before any answer,
                // so the reset may never reach the service: either way the job goes on.
                assertThat(run.events(JobEvent.PollFailed.class)).allSatisfy(failed ->
                        assertThat(failed.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE));
            }
            assertThat(lab.sim().journal().entries(entry -> entry.call() == Call.POLL && entry.status().isEmpty()))
                    .as("a poll went unanswered").hasSize(1);
            assertSubmits(lab, 1, 1);
        }));
        pollSurvives(cells, "reset mid-body", new Fault.StreamDrop(), FailureKind.UNAVAILABLE);
        pollSurvives(cells, "read timeout", new Fault.NoAnswer(HELD), FailureKind.UNAVAILABLE);
        pollSurvives(cells, "malformed JSON", new Fault.MalformedJson(), FailureKind.PROTOCOL);
        pollSurvives(cells, "truncated JSON", new Fault.TruncatedJson(), FailureKind.PROTOCOL);
        pollSurvives(cells, "wrong content type", new Fault.WrongContentType(), FailureKind.PROTOCOL);
        pollSurvives(cells, "garbage", new Fault.Garbage(), FailureKind.PROTOCOL);
        cells.add(new Cell("poll", "oversized body (4 MiB, 1 MiB allowed)", lab -> {
            lab.sim().failNext(Call.POLL, new Fault.OversizedBody(4L * 1024 * 1024));
            try (Lab.Run run = lab.job().polled().start()) {
                run.succeeds();
                run.pollFailed(FailureKind.PROTOCOL, failure -> assertThat(failure.code()).isEqualTo("response_too_large"));
            }
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("poll", "body stalls after the headers", lab -> {
            lab.sim().failNext(Call.POLL, new Fault.SlowBody(HELD));
            try (Lab.Run run = lab.job().polled().start()) {
                run.succeeds();
                run.pollFailed(FailureKind.UNAVAILABLE, failure -> { });
            }
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("poll", "malformed JSON on every poll", lab -> {
            lab.sim().failNext(Call.POLL, new Fault.MalformedJson(), 1_000);
            try (Lab.Run run = lab.job().polled().start()) {
                run.fails(FailureKind.PROTOCOL, null);
                assertThat(run.events(JobEvent.PollFailed.class)).hasSize(Lab.QUICK.maxProtocolErrors() - 1);
            }
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("poll", "unknown status", lab -> {
            lab.sim().failNext(Call.POLL, new Fault.UnknownStatus(), 2);
            try (Lab.Run run = lab.job().polled().start()) {
                run.succeeds();
                assertThat(run.events(JobEvent.PollFailed.class)).as("an unknown status is no error").isEmpty();
            }
            assertThat(lab.sim().calls(Call.POLL)).isGreaterThan(2);
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("poll", "status going backwards", lab -> {
            try (Lab.Run run = lab.job().polled().scenario(Scenario.succeedsAfter(Duration.ofMillis(400))).start()) {
                run.awaitEvent("the job running", event -> event instanceof JobEvent.StatusChanged changed
                        && changed.to() == JobStatus.RUNNING);
                lab.sim().failNext(Call.POLL, new Fault.StatusBackwards(), 3); // a stale replica, three times
                run.succeeds();
                assertThat(run.events(JobEvent.UpdateIgnored.class)).as("answers going backwards are ignored").isNotEmpty();
                List<JobEvent.StatusChanged> changes = run.events(JobEvent.StatusChanged.class);
                assertThat(changes).allSatisfy(change ->
                        assertThat(change.to().ordinal()).as("%s goes forward", change).isGreaterThan(change.from().ordinal()));
            }
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("poll", "redirect to another origin", lab -> {
            lab.sim().failNext(Call.POLL, new Fault.CrossOriginRedirect());
            try (Lab.Run run = lab.job().polled().start()) {
                run.await();
            }
            List<JournalEntry> followed = lab.sim().journal().entries(entry -> entry.headers().first("Host")
                    .exists(host -> host.startsWith("localhost")));
            assertThat(followed).as("the redirect was followed").isNotEmpty();
            assertThat(followed).allSatisfy(entry -> assertThat(entry.headers().carriesCredential()).isFalse());
            assertSubmits(lab, 1, 1);
        }));
    }

    /** A fault on one poll: the poll fails as {@code kind}, the job goes on and succeeds. */
    private static void pollSurvives(List<Cell> cells, String name, Fault fault, FailureKind kind) {
        cells.add(new Cell("poll", name, lab -> {
            lab.sim().failNext(Call.POLL, fault);
            try (Lab.Run run = lab.job().polled().start()) {
                run.succeeds();
                run.pollFailed(kind, failure -> { });
            }
            assertSubmits(lab, 1, 1);
        }));
    }

    // ------------------------------------------------------------------ downloads

    private static void downloads(List<Cell> cells) {
        cells.add(new Cell("download", "result URL expired (403)", lab -> {
            lab.sim().failNext(Call.CONTENT, new Fault.ExpiredResult(), 100);
            downloadFails(lab, FailureKind.EXPIRED);
        }));
        cells.add(new Cell("download", "result URL gone (404)", lab -> {
            lab.sim().failNext(Call.CONTENT, new Fault.NotFound(), 100);
            downloadFails(lab, FailureKind.EXPIRED); // a result URL that is gone has expired, whatever the status
        }));
        cells.add(new Cell("download", "download truncated", lab -> {
            lab.sim().failNext(Call.CONTENT, new Fault.StreamDrop());
            try (Lab.Run run = lab.job().start()) {
                GeneratedVideo video = run.succeeds();
                DownloadedVideo file = download(lab, run, video).get();
                assertThat(Mp4Header.duration(file.path()).isSuccess()).as("a whole, readable MP4").isTrue();
                // Resumed with Range when part of the body was written; started over when the cut came first.
                assertThat(lab.sim().calls(Call.CONTENT)).as("downloads started").isGreaterThanOrEqualTo(2);
            }
        }));
        cells.add(new Cell("download", "redirect to another origin", lab -> {
            String directive = lab.target().name().equals("openai") ? "content=redirect" : "";
            if (directive.isEmpty()) {
                lab.sim().failNext(Call.CONTENT, new Fault.CrossOriginRedirect());
            }
            try (Lab.Run run = lab.job().directives(directive).start()) {
                GeneratedVideo video = run.succeeds();
                download(lab, run, video).get();
            }
            assertThat(lab.sim().journal().entries(entry -> entry.headers().first("Host")
                    .exists(host -> host.startsWith("localhost")))).as("the download went to the other origin").isNotEmpty();
        }));
    }

    private static void downloadFails(Lab lab, FailureKind kind) throws Exception {
        try (Lab.Run run = lab.job().start()) {
            GeneratedVideo video = run.succeeds();
            Either<JobFailure, DownloadedVideo> download = download(lab, run, video);
            assertThat(download.isLeft()).as("the download failed: %s", download).isTrue();
            assertThat(download.getLeft().kind()).isEqualTo(kind);
            Canary.assertAbsent("failure message", download.getLeft().message());
        }
    }

    private static Either<JobFailure, DownloadedVideo> download(Lab lab, Lab.Run run, GeneratedVideo video) throws IOException {
        Path target = Files.createTempDirectory(lab.directory(), "download").resolve("video.mp4");
        Either<JobFailure, DownloadedVideo> result = run.service().download(video, target);
        lab.seen().add(result);
        return result;
    }

    // ------------------------------------------------------------------ push

    private static void pushes(List<Cell> cells) {
        cells.add(new Cell("events", "SSE drop", lab -> {
            lab.sim().failNext(Call.EVENTS, new Fault.StreamDrop(), 3);
            try (Lab.Run run = lab.job().start()) {
                run.succeeds();
            }
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("events", "SSE garbage on the stream", lab -> {
            lab.sim().failNext(Call.EVENTS, new Fault.Garbage(), 3);
            try (Lab.Run run = lab.job().start()) {
                run.succeeds();
            }
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("events", "SSE garbage instead of the job's completion", lab -> {
            try (Lab.Run run = lab.job().scenario(Scenario.succeedsAfter(Lab.JOB_TIME)
                    .withFault(FaultPlan.once(Call.EVENTS, new Fault.Garbage()))).start()) {
                run.succeeds();
            }
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("events", "SSE completion event with malformed JSON", lab -> {
            try (Lab.Run run = lab.job().scenario(Scenario.succeedsAfter(Lab.JOB_TIME)
                    .withFault(FaultPlan.once(Call.EVENTS, new Fault.MalformedJson()))).start()) {
                run.succeeds();
            }
            assertSubmits(lab, 1, 1);
        }));
    }

    // ------------------------------------------------------------------ stores

    private static void stores(List<Cell> cells) {
        cells.add(new Cell("store", "every write fails", lab -> {
            FailingWrites store = FailingWrites.always();
            RuntimeException refused = lab.job().store(store).refused();
            assertThat(refused).isInstanceOf(JobStoreException.class);
            assertSubmits(lab, 0, 0);
        }));
        cells.add(new Cell("store", "writes fail once the job is recorded", lab -> {
            FailingWrites store = FailingWrites.after(1);
            try (Lab.Run run = lab.job().store(store).start()) {
                run.succeeds();
                assertThat(run.events(JobEvent.StoreFailed.class)).as("each failed write is told").isNotEmpty()
                        .allSatisfy(failed -> Canary.assertAbsent("event", failed.reason()));
            }
            assertThat(store.refused()).isPositive();
            assertSubmits(lab, 1, 1);
        }));
        cells.add(new Cell("store", "SQLite disk full (max_page_count)", lab -> {
            Path directory = Files.createTempDirectory(lab.directory(), "full");
            FullDisk.Filled full = FullDisk.fill(directory, 2, index -> JobRecord.beforeSubmit(SubmissionKey.random(),
                    lab.target().name(), lab.target().request(""), Instant.now()));
            try (var store = full.store()) {
                assertThat(full.full()).hasMessageContaining("full");
                RuntimeException refused = lab.job().store(store).refused();
                assertThat(refused).isInstanceOf(JobStoreException.class).hasMessageContaining("full")
                        .hasMessageContaining(directory.toString());
                assertThat(store.unfinished()).hasSize(full.saved()); // what was committed is all there
            }
            assertSubmits(lab, 0, 0);
        }));
    }

    // ------------------------------------------------------------------ checks

    /** {@code posts} submits reached the provider, and it holds {@code jobs} jobs: never two for one of ours. */
    static void assertSubmits(Lab lab, int posts, int jobs) {
        assertThat(lab.posts()).as("POSTs that reached %s", lab.target().name()).isEqualTo(posts);
        assertThat(lab.sim().jobs()).as("jobs %s holds", lab.target().name()).hasSize(jobs);
    }

    /** A base URL on a port nothing listens on (taken, then let go). */
    private static URI closedPort(URI base) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return URI.create(base.getScheme() + "://127.0.0.1:" + port + base.getRawPath());
    }
}
