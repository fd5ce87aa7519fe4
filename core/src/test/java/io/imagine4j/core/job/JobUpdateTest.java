package io.imagine4j.core.job;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.GeneratedVideo;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobUpdateTest {

    private static final JobId ID = JobId.of("p", "1");

    @Test
    void results_and_failures_belong_to_their_statuses_only() {
        GeneratedVideo video = GeneratedVideo.at(ID, URI.create("https://r.example/v.mp4"));
        JobFailure failure = JobFailure.of(FailureKind.MODERATION, "m", "no");
        assertThatThrownBy(() -> new JobUpdate(JobStatus.RUNNING, Option.none(), Option.some(video), Option.none(), "", Option.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobUpdate(JobStatus.SUCCEEDED, Option.none(), Option.none(), Option.none(), "", Option.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobUpdate(JobStatus.FAILED, Option.none(), Option.none(), Option.none(), "", Option.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobUpdate(JobStatus.QUEUED, Option.none(), Option.none(), Option.some(failure), "", Option.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobUpdate.running("x").withProgress(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancelled_and_expired_updates_explain_themselves_and_name_the_job() {
        assertThat(JobUpdate.cancelled("cancelled").forJob(ID).failure().get().jobId()).contains(ID);
        assertThat(JobUpdate.expired("expired").failure().get().kind()).isEqualTo(FailureKind.EXPIRED);
    }

    @Test
    void signed_result_urls_never_print_their_query() {
        GeneratedVideo video = GeneratedVideo.at(ID, URI.create("https://bucket.example/v.mp4?X-Amz-Signature=SECRET"));
        assertThat(video.toString()).doesNotContain("SECRET").contains("https://bucket.example/v.mp4?…");
    }
}
