package io.imagine4j.core.service;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A previous result as an input: looked up before the check, so its known length is checked before anything is sent. */
class ChainedInputsTest {

    final VirtualScheduler time = VirtualScheduler.create();
    final ScriptedProvider provider = new ScriptedProvider(time);
    final VideoJobService jobs = VideoJobService.builder(provider).scheduler(time).settings(VideoJobServiceTest.exact()).build();

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void an_edit_of_a_ten_second_result_fails_the_edit_input_rule_before_any_network_call() throws InterruptedException {
        provider.resultLength = Duration.ofSeconds(10);
        VideoJob first = jobs.submit(VideoRequest.textToVideo("A fox"));
        GeneratedVideo ten = first.await(Duration.ofMinutes(1)).get();
        int submitsBefore = provider.submitted().size();

        for (MediaSource input : new MediaSource[] {MediaSource.of(ten), MediaSource.ofJob(first.jobId().get())}) {
            assertThatThrownBy(() -> jobs.submit(VideoRequest.edit("Make it snow", input)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("video: the result of job " + first.jobId().get() + " is 10 s long")
                    .hasMessageContaining("at most 8.7 s");
        }
        assertThat(provider.submitted()).as("nothing was sent").hasSize(submitsBefore);
    }

    @Test
    void an_edit_of_a_job_known_only_by_its_id_is_sent_with_the_result_the_service_looked_up() throws InterruptedException {
        VideoJob first = jobs.submit(VideoRequest.textToVideo("A fox"));
        GeneratedVideo video = first.await(Duration.ofMinutes(1)).get();
        VideoJob edit = jobs.submit(VideoRequest.edit("Make it snow", MediaSource.ofJob(video.jobId())));
        assertThat(edit.await(Duration.ofMinutes(1)).isRight()).isTrue();
        MediaSource sent = provider.submitted().get(1).request().input().get();
        assertThat(sent).isEqualTo(MediaSource.of(video));
    }

    @Test
    void a_job_that_has_not_succeeded_is_no_input() {
        provider.processing = Duration.ofMinutes(5);
        VideoJob running = jobs.submit(VideoRequest.textToVideo("A fox"));
        time.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> jobs.submit(VideoRequest.edit("Snow", MediaSource.ofJob(running.jobId().get()))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(Violation::problem)
                        .singleElement().asString().contains("is not ready: the job is QUEUED"));
        assertThat(jobs.validate(VideoRequest.edit("Snow", MediaSource.ofJob(running.jobId().get()))).isInvalid()).isTrue();
    }

    @Test
    void a_job_this_service_does_not_know_is_left_to_the_provider() throws InterruptedException {
        JobId elsewhere = JobId.of(ScriptedProvider.NAME, "from-another-process");
        VideoJob edit = jobs.submit(VideoRequest.edit("Snow", MediaSource.ofJob(elsewhere)));
        edit.awaitAccepted(Duration.ofSeconds(5));
        MediaSource sent = provider.submitted().get(0).request().input().get();
        assertThat(sent).isEqualTo(MediaSource.ofJob(elsewhere));
    }

    @Test
    void a_remix_is_refused_where_no_model_runs_remixes() {
        assertThatThrownBy(() -> jobs.submit(VideoRequest.remix("At night", JobId.of(ScriptedProvider.NAME, "x"))))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("kind: remix is not offered by any model of scripted");
    }
}
