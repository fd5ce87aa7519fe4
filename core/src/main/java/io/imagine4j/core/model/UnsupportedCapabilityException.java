package io.imagine4j.core.model;

import java.util.List;

/**
 * The request, or the operation, needs something the provider does not offer: a request kind, a
 * model option such as audio, or an operation such as cancel. Nothing was sent.
 * {@link #violations()} lists every problem found, unsupported or not.
 *
 * <pre>{@code
 * try {
 *     jobs.cancel(jobId);
 * } catch (UnsupportedCapabilityException e) {
 *     // xAI has no cancel endpoint: let the job finish
 * }
 * }</pre>
 */
public class UnsupportedCapabilityException extends InvalidRequestException {

    public UnsupportedCapabilityException(String provider, List<Violation> violations) {
        super(provider, violations);
    }

    /** An operation the provider does not offer, such as {@code cancel}. */
    public static UnsupportedCapabilityException operation(String provider, String operation, String wayOut) {
        return new UnsupportedCapabilityException(provider, List.of(new Violation(operation, provider,
                "does not offer " + operation + "; " + wayOut, "", Violation.Reason.UNSUPPORTED)));
    }
}
