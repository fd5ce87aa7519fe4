package io.imagine4j.oxen;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.out.JobPage;
import io.imagine4j.core.port.out.JobQuery;
import io.imagine4j.testkit.scenario.Call;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /ai/queue} as the provider's job list: active jobs by default, a status and a model as filters, pages cut here. */
class QueueListTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void the_list_pages_through_the_active_jobs_newest_first_and_filters_by_status_and_model() throws InterruptedException {
        try (SimulatedHub hub = SimulatedHub.start()) {
            List<JobId> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                VideoJob job = hub.jobs.submit(PushCompletionTest.edit("Clip " + i + " #sim:time=" + (i < 2 ? 2 : 10) + "s"));
                ids.add(job.awaitAccepted(WAIT).get());
            }
            List<JobSummary> active = hub.jobs.list(JobQuery.all().withPageSize(2)).collect(Collectors.toList());
            assertThat(active).extracting(JobSummary::jobId).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
            assertThat(active).allSatisfy(job -> {
                assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
                assertThat(job.model()).contains(OxenCapabilities.EDIT_MODEL);
                assertThat(job.createdAt().isDefined()).isTrue();
            });
            assertThat(hub.oxen.calls(Call.LIST)).as("three pages of two").isEqualTo(3);

            hub.oxen.advance(Duration.ofSeconds(3)); // the first two end
            assertThat(hub.jobs.list(JobQuery.all()).map(JobSummary::jobId)).containsExactly(ids.get(4), ids.get(3), ids.get(2));
            assertThat(hub.jobs.list(JobQuery.all().withStatus(JobStatus.SUCCEEDED)).map(JobSummary::jobId))
                    .containsExactly(ids.get(1), ids.get(0));
            assertThat(hub.jobs.list(JobQuery.all().withModel("kling-video-v2-6-pro-text-to-video"))).isEmpty();
            assertThat(hub.jobs.list(JobQuery.all().withStatus(JobStatus.EXPIRED))).as("a status Oxen has not").isEmpty();
            assertThat(hub.oxen.journal().entries(entry -> entry.call() == Call.LIST)).last()
                    .satisfies(entry -> assertThat(entry.query()).contains("media_type=video").doesNotContain("status"));
        }
    }

    @Test
    void a_page_names_the_next_cursor_until_the_last() {
        try (SimulatedHub hub = SimulatedHub.start()) {
            for (int i = 0; i < 3; i++) {
                hub.jobs.submit(PushCompletionTest.edit("Clip " + i));
            }
            SimulatedHub.await("three jobs enqueued", () -> hub.oxen.jobs().size() == 3);
            JobPage first = hub.provider.list(JobQuery.all().withPageSize(2)).get();
            assertThat(first.jobs()).hasSize(2);
            JobPage second = hub.provider.list(JobQuery.all().withPageSize(2).after(first.next().get())).get();
            assertThat(second.jobs()).hasSize(1);
            assertThat(second.next()).isEmpty();
        }
    }
}
