package io.imagine4j.xai;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.cost.BudgetExceededException;
import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.cost.Price;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** xAI's prices, dated and sourced, in the service's estimates and budget; the reported cost is the truth after a job. */
class XaiPricesTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(() -> XaiSimulator.start(SimulatorOptions.realTime()));

    static VideoJobs jobs(XaiSimulator sim, ServiceSettings settings) {
        return VideoJobService.builder(XaiVideo.builder().apiKey("k").baseUrl(sim.baseUrl()).build())
                .settings(settings.withPollBackoff(Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(100), 0.2))).build();
    }

    @Test
    void every_price_is_dated_and_sourced() {
        assertThat(XaiVideo.withApiKey("k").prices().prices()).allSatisfy(price -> {
            assertThat(price.provider()).isEqualTo("xai");
            assertThat(price.asOf()).isEqualTo(LocalDate.of(2026, 12, 6));
            assertThat(price.source()).startsWith("https://");
        }).extracting(Price::usdPerSecond).containsExactly(new BigDecimal("0.07"), new BigDecimal("0.14"), new BigDecimal("0.08"));
    }

    @Test
    void estimates_follow_the_kind_the_model_and_the_resolution(@TempDir Path dir) {
        XaiSimulator sim = XAI.get();
        try (VideoJobs jobs = jobs(sim, ServiceSettings.defaults())) {
            CostEstimate eight = jobs.estimate(VideoRequest.textToVideo("A fox")).get();
            assertThat(eight.usd()).isEqualByComparingTo("0.56"); // xAI's default 8 s at $4.20 a minute
            assertThat(eight.price().source()).contains("docs.x.ai");
            assertThat(jobs.estimate(VideoRequest.extend("On", MediaSource.url("https://example.com/a.mp4"))).get().usd())
                    .isEqualByComparingTo("0.42"); // the default 6 s segment: only new video is billed
            assertThat(jobs.estimate(VideoRequest.edit("Snow", MediaSource.file(Samples.mp4(dir, "four.mp4", Duration.ofSeconds(4)))))
                    .get().usd()).isEqualByComparingTo("0.28"); // an edit is as long as its input
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withModel("grok-imagine-video-1.5")
                    .withDurationSeconds(10).withResolution(Resolution.P720))).get().usd()).isEqualByComparingTo("1.40");
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withModel("grok-imagine-video-1.5")
                    .withDurationSeconds(10).withResolution(Resolution.P480))).get().usd()).isEqualByComparingTo("0.80");
            // A discovered preview is priced as its family.
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withModel("grok-imagine-video-1.5-preview")
                    .withDurationSeconds(5))).get().usd()).isEqualByComparingTo("0.70");
        }
    }

    @Test
    void a_budget_refuses_before_any_call_and_reported_costs_replace_estimates() throws InterruptedException {
        XaiSimulator sim = XAI.get();
        try (VideoJobs perSubmit = jobs(sim, ServiceSettings.defaults().withBudget(Budget.perSubmit(new BigDecimal("0.50"))))) {
            assertThatThrownBy(() -> perSubmit.submit(VideoRequest.textToVideo("A fox")))
                    .isInstanceOf(BudgetExceededException.class).hasMessageContaining("$0.56 estimated");
        }
        assertThat(sim.calls(Call.SUBMIT)).isZero();

        // $1.00 in all: each 8 s job is estimated at $0.56, and the simulator bills $0.40 for it (also when moderated).
        try (VideoJobs jobs = jobs(sim, ServiceSettings.defaults().withBudget(Budget.total(new BigDecimal("1.00"))))) {
            JobFailure moderated = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=50ms,moderated"))
                    .await(Duration.ofSeconds(20)).getLeft();
            assertThat(moderated.kind()).isEqualTo(FailureKind.MODERATION);
            assertThat(moderated.costUsd()).contains(new BigDecimal("0.4"));
            // Only because the reported $0.40 replaced the $0.56 estimate does a second job fit ($0.40 + $0.56 ≤ $1.00).
            GeneratedVideo fox = jobs.submit(VideoRequest.textToVideo("A fox #sim:time=50ms")).await(Duration.ofSeconds(20)).get();
            assertThat(fox.costUsd()).contains(new BigDecimal("0.4"));
            assertThatThrownBy(() -> jobs.submit(VideoRequest.textToVideo("A fox #sim:time=50ms")))
                    .isInstanceOf(BudgetExceededException.class).hasMessageContaining("$0.56 estimated").hasMessageContaining("already committed");
        }
        assertThat(sim.calls(Call.SUBMIT)).isEqualTo(2);
    }
}
