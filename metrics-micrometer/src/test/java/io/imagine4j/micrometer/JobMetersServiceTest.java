package io.imagine4j.micrometer;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Submission;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.VirtualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters fed by the core's own service: thousands of jobs on a virtual clock. */
class JobMetersServiceTest {

    private static final int JOBS = 3_000;

    @Test
    void thousands_of_jobs_in_flight_are_counted_and_released() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JobMeters meters = JobMeters.on(registry);
        VirtualScheduler time = VirtualScheduler.create();
        try (VideoJobService jobs = VideoJobService.builder(new TwoPolls()).scheduler(time).listener(meters).build()) {
            for (int i = 0; i < JOBS; i++) {
                jobs.submit(VideoRequest.textToVideo("a red fox number " + i));
            }
            time.runDue();

            assertThat(registry.get(JobMeters.SUBMITTED).counter().count()).isEqualTo(JOBS);
            assertThat(registry.get(JobMeters.IN_FLIGHT).gauge().value()).isEqualTo(JOBS);
            assertThat(meters.tracked()).isEqualTo(JOBS);

            time.advance(Duration.ofMinutes(5));

            assertThat(registry.get(JobMeters.IN_FLIGHT).gauge().value()).isZero();
            assertThat(meters.tracked()).isZero();
            assertThat(registry.get(JobMeters.FINISHED).tags("outcome", "succeeded", "kind", "text-to-video")
                    .counter().count()).isEqualTo(JOBS);
            assertThat(registry.get(JobMeters.POLLS).summary().count()).isEqualTo(JOBS);
            assertThat(registry.get(JobMeters.POLLS).summary().mean()).isEqualTo(2.0);
            assertThat(registry.get(JobMeters.TIME_TO_RESULT).timer().count()).isEqualTo(JOBS);
            assertThat(registry.getMeters()).hasSizeLessThan(10);
        }
    }

    /** Accepts every job; answers running on the first poll and done on the second. */
    private static final class TwoPolls implements VideoProvider {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<JobId, AtomicInteger> polls = new ConcurrentHashMap<>();

        @Override
        public ProviderCapabilities capabilities() {
            return ProviderCapabilities.builder("fake").model(ModelCapabilities.named("m")
                    .kind(RequestKind.TEXT_TO_VIDEO, RequestLimits.builder().build())).build();
        }

        @Override
        public SubmitOutcome submit(Submission submission) {
            JobId id = JobId.of("fake", "job-" + ids.incrementAndGet());
            polls.put(id, new AtomicInteger());
            return new SubmitOutcome.Accepted(id, JobUpdate.queued("queued"));
        }

        @Override
        public Either<JobFailure, JobUpdate> poll(JobId jobId) {
            return Either.right(polls.get(jobId).incrementAndGet() == 1 ? JobUpdate.running("running")
                    : JobUpdate.succeeded(GeneratedVideo.at(jobId, URI.create("https://results.example/v.mp4")), "done"));
        }

        @Override
        public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
            throw new AssertionError("this test never downloads");
        }
    }
}
