package io.imagine4j.oxen;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Oxen's models fetch inputs by URL: local files and bytes are uploaded to a repository first, and
 * a previous result is sent as its URL (or looked up at Oxen when the service did not know it).
 */
class InputsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void a_local_file_is_uploaded_to_the_repository_and_its_url_is_the_input(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.mp4");
        Files.write(clip, SampleMp4.of(Duration.ofMillis(6_300)));
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob job = hub.jobs.submit(VideoRequest.edit("Make it snow", MediaSource.file(clip)));
            JobId id = job.awaitAccepted(WAIT).get();
            hub.oxen.advance(Duration.ofSeconds(3));
            GeneratedVideo video = job.await(WAIT).get();
            Path result = hub.jobs.download(video, dir.resolve("snow.mp4")).get().path();

            assertThat(hub.oxen.uploads()).singleElement().satisfies(file -> {
                assertThat(file.namespace()).isEqualTo("tests");
                assertThat(file.repo()).isEqualTo("inputs");
                assertThat(file.path()).startsWith(OxenRepository.DEFAULT_DIRECTORY + "/").endsWith(".mp4");
                assertThat(file.content()).isEqualTo(Files.readAllBytes(clip));
            });
            String uploaded = hub.oxen.uploads().get(0).path();
            assertThat(hub.oxen.job(id.value()).get().params().stringParam("input_video"))
                    .contains(hub.oxen.fileUrl("tests", "inputs", "main", uploaded).toString());
            assertThat(Mp4Header.duration(result).get()).isCloseTo(Duration.ofMillis(6_300), Duration.ofMillis(100));
            List<JournalEntry> calls = hub.oxen.journal().entries(entry -> entry.method().equals("PUT") || entry.call() == Call.SUBMIT);
            assertThat(calls).extracting(JournalEntry::method).containsExactly("PUT", "POST"); // uploaded before the enqueue
            assertThat(hub.oxen.credentialLeaks()).isEmpty();
        }
    }

    @Test
    void the_same_content_is_uploaded_once_and_bytes_go_the_same_way() throws InterruptedException {
        byte[] clip = SampleMp4.of(Duration.ofSeconds(2));
        try (SimulatedHub hub = SimulatedHub.start()) {
            for (int i = 0; i < 2; i++) {
                hub.jobs.submit(VideoRequest.edit("Make it snow " + i, MediaSource.bytes(clip))).awaitAccepted(WAIT).get();
            }
            assertThat(hub.oxen.journal().entries(entry -> entry.method().equals("PUT"))).hasSize(1);
            assertThat(hub.oxen.jobs()).hasSize(2)
                    .allSatisfy(job -> assertThat(job.params().stringParam("input_video").get()).endsWith(".mp4"));
        }
    }

    @Test
    void without_a_repository_a_local_input_is_refused_by_the_check_naming_what_to_do() {
        try (OxenSimulator oxen = OxenSimulator.start();
             OxenVideoProvider provider = OxenHub.builder().apiKey("k").baseUrl(oxen.baseUrl()).build()) {
            VideoRequest local = VideoRequest.edit("Make it snow", MediaSource.bytes(SampleMp4.of(Duration.ofSeconds(2))));
            assertThatThrownBy(() -> Submission.of(SubmissionKey.random(), local, provider.capabilities()))
                    .isInstanceOfSatisfying(UnsupportedCapabilityException.class, refusal ->
                            assertThat(refusal.violations()).singleElement().extracting(Violation::allowed)
                                    .isEqualTo("a public URL or a previous result"));
            assertThat(oxen.calls(Call.SUBMIT)).isZero();
        }
    }

    @Test
    void a_previous_result_is_sent_as_its_url_known_or_looked_up_at_oxen(@TempDir Path dir) throws Exception {
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob first = hub.jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(4)));
            JobId firstId = first.awaitAccepted(WAIT).get();
            hub.oxen.advance(Duration.ofSeconds(3));
            GeneratedVideo fox = first.await(WAIT).get();

            VideoJob chained = hub.jobs.submit(VideoRequest.edit("Make it snow", MediaSource.of(fox)));
            JobId chainedId = chained.awaitAccepted(WAIT).get();
            assertThat(hub.oxen.job(chainedId.value()).get().params().stringParam("input_video"))
                    .contains(fox.location().toString());

            // A job this service never saw: the adapter asks Oxen for the generation's result URL.
            try (OxenVideoProvider elsewhere = SimulatedHub.provider(hub.oxen).build()) {
                SubmitOutcome outcome = elsewhere.submit(Submission.of(SubmissionKey.random(),
                        VideoRequest.edit("Make it rain", MediaSource.ofJob(firstId)), elsewhere.capabilities()));
                JobId byId = ((SubmitOutcome.Accepted) outcome).jobId();
                assertThat(hub.oxen.job(byId.value()).get().params().stringParam("input_video"))
                        .contains(fox.location().toString());
            }
            hub.oxen.advance(Duration.ofSeconds(3));
            Path snowy = hub.jobs.download(chained.await(WAIT).get(), dir.resolve("snowy.mp4")).get().path();
            assertThat(Mp4Header.duration(snowy).get()).isCloseTo(Duration.ofSeconds(4), Duration.ofMillis(100));
            assertThat(hub.oxen.uploads()).as("a result is sent by URL, not uploaded again").isEmpty();
        }
    }

    @Test
    void an_edit_input_longer_than_eight_seconds_is_not_refused_and_the_result_says_what_oxen_did(@TempDir Path dir)
            throws Exception {
        Path clip = dir.resolve("long.mp4");
        Files.write(clip, SampleMp4.of(Duration.ofSeconds(10)));
        try (SimulatedHub hub = SimulatedHub.start()) {
            VideoJob job = hub.jobs.submit(VideoRequest.edit("Make it snow", MediaSource.file(clip)));
            job.awaitAccepted(WAIT).get();
            hub.oxen.advance(Duration.ofSeconds(3));
            GeneratedVideo video = job.await(WAIT).get(); // pushed: the event names the model

            assertThat(video.details()).containsEntry("model", OxenCapabilities.EDIT_MODEL)
                    .containsEntry("input_handling", OxenPolls.EDIT_INPUT_NOTE);
            Path result = hub.jobs.download(video, dir.resolve("snow.mp4")).get().path();
            assertThat(Mp4Header.duration(result).get()).isCloseTo(Duration.ofSeconds(8), Duration.ofMillis(100));
        }
    }
}
