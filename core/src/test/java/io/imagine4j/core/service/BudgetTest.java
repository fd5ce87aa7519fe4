package io.imagine4j.core.service;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.cost.BudgetExceededException;
import io.imagine4j.core.cost.Price;
import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Estimates before a submit, and a budget that refuses what would pass it before anything is stored or sent. */
class BudgetTest {

    final VirtualScheduler time = VirtualScheduler.create();
    final ScriptedProvider provider = new ScriptedProvider(time);
    final RecordingStore store = new RecordingStore();
    final PriceTable prices = PriceTable.of(Price.perSecond(ScriptedProvider.NAME, "video-1", new BigDecimal("0.07"),
            LocalDate.of(2026, 11, 1), "a test"));

    VideoJobService service(Budget budget) {
        return VideoJobService.builder(provider).scheduler(time).store(store)
                .settings(VideoJobServiceTest.exact().withPrices(prices).withBudget(budget)).build();
    }

    @Test
    void the_estimate_uses_the_service_prices_and_sends_nothing() {
        try (VideoJobService jobs = service(Budget.perSubmit(BigDecimal.TEN))) {
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(10))).get().usd())
                    .isEqualByComparingTo("0.70");
            assertThat(jobs.estimate(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(99))).getLeft())
                    .startsWith("the request is invalid: duration: 99 s");
        }
        assertThat(provider.submitted()).isEmpty();
    }

    @Test
    void a_submit_over_the_budget_per_submit_is_refused_before_it_is_stored_or_sent() {
        try (VideoJobService jobs = service(Budget.perSubmit(new BigDecimal("0.50")))) {
            assertThatThrownBy(() -> jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(10))))
                    .isInstanceOf(BudgetExceededException.class)
                    .hasMessageContaining("budget: $0.70 estimated")
                    .hasMessageContaining("allowed: at most $0.50 per submit");
            time.advance(Duration.ofMinutes(1));
        }
        assertThat(store.saves()).isEmpty();
        assertThat(provider.submitted()).isEmpty();
    }

    @Test
    void the_total_budget_counts_what_is_committed_and_gives_back_what_surely_started_nothing() throws InterruptedException {
        try (VideoJobService jobs = service(Budget.total(new BigDecimal("1.00")))) {
            VideoRequest sevenSeconds = VideoRequest.textToVideo("A fox").with(o -> o.withDurationSeconds(7)); // $0.49
            provider.refuseNextSubmit(JobFailure.of(FailureKind.INVALID_REQUEST, "refused", "No."));
            jobs.submit(sevenSeconds).await(Duration.ofMinutes(1));   // refused: nothing spent
            jobs.submit(sevenSeconds).await(Duration.ofMinutes(1));   // $0.49 committed
            jobs.submit(sevenSeconds).await(Duration.ofMinutes(1));   // $0.98 committed
            assertThatThrownBy(() -> jobs.submit(sevenSeconds)).isInstanceOf(BudgetExceededException.class)
                    .hasMessageContaining("$0.98 already committed").hasMessageContaining("at most $1.00 in all");
        }
    }

    @Test
    void a_request_whose_cost_cannot_be_told_is_refused_while_a_budget_is_set() {
        try (VideoJobService jobs = service(Budget.perSubmit(BigDecimal.TEN))) {
            assertThatThrownBy(() -> jobs.submit(VideoRequest.textToVideo("A fox").with(o -> o.withModel("video-text"))))
                    .isInstanceOf(BudgetExceededException.class)
                    .hasMessageContaining("cannot be held to the budget: no price is known for scripted model video-text");
        }
    }
}
