package io.imagine4j.core.service;

import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.time.VirtualScheduler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the virtual clock, a job that reports progress is found finished with fewer polls and less
 * delay when its polls land near the predicted end than on the backoff's fixed ladder. The figures
 * are printed for the issue note and the benchmarks README.
 */
class ProgressAwarePollingTest {

    @ParameterizedTest(name = "a job of {0} s")
    @ValueSource(ints = {5, 30, 120})
    void predicting_the_end_from_progress_beats_the_ladder(int seconds) throws InterruptedException {
        Outcome ladder = run(Duration.ofSeconds(seconds), false);
        Outcome predicted = run(Duration.ofSeconds(seconds), true);
        System.out.printf("polling a %3d s job: ladder %2d polls, %5.2f s lag; progress-aware %2d polls, %5.2f s lag%n",
                seconds, ladder.polls(), ladder.lag().toMillis() / 1000.0, predicted.polls(), predicted.lag().toMillis() / 1000.0);
        assertThat(predicted.polls()).as("polls with the prediction").isLessThan(ladder.polls());
        assertThat(predicted.lag()).as("detection lag with the prediction").isLessThan(ladder.lag());
    }

    /** One job on the scripted provider (queued for a third of its time, then running with linear progress). */
    private static Outcome run(Duration processing, boolean progressAware) throws InterruptedException {
        VirtualScheduler time = VirtualScheduler.create();
        ScriptedProvider provider = new ScriptedProvider(time);
        provider.processing = processing;
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        ServiceSettings settings = VideoJobServiceTest.exact().withProgressAwarePolling(progressAware);
        Instant start = time.now();
        try (VideoJobService jobs = VideoJobService.builder(provider).scheduler(time).settings(settings).build()) {
            assertThat(jobs.submit(VideoRequest.textToVideo("A fox"), events::add).await(Duration.ofMinutes(10)).isRight())
                    .isTrue();
        }
        JobEvent.Finished finished = events.stream().filter(JobEvent.Finished.class::isInstance)
                .map(JobEvent.Finished.class::cast).findFirst().orElseThrow();
        return new Outcome(finished.polls(), Duration.between(start.plus(processing), finished.at()));
    }

    private record Outcome(int polls, Duration lag) {
    }
}
