package io.imagine4j.cli;

import io.vavr.control.Option;
import picocli.CommandLine;

import java.math.BigDecimal;

/** What a submit may cost: {@code --estimate} asks, {@code --max-cost} limits. */
final class CostOptions {

    @CommandLine.Option(names = "--estimate",
            description = "Print the estimated cost of the request and submit nothing.")
    boolean estimate;

    @CommandLine.Option(names = "--max-cost", paramLabel = "USD",
            description = "Refuse to submit when the estimated cost is above USD (exit 2, before any network call).")
    String maxCost;

    Option<BigDecimal> maxCost() {
        if (maxCost == null) {
            return Option.none();
        }
        try {
            BigDecimal usd = new BigDecimal(maxCost.trim().replaceFirst("^\\$", ""));
            if (usd.signum() < 0) {
                throw new NumberFormatException();
            }
            return Option.some(usd);
        } catch (NumberFormatException e) {
            throw new UsageException("--max-cost: '" + maxCost + "' is not an amount in US dollars; write it like 0.50 or 2");
        }
    }
}
