package io.imagine4j.testkit.readme;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.Scenario;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's fake-provider example, verbatim, so it cannot rot. */
class ReadmeFakeExampleTest {

    @Test
    void the_fake_provider_example() throws InterruptedException {
        VideoRequest request = VideoRequest.textToVideo("A red fox running through snow");
        // --- README ---
        VirtualScheduler time = VirtualScheduler.create();
        FakeVideoProvider fake = FakeVideoProvider.on(time);
        try (VideoJobs jobs = VideoJobService.builder(fake).scheduler(time).build()) {
            fake.enqueue(Scenario.moderated());                                 // the next job is rejected
            Either<JobFailure, GeneratedVideo> outcome = jobs.submit(request).await(Duration.ofMinutes(10));
            assertThat(outcome.getLeft().kind()).isEqualTo(FailureKind.MODERATION);
        }
        // --- end ---
        assertThat(time.now()).isAfter(VirtualScheduler.EPOCH.plusSeconds(2));
    }
}
