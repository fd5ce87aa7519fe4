package io.imagine4j.core.cost;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What a request is expected to cost before it is sent: seconds of video per generation, times
 * the number of generations, times the price. An estimate, not a bill: the provider's reported
 * cost, once a job ends, is the truth ({@code GeneratedVideo.costUsd}, {@code JobFailure.costUsd}).
 *
 * <pre>{@code
 * jobs.estimate(request).forEach(estimate -> System.out.println(estimate));
 * // $0.56 for 1 × 8 s at $0.07/s for xai grok-imagine-video (as of 2026-11-01, ...)
 * }</pre>
 *
 * @param usd         the estimated total in US dollars
 * @param perVideo    the seconds of video each generation makes
 * @param generations how many videos the submit makes
 * @param price       the price used
 */
public record CostEstimate(BigDecimal usd, Duration perVideo, int generations, Price price) {

    public CostEstimate {
        Objects.requireNonNull(usd, "usd");
        Objects.requireNonNull(perVideo, "perVideo");
        Objects.requireNonNull(price, "price");
    }

    @Override
    public String toString() {
        return "$" + usd.toPlainString() + " for " + generations + " × " + seconds(perVideo) + " s at " + price;
    }

    static String seconds(Duration value) {
        return BigDecimal.valueOf(value.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
