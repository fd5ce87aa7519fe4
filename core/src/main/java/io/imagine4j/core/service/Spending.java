package io.imagine4j.core.service;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.cost.BudgetExceededException;
import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What the service has committed to spend, against its {@link Budget}: each submit reserves its
 * estimate before anything is sent; a submit that surely started nothing gives it back; a job that
 * ends with a reported cost replaces its share of the estimate by what the provider billed.
 */
final class Spending {

    private final String provider;
    private final PriceTable prices;
    private final Option<Budget> budget;
    private final Map<SubmissionKey, Reserved> reserved = new HashMap<>();
    private BigDecimal committed = BigDecimal.ZERO;

    Spending(String provider, PriceTable prices, Option<Budget> budget) {
        this.provider = provider;
        this.prices = prices;
        this.budget = budget;
    }

    Either<String, CostEstimate> estimate(CheckedRequest request) {
        return prices.estimate(provider, request);
    }

    /**
     * Reserves the estimate of a submit about to be recorded under {@code submission}.
     *
     * @throws BudgetExceededException when it would pass the budget, or cannot be estimated while one is set
     */
    synchronized void reserve(SubmissionKey submission, CheckedRequest request) {
        if (budget.isEmpty()) {
            return;
        }
        CostEstimate estimate = estimate(request).getOrElseThrow(why -> new BudgetExceededException(provider,
                new Violation("budget", "an unknown cost", "cannot be held to the budget: " + why,
                        describe(budget.get()), Violation.Reason.NOT_ALLOWED)));
        Budget limits = budget.get();
        limits.perSubmit().filter(max -> estimate.usd().compareTo(max) > 0).forEach(max -> {
            throw new BudgetExceededException(provider, new Violation("budget", "$" + estimate.usd().toPlainString()
                    + " estimated (" + estimate + ")", "would pass the budget per submit", describe(limits),
                    Violation.Reason.NOT_ALLOWED));
        });
        limits.total().filter(max -> committed.add(estimate.usd()).compareTo(max) > 0).forEach(max -> {
            throw new BudgetExceededException(provider, new Violation("budget", "$" + estimate.usd().toPlainString()
                    + " estimated, $" + money(committed) + " already committed", "would pass the total budget",
                    describe(limits), Violation.Reason.NOT_ALLOWED));
        });
        committed = committed.add(estimate.usd());
        int generations = request.request().options().generationCount();
        reserved.put(submission, new Reserved(estimate.usd(), generations));
    }

    /** A submit that surely started nothing gives its reservation back. */
    synchronized void release(SubmissionKey submission) {
        Reserved gone = reserved.remove(submission);
        if (gone != null) {
            committed = committed.subtract(gone.left());
        }
    }

    /** One generation of {@code submission} ended: its share of the estimate becomes what it cost, where known. */
    synchronized void settle(SubmissionKey submission, JobState state) {
        Reserved held = reserved.get(submission);
        if (held == null) {
            return;
        }
        BigDecimal share = held.share();
        Option<BigDecimal> billed = state.result().flatMap(video -> video.costUsd())
                .orElse(() -> state.failure().flatMap(failure -> failure.costUsd()));
        committed = committed.subtract(share).add(billed.getOrElse(share));
        Reserved next = held.settledOne();
        if (next.generations() == 0) {
            reserved.remove(submission);
        } else {
            reserved.put(submission, next);
        }
    }

    synchronized BigDecimal committed() {
        return committed;
    }

    private static String money(BigDecimal usd) {
        return usd.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String describe(Budget budget) {
        return budget.perSubmit().map(usd -> "at most $" + usd.toPlainString() + " per submit").getOrElse("")
                + (budget.perSubmit().isDefined() && budget.total().isDefined() ? ", " : "")
                + budget.total().map(usd -> "at most $" + usd.toPlainString() + " in all").getOrElse("");
    }

    /** The estimate still reserved for a submit's generations that have not ended. */
    private record Reserved(BigDecimal left, int generations) {
        BigDecimal share() {
            return left.divide(BigDecimal.valueOf(generations), 6, java.math.RoundingMode.HALF_UP);
        }

        Reserved settledOne() {
            return new Reserved(left.subtract(share()), generations - 1);
        }
    }
}
