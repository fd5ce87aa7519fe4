package io.imagine4j.core.cost;

import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.Violation;

import java.util.List;

/**
 * A submit was refused because its estimated cost would pass the service's {@link Budget}, or
 * could not be estimated while a budget is set. Nothing was stored or sent. The violation names
 * the estimate and what the budget allows.
 *
 * <pre>{@code
 * try {
 *     jobs.submit(request);
 * } catch (BudgetExceededException e) {
 *     System.err.println(e.getMessage());   // budget: $3.36 estimated ... (allowed: at most $2.00 per submit)
 * }
 * }</pre>
 */
public class BudgetExceededException extends InvalidRequestException {

    public BudgetExceededException(String provider, Violation violation) {
        super(provider, List.of(violation));
    }
}
