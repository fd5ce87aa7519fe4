package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiJob;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A previous result as the input of an edit or extension: its URL while valid, its bytes inline
 * when the URL is about to expire, looked up at xAI when the service did not know the job; and the
 * input-length rules checked on the known duration, before any network call.
 */
class XaiChainedInputsTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    XaiSimulator sim;
    XaiVideoProvider xai;

    @BeforeEach
    void connect() {
        sim = XAI.get();
        xai = XaiVideo.builder().apiKey("test-key").baseUrl(sim.baseUrl()).build();
    }

    SubmitOutcome submit(XaiVideoProvider provider, VideoRequest request) {
        return provider.submit(Submission.of(SubmissionKey.random(), request, provider.capabilities()));
    }

    JobId accepted(SubmitOutcome outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(SubmitOutcome.Accepted.class);
        return ((SubmitOutcome.Accepted) outcome).jobId();
    }

    GeneratedVideo generated(int seconds) {
        JobId id = accepted(submit(xai, VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(seconds))));
        sim.advance(Duration.ofMinutes(1));
        return xai.poll(id).get().result().get();
    }

    XaiJob simJob(JobId id) {
        return sim.job(id.value()).get().params();
    }

    JobFailure refusal(SubmitOutcome outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(SubmitOutcome.Refused.class);
        return ((SubmitOutcome.Refused) outcome).failure();
    }

    @Nested
    class Known {
        @Test
        void a_result_whose_url_is_valid_is_sent_by_its_url() {
            GeneratedVideo fox = generated(3);
            int downloads = sim.calls(Call.CONTENT);
            JobId edit = accepted(submit(xai, VideoRequest.edit("Snow", MediaSource.of(fox))));
            JobId extension = accepted(submit(xai, VideoRequest.extend("On", MediaSource.of(fox)).with(o -> o.withDurationSeconds(2))));
            assertThat(simJob(edit).inputUrl()).contains(fox.location().toString());
            assertThat(simJob(edit).length()).isEqualTo(Duration.ofSeconds(3));
            assertThat(simJob(extension).length()).isEqualTo(Duration.ofSeconds(5));
            assertThat(sim.calls(Call.CONTENT)).as("nothing downloaded by the client").isEqualTo(downloads);
        }

        @Test
        void a_result_about_to_expire_is_downloaded_and_sent_inline_without_the_key() {
            GeneratedVideo fox = generated(3);
            GeneratedVideo expiring = fox.withExpiresAt(Instant.now().plus(Duration.ofMinutes(5)));
            JobId edit = accepted(submit(xai, VideoRequest.edit("Snow", MediaSource.of(expiring))));
            assertThat(simJob(edit).inputUrl()).contains("data:video/mp4;base64,\u2026");
            assertThat(simJob(edit).length()).isEqualTo(Duration.ofSeconds(3));
            assertThat(sim.journal().entries(entry -> entry.call() == Call.CONTENT)).hasSize(1);
            assertThat(sim.credentialLeaks()).isEmpty();
        }

        @Test
        void a_result_too_large_to_inline_names_the_way_out_and_nothing_is_sent() {
            GeneratedVideo fox = generated(3);
            XaiVideoProvider small = XaiVideo.builder().apiKey("k").baseUrl(sim.baseUrl()).maxInlineVideoBytes(1_000).build();
            JobFailure failure = refusal(submit(small, VideoRequest.edit("Snow",
                    MediaSource.of(fox.withExpiresAt(Instant.now().plusSeconds(60))))));
            assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(failure.code()).isEqualTo("input_too_large");
            assertThat(failure.message()).contains("1000 bytes").contains("give a public URL instead");
            assertThat(sim.jobs()).hasSize(1);
        }

        @Test
        void a_result_whose_url_is_gone_cannot_be_sent() {
            GeneratedVideo fox = generated(3);
            sim.advance(Duration.ofHours(25));
            JobFailure failure = refusal(submit(xai, VideoRequest.edit("Snow", MediaSource.of(fox.withExpiresAt(Instant.now())))));
            assertThat(failure.kind()).isEqualTo(FailureKind.EXPIRED);
            assertThat(failure.message()).contains("could not be downloaded to send inline");
            assertThat(sim.jobs()).hasSize(1);
        }
    }

    @Nested
    class LookedUp {
        @Test
        void a_result_the_service_did_not_know_is_looked_up_at_xai_and_sent_by_its_url() {
            GeneratedVideo fox = generated(3);
            int polls = sim.calls(Call.POLL);
            JobId edit = accepted(submit(xai, VideoRequest.edit("Snow", MediaSource.ofJob(fox.jobId()))));
            assertThat(sim.calls(Call.POLL)).isEqualTo(polls + 1);
            assertThat(simJob(edit).inputUrl()).contains(fox.location().toString());
        }

        @Test
        void a_looked_up_result_too_long_for_an_edit_is_refused_before_the_submit() {
            GeneratedVideo ten = generated(10);
            JobFailure failure = refusal(submit(xai, VideoRequest.edit("Snow", MediaSource.ofJob(ten.jobId()))));
            assertThat(failure.code()).isEqualTo("input_length");
            assertThat(failure.message()).contains("is 10 s long").contains("at most 8.7 s");
            assertThat(sim.jobs()).hasSize(1);
        }

        @Test
        void an_unfinished_or_unknown_job_is_no_input() {
            sim.enqueue(Scenario.succeedsAfter(Duration.ofMinutes(5)));
            JobId pending = accepted(submit(xai, VideoRequest.textToVideo("A fox")));
            assertThat(refusal(submit(xai, VideoRequest.edit("Snow", MediaSource.ofJob(pending)))).code()).isEqualTo("input_not_ready");
            assertThat(refusal(submit(xai, VideoRequest.edit("Snow", MediaSource.ofJob(JobId.of("xai", "no-such-job"))))).kind())
                    .isEqualTo(FailureKind.NOT_FOUND);
            assertThatThrownBy(() -> submit(xai, VideoRequest.edit("Snow", MediaSource.ofJob(JobId.of("openai", "video_1")))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cannot be looked up at xAI: it is a job of openai");
            assertThat(sim.jobs()).hasSize(1);
        }
    }

    @Nested
    class ThroughTheService {
        @Test
        void an_edit_of_a_10_s_result_fails_before_any_network_call() throws InterruptedException {
            try (XaiSimulator realTime = XaiSimulator.start(SimulatorOptions.realTime());
                 VideoJobs jobs = service(realTime)) {
                GeneratedVideo ten = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=50ms").with(o -> o.withDurationSeconds(10)))
                        .await(Duration.ofSeconds(20)).get();
                int calls = realTime.journal().entries().size();
                assertThatThrownBy(() -> jobs.submit(VideoRequest.edit("Snow", MediaSource.of(ten))))
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("video: the result of job " + ten.jobId()
                                + " is 10 s long").hasMessageContaining("allowed: at most 8.7 s");
                assertThatThrownBy(() -> jobs.submit(VideoRequest.edit("Snow", MediaSource.ofJob(ten.jobId()))))
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is 10 s long");
                assertThat(jobs.validate(VideoRequest.extend("On", MediaSource.of(ten))).isValid()).isTrue();
                assertThat(realTime.journal().entries()).as("no call at all").hasSize(calls);
            }
        }

        @Test
        void generate_then_edit_then_extend_chained_without_a_re_upload(@TempDir Path dir) throws InterruptedException {
            try (XaiSimulator realTime = XaiSimulator.start(SimulatorOptions.realTime());
                 VideoJobs jobs = service(realTime)) {
                GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=50ms").with(o -> o.withDurationSeconds(3)))
                        .await(Duration.ofSeconds(20)).get();
                GeneratedVideo snowy = jobs.submit(VideoRequest.edit("Snow #sim:time=50ms", MediaSource.of(fox)))
                        .await(Duration.ofSeconds(20)).get();
                GeneratedVideo longer = jobs.submit(VideoRequest.extend("It jumps #sim:time=50ms", MediaSource.ofJob(snowy.jobId()))
                        .with(o -> o.withDurationSeconds(2))).await(Duration.ofSeconds(20)).get();
                Path file = jobs.download(longer, dir.resolve("longer.mp4")).get().path();
                assertThat(Mp4Header.duration(file).get()).isCloseTo(Duration.ofSeconds(5), Duration.ofMillis(100));
                assertThat(realTime.jobs().get(1).params().inputUrl()).contains(fox.location().toString());
                assertThat(realTime.jobs().get(2).params().inputUrl()).contains(snowy.location().toString());
                assertThat(realTime.journal().entries(e -> e.call() == Call.CONTENT)).as("only the final download").hasSize(1);
            }
        }

        @Test
        void a_job_this_service_never_saw_is_looked_up_at_xai() throws InterruptedException {
            try (XaiSimulator realTime = XaiSimulator.start(SimulatorOptions.realTime())) {
                GeneratedVideo fox;
                try (VideoJobs elsewhere = service(realTime)) {
                    fox = elsewhere.submit(VideoRequest.textToVideo("A fox #sim:time=50ms").with(o -> o.withDurationSeconds(2)))
                            .await(Duration.ofSeconds(20)).get();
                }
                try (VideoJobs jobs = service(realTime)) {
                    GeneratedVideo snowy = jobs.submit(VideoRequest.edit("Snow #sim:time=50ms", MediaSource.ofJob(fox.jobId())))
                            .await(Duration.ofSeconds(20)).get();
                    assertThat(snowy.duration()).contains(Duration.ofSeconds(2));
                    assertThat(realTime.jobs().get(1).params().inputUrl()).contains(fox.location().toString());
                }
            }
        }

        private VideoJobs service(XaiSimulator target) {
            return VideoJobService.builder(XaiVideo.builder().apiKey("k").baseUrl(target.baseUrl()).build())
                    .settings(ServiceSettings.defaults().withPollBackoff(Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(100), 0.2)))
                    .build();
        }
    }
}
