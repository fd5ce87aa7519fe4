package io.imagine4j.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was refused before anything was sent, for every reason listed in
 * {@link #violations()}.
 *
 * <pre>{@code
 * try {
 *     jobs.submit(request);
 * } catch (InvalidRequestException e) {
 *     e.violations().forEach(v -> System.err.println(v.message()));
 * }
 * }</pre>
 */
public class InvalidRequestException extends Imagine4jException {

    private final transient List<Violation> violations;

    public InvalidRequestException(String provider, List<Violation> violations) {
        super(describe(provider, violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(String provider, List<Violation> violations) {
        String problems = violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        return (violations.size() == 1 ? "The request cannot be sent to " : violations.size() + " problems keep the request from being sent to ")
                + provider + ": " + problems;
    }
}
