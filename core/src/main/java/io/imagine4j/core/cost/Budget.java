package io.imagine4j.core.cost;

import io.vavr.control.Option;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A ceiling on what a service may spend: per submit, over the service's life, or both. A submit
 * whose estimate would pass it is refused with {@link BudgetExceededException} before anything is
 * stored or sent; one whose cost cannot be estimated is refused too, since it could pass it.
 *
 * <pre>{@code
 * ServiceSettings settings = ServiceSettings.defaults().withBudget(Budget.perSubmit(new BigDecimal("2.00")));
 * }</pre>
 *
 * @param perSubmit the most one submit (all its generations) may cost
 * @param total     the most all submits of the service may cost together (estimates, replaced by
 *                  the provider's reported cost as jobs end)
 */
public record Budget(Option<BigDecimal> perSubmit, Option<BigDecimal> total) {

    public Budget {
        Objects.requireNonNull(perSubmit, "perSubmit");
        Objects.requireNonNull(total, "total");
        if (perSubmit.exists(usd -> usd.signum() < 0) || total.exists(usd -> usd.signum() < 0)) {
            throw new IllegalArgumentException("A budget is not negative");
        }
    }

    public static Budget perSubmit(BigDecimal usd) {
        return new Budget(Option.some(usd), Option.none());
    }

    public static Budget total(BigDecimal usd) {
        return new Budget(Option.none(), Option.some(usd));
    }

    /** This budget, also limiting the total. */
    public Budget withTotal(BigDecimal usd) {
        return new Budget(perSubmit, Option.some(usd));
    }
}
