package io.imagine4j.core.service;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.UnsupportedCapabilityException;
import io.imagine4j.core.port.in.ProviderCallException;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.core.time.VirtualScheduler;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider's job list as a lazy stream: pages fetched as they are read, by the cursor of the page before. */
class ProviderJobListTest {

    final VirtualScheduler time = VirtualScheduler.create();
    final List<JobQuery> asked = new ArrayList<>();
    final List<JobSummary> all = IntStream.rangeClosed(1, 7).mapToObj(i -> new JobSummary(JobId.of("scripted", "job-" + i),
            i % 2 == 0 ? JobStatus.RUNNING : JobStatus.SUCCEEDED, "", Option.none(), Option.some("video-1"),
            Option.none(), Option.none())).collect(Collectors.toList());

    /** Pages of three, cursor = the last id; ignores the status filter, as some servers do. */
    final ScriptedProvider provider = new ScriptedProvider(time, ProviderFeature.LIST) {
        @Override
        public Either<JobFailure, JobPage> list(JobQuery query) {
            asked.add(query);
            int start = query.after().map(after -> all.stream().map(j -> j.jobId().value()).toList().indexOf(after) + 1)
                    .getOrElse(0);
            List<JobSummary> page = all.subList(start, Math.min(start + 3, all.size()));
            return Either.right(new JobPage(page, start + 3 < all.size()
                    ? Option.some(page.get(page.size() - 1).jobId().value()) : Option.none()));
        }
    };

    @Test
    void pages_are_fetched_only_as_far_as_the_stream_is_read() {
        try (VideoJobService jobs = VideoJobService.builder(provider).scheduler(time).build();
             Stream<JobSummary> listed = jobs.list(JobQuery.all().withPageSize(3))) {
            assertThat(listed.limit(4).map(job -> job.jobId().value())).containsExactly("job-1", "job-2", "job-3", "job-4");
            assertThat(asked).hasSize(2);
            assertThat(asked.get(1).after()).contains("job-3");
        }
    }

    @Test
    void a_filter_the_provider_ignored_is_applied_to_each_page() {
        try (VideoJobService jobs = VideoJobService.builder(provider).scheduler(time).build()) {
            assertThat(jobs.list(JobQuery.all().withStatus(JobStatus.RUNNING)).map(job -> job.jobId().value()))
                    .containsExactly("job-2", "job-4", "job-6");
            assertThat(asked).hasSize(3);
        }
    }

    @Test
    void a_page_that_cannot_be_fetched_ends_the_stream_with_the_typed_failure() {
        ScriptedProvider failing = new ScriptedProvider(time, ProviderFeature.LIST) {
            @Override
            public Either<JobFailure, JobPage> list(JobQuery query) {
                return Either.left(JobFailure.of(FailureKind.RATE_LIMITED, "http_429", "Slow down."));
            }
        };
        try (VideoJobService jobs = VideoJobService.builder(failing).scheduler(time).build()) {
            assertThatThrownBy(() -> jobs.list(JobQuery.all()).findFirst()).isInstanceOf(ProviderCallException.class)
                    .satisfies(e -> assertThat(((ProviderCallException) e).failure().kind()).isEqualTo(FailureKind.RATE_LIMITED));
        }
    }

    @Test
    void without_a_list_the_typed_refusal_names_the_alternative() {
        try (VideoJobService jobs = VideoJobService.builder(new ScriptedProvider(time)).scheduler(time).build()) {
            assertThatThrownBy(() -> jobs.list(JobQuery.all())).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("does not offer list; keep the ids of your jobs: the job store lists them");
            assertThatThrownBy(() -> jobs.delete(JobId.of("scripted", "x"))).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("results expire at the provider on their own");
        }
    }
}
