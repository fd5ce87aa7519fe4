package io.imagine4j.oxen;

import com.sun.net.httpserver.HttpServer;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.testkit.scenario.Call;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synchronous generate as an option for short jobs: the submit blocks until the video is made
 * and answers a job already SUCCEEDED; a {@code b64_json} answer is decoded into a file while it
 * arrives; failures keep the line between "nothing started" and "maybe billed".
 */
class SynchronousGenerationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void a_synchronous_job_blocks_its_submit_and_is_accepted_already_succeeded() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob job = hub.jobs.submit(VideoRequest.textToVideo("A fox yawns").with(OxenExtras.synchronous())
                    .with(o -> o.withDurationSeconds(2)));
            awaitHeldGenerate(hub);
            assertThat(job.jobId()).isEmpty(); // the submit has not answered yet
            hub.oxen.advance(Duration.ofSeconds(3));

            GeneratedVideo video = job.await(WAIT).get();
            assertThat(job.jobId().get().value()).startsWith("sync-");
            assertThat(video.location().getPath()).startsWith("/results/oxen-video-");
            assertThat(video.duration()).contains(Duration.ofSeconds(2));
            assertThat(hub.oxen.journal().entries(entry -> entry.path().equals("/api/ai/videos/generate"))).hasSize(1);
            assertThat(hub.oxen.journal().entries(entry -> entry.path().equals("/api/ai/queue"))).isEmpty();
            assertThat(hub.polls()).isZero();
            Either<JobFailure, ?> poll = hub.jobs.check(job.jobId().get());
            assertThat(poll.getLeft().kind()).as("a synchronous generation has no queue entry").isEqualTo(FailureKind.NOT_FOUND);
        }
    }

    @Test
    void an_inline_video_is_written_to_a_file_that_the_service_downloads(@TempDir Path dir) throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob job = hub.jobs.submit(VideoRequest.edit("Make it snow", MediaSource.bytes(io.imagine4j.testkit.media.SampleMp4
                    .of(Duration.ofMillis(2_500)))).with(OxenExtras.synchronousInline()));
            awaitHeldGenerate(hub);
            hub.oxen.advance(Duration.ofSeconds(3));

            GeneratedVideo video = job.await(WAIT).get();
            assertThat(video.location().getScheme()).isEqualTo("file");
            assertThat(video.duration().get()).isCloseTo(Duration.ofMillis(2_500), Duration.ofMillis(100));
            Path copy = hub.jobs.download(video, dir.resolve("snow.mp4")).get().path();
            assertThat(Mp4Header.duration(copy).get()).isCloseTo(Duration.ofMillis(2_500), Duration.ofMillis(100));
            assertThat(Files.exists(Path.of(video.location()))).isTrue();
        }
    }

    @Test
    void a_failure_of_the_generate_is_refused_when_nothing_ran_and_ambiguous_when_it_may_have() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob moderated = hub.jobs.submit(PushCompletionTest.edit("x #sim:moderated").with(OxenExtras.synchronous()));
            awaitHeldGenerate(hub);
            hub.oxen.advance(Duration.ofSeconds(3));
            assertThat(moderated.await(WAIT).getLeft().kind()).isEqualTo(FailureKind.MODERATION);

            VideoJob crashed = hub.jobs.submit(PushCompletionTest.edit("x #sim:fail").with(OxenExtras.synchronous()));
            awaitHeldGenerate(hub);
            hub.oxen.advance(Duration.ofSeconds(3));
            JobFailure unknown = crashed.await(WAIT).getLeft();
            assertThat(unknown.kind()).isEqualTo(FailureKind.SUBMISSION_OUTCOME_UNKNOWN);
            assertThat(hub.oxen.calls(Call.SUBMIT)).as("no generate is sent twice").isEqualTo(2);
        }
    }

    @Test
    void the_base64_video_reaches_the_disk_while_the_answer_is_still_arriving(@TempDir Path dir) throws Exception {
        byte[] video = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(video);
        String base64 = Base64.getEncoder().encodeToString(video);
        int half = base64.length() / 2 / 4 * 4;
        CountDownLatch secondHalf = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/ai/videos/generate", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("{\"model\":\"m\",\"created\":1,\"videos\":[{\"b64_json\":\"" + base64.substring(0, half))
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                secondHalf.await(15, TimeUnit.SECONDS); // the rest only once the test has seen the first half on disk
                out.write((base64.substring(half) + "\"}]}").getBytes(StandardCharsets.US_ASCII));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        try (OxenVideoProvider provider = OxenHub.builder().apiKey("k").push(false).resultsDirectory(dir)
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api").build()) {
            // Checked against capabilities of its own (no schema: the server has no model list), then sent as is.
            Submission submission = new Submission(SubmissionKey.random(), io.imagine4j.core.model.CapabilityCheck.require(
                    PushCompletionTest.edit("x").with(OxenExtras.synchronousInline()), provider.capabilities()));
            CompletableFuture<SubmitOutcome> outcome = CompletableFuture.supplyAsync(() -> provider.submit(submission));
            Path part = dir.resolve("oxen-sync-" + submission.key().value() + ".mp4.part");
            SimulatedHub.await("decoded bytes on disk before the answer ended", () -> size(part) > 1024 * 1024);
            assertThat(outcome).isNotDone();
            secondHalf.countDown();

            SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) outcome.get(15, TimeUnit.SECONDS);
            JobId id = accepted.jobId();
            Path file = Path.of(accepted.initial().result().get().location());
            assertThat(Files.readAllBytes(file)).isEqualTo(video);
            assertThat(id.value()).isEqualTo("sync-" + submission.key().value());
            assertThat(Files.exists(part)).isFalse();
        } finally {
            server.stop(0);
        }
    }

    /** The generate is held until its video is made (the open event stream is held too). */
    private static void awaitHeldGenerate(SimulatedHub hub) {
        SimulatedHub.await("the generate to be held until its video is made",
                () -> hub.oxen.heldResponses() == 1 + hub.oxen.openEventStreams());
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
