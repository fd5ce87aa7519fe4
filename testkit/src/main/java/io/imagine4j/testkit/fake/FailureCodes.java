package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;

import java.util.Locale;
import java.util.Map;

/**
 * How {@link FakeVideoProvider} types the code of a scripted {@code Outcome.Fail}: the codes the
 * three real protocols use, mapped as their adapters map them. Anything unknown is a
 * {@link FailureKind#PROVIDER_ERROR}, as an adapter must treat an unknown code.
 *
 * <table>
 *   <caption>Failure codes and their kinds</caption>
 *   <tr><th>code</th><th>kind</th></tr>
 *   <tr><td>any code containing {@code moderat}, {@code content_policy}, {@code safety}</td><td>MODERATION</td></tr>
 *   <tr><td>{@code invalid_argument invalid_request invalid_request_error invalid_params bad_request failed_precondition}</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>{@code unauthenticated unauthorized invalid_api_key authentication_error}</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>{@code permission_denied forbidden}</td><td>PERMISSION</td></tr>
 *   <tr><td>{@code quota_exceeded insufficient_quota resource_exhausted insufficient_credits billing_hard_limit_reached}</td><td>QUOTA</td></tr>
 *   <tr><td>{@code rate_limited rate_limit_exceeded too_many_requests}</td><td>RATE_LIMITED</td></tr>
 *   <tr><td>{@code deadline_exceeded timeout}</td><td>TIMEOUT</td></tr>
 *   <tr><td>{@code expired}</td><td>EXPIRED</td></tr>
 *   <tr><td>{@code not_found resource_not_found}</td><td>NOT_FOUND</td></tr>
 *   <tr><td>{@code internal_error service_unavailable} and every other code</td><td>PROVIDER_ERROR</td></tr>
 * </table>
 *
 * <pre>{@code
 * FailureCodes.kindOf("invalid_argument"); // INVALID_REQUEST
 * }</pre>
 */
public final class FailureCodes {

    private static final Map<String, FailureKind> KNOWN = Map.ofEntries(
            Map.entry("invalid_argument", FailureKind.INVALID_REQUEST),
            Map.entry("invalid_request", FailureKind.INVALID_REQUEST),
            Map.entry("invalid_request_error", FailureKind.INVALID_REQUEST),
            Map.entry("invalid_params", FailureKind.INVALID_REQUEST),
            Map.entry("bad_request", FailureKind.INVALID_REQUEST),
            Map.entry("failed_precondition", FailureKind.INVALID_REQUEST),
            Map.entry("unauthenticated", FailureKind.AUTHENTICATION),
            Map.entry("unauthorized", FailureKind.AUTHENTICATION),
            Map.entry("invalid_api_key", FailureKind.AUTHENTICATION),
            Map.entry("authentication_error", FailureKind.AUTHENTICATION),
            Map.entry("permission_denied", FailureKind.PERMISSION),
            Map.entry("forbidden", FailureKind.PERMISSION),
            Map.entry("quota_exceeded", FailureKind.QUOTA),
            Map.entry("insufficient_quota", FailureKind.QUOTA),
            Map.entry("resource_exhausted", FailureKind.QUOTA),
            Map.entry("insufficient_credits", FailureKind.QUOTA),
            Map.entry("billing_hard_limit_reached", FailureKind.QUOTA),
            Map.entry("rate_limited", FailureKind.RATE_LIMITED),
            Map.entry("rate_limit_exceeded", FailureKind.RATE_LIMITED),
            Map.entry("too_many_requests", FailureKind.RATE_LIMITED),
            Map.entry("deadline_exceeded", FailureKind.TIMEOUT),
            Map.entry("timeout", FailureKind.TIMEOUT),
            Map.entry("expired", FailureKind.EXPIRED),
            Map.entry("not_found", FailureKind.NOT_FOUND),
            Map.entry("resource_not_found", FailureKind.NOT_FOUND));

    private FailureCodes() {
    }

    /** The kind of a job that failed with the provider's {@code code} (case-insensitive). */
    public static FailureKind kindOf(String code) {
        String normal = code == null ? "" : code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (normal.contains("moderat") || normal.contains("content_policy") || normal.contains("safety")) {
            return FailureKind.MODERATION;
        }
        return KNOWN.getOrDefault(normal, FailureKind.PROVIDER_ERROR);
    }
}
