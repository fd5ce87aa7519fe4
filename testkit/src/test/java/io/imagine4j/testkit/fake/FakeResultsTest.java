package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.testkit.contract.SampleInputs;
import io.imagine4j.testkit.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Results: as long as the provider would make them, real MP4 files, priced, and served for a while. */
class FakeResultsTest {

    final FakeVideoProvider fake = FakeVideoProvider.builder().resultLifetime(Duration.ofHours(1)).build();

    @AfterEach
    void close() {
        fake.close();
    }

    GeneratedVideo run(VideoRequest request) {
        fake.enqueue(Scenario.instant());
        SubmitOutcome outcome = fake.submit(Submission.of(SubmissionKey.random(), request, fake.capabilities()));
        JobUpdate update = ((SubmitOutcome.Accepted) outcome).initial();
        assertThat(update.status()).isEqualTo(JobStatus.SUCCEEDED);
        return update.result().get();
    }

    static byte[] read(VideoContent content) throws IOException {
        try (content) {
            return content.body().readAllBytes();
        }
    }

    @Test
    void a_generation_runs_as_long_as_asked_and_costs_per_second() {
        GeneratedVideo video = run(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(7)));
        assertThat(video.duration().get()).isEqualTo(Duration.ofSeconds(7));
        assertThat(video.costUsd().get()).isEqualByComparingTo(new BigDecimal("0.35"));
        assertThat(video.location().toString()).startsWith("https://fake.invalid/fake/videos/").endsWith(".mp4");
    }

    @Test
    void a_generation_that_asks_for_no_length_gets_the_default() {
        GeneratedVideo video = run(VideoRequest.imageToVideo("A fox", MediaSource.bytes(SampleInputs.png())));
        assertThat(video.duration().get()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void an_edit_keeps_its_inputs_length_read_from_bytes_a_file_or_a_data_uri(@TempDir Path dir) throws IOException {
        byte[] clip = SampleInputs.mp4();
        Path file = Files.write(dir.resolve("clip.mp4"), clip);
        String dataUri = "data:video/mp4;base64," + Base64.getEncoder().encodeToString(clip);
        for (MediaSource source : new MediaSource[] {MediaSource.bytes(clip), MediaSource.file(file), MediaSource.url(dataUri)}) {
            assertThat(run(VideoRequest.edit("Make it snow", source)).duration().get()).as("%s", source)
                    .isEqualTo(SampleInputs.VIDEO_LENGTH);
        }
    }

    @Test
    void an_edit_of_a_remote_video_gets_the_default_length() {
        GeneratedVideo video = run(VideoRequest.edit("Make it snow", MediaSource.url("https://example.com/clip.mp4")));
        assertThat(video.duration().get()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void an_extension_is_its_input_followed_by_the_new_segment() {
        GeneratedVideo asked = run(VideoRequest.extend("Keep running", MediaSource.bytes(SampleInputs.mp4()))
                .with(o -> o.withDurationSeconds(3)));
        GeneratedVideo unasked = run(VideoRequest.extend("Keep running", MediaSource.bytes(SampleInputs.mp4())));
        assertThat(asked.duration().get()).isEqualTo(Duration.ofSeconds(5));
        assertThat(unasked.duration().get()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void the_content_is_a_real_mp4_of_the_results_length_readable_from_any_offset() throws IOException {
        GeneratedVideo video = run(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(3)));
        VideoContent whole = fake.openContent(video, 0).get();
        assertThat(whole.offset()).isZero();
        byte[] bytes = read(whole);
        assertThat(whole.totalSize().get()).isEqualTo(bytes.length);
        assertThat(MagicBytes.sniff(bytes).get()).isEqualTo(MediaType.MP4);
        assertThat(Mp4Header.duration(bytes).get()).isEqualTo(Duration.ofSeconds(3));

        VideoContent rest = fake.openContent(video, 1_000).get();
        assertThat(rest.offset()).isEqualTo(1_000);
        assertThat(read(rest)).isEqualTo(Arrays.copyOfRange(bytes, 1_000, bytes.length));
        assertThat(read(fake.openContent(video, bytes.length).get())).isEmpty();
        assertThat(fake.openContent(video, bytes.length + 1L).getLeft().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    }

    @Test
    void a_result_expires_after_its_lifetime() {
        GeneratedVideo video = run(VideoRequest.textToVideo("A fox"));
        assertThat(video.expiresAt().get()).isEqualTo(fake.now().plus(Duration.ofHours(1)));
        fake.advance(Duration.ofMinutes(59));
        assertThat(fake.openContent(video, 0).isRight()).isTrue();
        fake.advance(Duration.ofMinutes(1));
        assertThat(fake.openContent(video, 0).getLeft().kind()).isEqualTo(FailureKind.EXPIRED);
    }

    @Test
    void a_result_the_fake_never_made_is_not_found() {
        GeneratedVideo video = run(VideoRequest.textToVideo("A fox"));
        GeneratedVideo elsewhere = GeneratedVideo.at(video.jobId(), java.net.URI.create("https://example.com/other.mp4"));
        assertThat(fake.openContent(elsewhere, 0).getLeft().kind()).isEqualTo(FailureKind.NOT_FOUND);
        fake.reset();
        assertThat(fake.openContent(video, 0).getLeft().kind()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void a_fake_without_cost_reports_none() {
        try (FakeVideoProvider free = FakeVideoProvider.builder().withoutCost().build()) {
            free.enqueue(Scenario.instant());
            SubmitOutcome outcome = free.submit(Submission.of(SubmissionKey.random(), VideoRequest.textToVideo("A fox"), free.capabilities()));
            assertThat(((SubmitOutcome.Accepted) outcome).initial().result().get().costUsd().isEmpty()).isTrue();
        }
    }

    @Test
    void outcomes_other_than_success_carry_typed_failures_naming_the_job() {
        fake.enqueue(Scenario.fails("permission_denied", "This key may not use the model."));
        fake.enqueue(Scenario.moderated());
        fake.enqueue(Scenario.expires());
        JobUpdate[] ends = new JobUpdate[3];
        for (int i = 0; i < 3; i++) {
            var id = ((SubmitOutcome.Accepted) fake.submit(Submission.of(SubmissionKey.random(),
                    VideoRequest.textToVideo("A fox"), fake.capabilities()))).jobId();
            fake.advance(Duration.ofSeconds(3));
            ends[i] = fake.poll(id).get();
            assertThat(ends[i].failure().get().jobId().get()).isEqualTo(id);
        }
        assertThat(ends[0].status()).isEqualTo(JobStatus.FAILED);
        assertThat(ends[0].failure().get().kind()).isEqualTo(FailureKind.PERMISSION);
        assertThat(ends[0].failure().get().code()).isEqualTo("permission_denied");
        assertThat(ends[1].failure().get().kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(ends[2].status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(ends[2].rawStatus()).isEqualTo("expired");
    }
}
