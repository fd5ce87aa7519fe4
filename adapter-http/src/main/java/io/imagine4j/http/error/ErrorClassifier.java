package io.imagine4j.http.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.response.ResponseHeaders;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an error answer into the core's typed {@link JobFailure}: the kind from the status and the
 * body, the provider's code (or {@code http_<status>}), a message that quotes the provider
 * (scrubbed of credentials, truncated) and says what to do, and the {@code Retry-After} wait.
 *
 * <p>The standard mapping: 400, 413, 415, 422 → {@code INVALID_REQUEST}; 401 →
 * {@code AUTHENTICATION}; 402 → {@code QUOTA}; 403 → {@code PERMISSION}; 404 → {@code NOT_FOUND};
 * 408 → {@code UNAVAILABLE}; 409 → {@code PROVIDER_ERROR}; 410 → {@code EXPIRED}; 429 →
 * {@code RATE_LIMITED}; other 4xx → {@code INVALID_REQUEST}; 503 → {@code UNAVAILABLE}; other 5xx →
 * {@code PROVIDER_ERROR}; anything else (a redirect, a 2xx passed here) → {@code PROTOCOL}. Before
 * that, a quota or credit code or message on a 400, 402, 403 or 429 means {@code QUOTA}, and a
 * moderation code on a 400, 403 or 422 means {@code MODERATION}. Rules added with
 * {@link #withRule} come first, in the order added.
 *
 * <pre>{@code
 * ErrorClassifier classifier = ErrorClassifier.forProvider("xAI")
 *         .withRule(ErrorRule.code("imagine:content-moderated", FailureKind.MODERATION));
 * JobFailure failure = classifier.classify(response);   // response: an ApiResponse with a non-2xx status
 * }</pre>
 */
public final class ErrorClassifier {

    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "quota_exceeded",
            "billing_hard_limit_reached", "billing_not_active", "insufficient_credits", "insufficient_balance",
            "payment_required", "credits_exhausted", "out_of_credits");
    private static final Pattern QUOTA_MESSAGE = Pattern.compile(
            "(?i)\\b(quota|credits?|billing|spending limit|insufficient (funds|balance))\\b");
    private static final Pattern MODERATION_CODE = Pattern.compile("(?i)moderat|content_policy|safety");

    private final String provider;
    private final List<ErrorRule> rules;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Option<ApiCredentials> credentials;

    private ErrorClassifier(String provider, List<ErrorRule> rules, Clock clock, ObjectMapper mapper,
            Option<ApiCredentials> credentials) {
        this.provider = provider;
        this.rules = rules;
        this.clock = clock;
        this.mapper = mapper;
        this.credentials = credentials;
    }

    /** The standard mapping, naming {@code provider} ("xAI", "OpenAI", "Oxen") in its messages. */
    public static ErrorClassifier forProvider(String provider) {
        Objects.requireNonNull(provider, "provider");
        return new ErrorClassifier(provider, List.empty(), Clock.systemUTC(), ApiJson.mapper(), Option.none());
    }

    /** This classifier with {@code rule} consulted after the rules already added, before the standard mapping. */
    public ErrorClassifier withRule(ErrorRule rule) {
        return new ErrorClassifier(provider, rules.append(Objects.requireNonNull(rule, "rule")), clock, mapper, credentials);
    }

    /** This classifier reading HTTP-date {@code Retry-After} values against {@code time}. */
    public ErrorClassifier withClock(Clock time) {
        return new ErrorClassifier(provider, rules, Objects.requireNonNull(time, "time"), mapper, credentials);
    }

    /**
     * This classifier also removing {@code key}'s exact value from messages, should a provider echo
     * it in a form the general scrubbing does not recognise.
     */
    public ErrorClassifier withCredentials(ApiCredentials key) {
        return new ErrorClassifier(provider, rules, clock, mapper, Option.some(Objects.requireNonNull(key, "key")));
    }

    public String provider() {
        return provider;
    }

    public Clock clock() {
        return clock;
    }

    /** The failure an error answer stands for. */
    public JobFailure classify(ApiResponse<?> response) {
        return classify(response.status(), response.headers(), response.rawBody(), response.request());
    }

    /**
     * The failure an answer with {@code status}, {@code headers} and {@code body} to {@code request}
     * (method and URL without query, for the message) stands for.
     */
    public JobFailure classify(int status, ResponseHeaders headers, byte[] body, String request) {
        ProviderError error = ProviderError.parse(body, mapper);
        FailureKind kind = kindFor(status, error);
        Option<RetryAfter> wait = headers.retryAfter(clock.instant());
        String code = error.code().getOrElse(() -> "http_" + status);
        String message = message(status, request, error, headers, kind, wait);
        for (ApiCredentials key : credentials) {
            message = key.redactFrom(message);
            code = key.redactFrom(code);
        }
        JobFailure failure = JobFailure.of(kind, code, message);
        return wait.map(failure::withRetryAfter).getOrElse(failure);
    }

    /** The kind for {@code status} and {@code error}: the first rule that applies, else the standard mapping. */
    public FailureKind kindFor(int status, ProviderError error) {
        for (ErrorRule rule : rules) {
            Option<FailureKind> kind = rule.kindFor(status, error);
            if (kind.isDefined()) {
                return kind.get();
            }
        }
        return standardKind(status, error);
    }

    private static FailureKind standardKind(int status, ProviderError error) {
        if ((status == 400 || status == 402 || status == 403 || status == 429) && isQuota(error)) {
            return FailureKind.QUOTA;
        }
        if ((status == 400 || status == 403 || status == 422)
                && error.code().exists(code -> MODERATION_CODE.matcher(code).find())) {
            return FailureKind.MODERATION;
        }
        return switch (status) {
            case 400, 413, 415, 422 -> FailureKind.INVALID_REQUEST;
            case 401 -> FailureKind.AUTHENTICATION;
            case 402 -> FailureKind.QUOTA;
            case 403 -> FailureKind.PERMISSION;
            case 404 -> FailureKind.NOT_FOUND;
            case 408 -> FailureKind.UNAVAILABLE;
            case 409 -> FailureKind.PROVIDER_ERROR;
            case 410 -> FailureKind.EXPIRED;
            case 429 -> FailureKind.RATE_LIMITED;
            case 503 -> FailureKind.UNAVAILABLE;
            default -> status >= 500 && status <= 599 ? FailureKind.PROVIDER_ERROR
                    : status >= 400 && status <= 499 ? FailureKind.INVALID_REQUEST
                    : FailureKind.PROTOCOL;
        };
    }

    private static boolean isQuota(ProviderError error) {
        return error.code().exists(code -> QUOTA_CODES.contains(code.toLowerCase(Locale.ROOT)))
                || error.message().exists(message -> QUOTA_MESSAGE.matcher(message).find());
    }

    private String message(int status, String request, ProviderError error, ResponseHeaders headers, FailureKind kind,
            Option<RetryAfter> wait) {
        StringBuilder text = new StringBuilder(provider).append(" answered HTTP ").append(status)
                .append(" to ").append(request);
        error.message().forEach(m -> text.append(": ").append(m));
        if (!text.toString().endsWith(".")) {
            text.append('.');
        }
        error.param().forEach(p -> text.append(" (parameter '").append(p).append("')"));
        headers.requestId().forEach(id -> text.append(" (request id ").append(id).append(')'));
        String hint = hint(kind, wait);
        if (!hint.isEmpty()) {
            text.append(' ').append(hint);
        }
        return text.toString();
    }

    private static String hint(FailureKind kind, Option<RetryAfter> wait) {
        return switch (kind) {
            case MODERATION -> "Content moderation rejected the prompt, the input or the result; change the content.";
            case INVALID_REQUEST -> "Fix the request: sent again unchanged, it fails the same way.";
            case AUTHENTICATION -> "Check the API key: it is missing, wrong or revoked.";
            case PERMISSION -> "The API key may not do this; check the model access and the team's permissions.";
            case QUOTA -> "The account is out of credits or over its quota; add credits or raise the limit.";
            case RATE_LIMITED -> "Too many requests; try again "
                    + wait.map(w -> "after " + w.delay().toMillis() / 1000.0 + " s.").getOrElse("later.");
            case UNAVAILABLE -> "The service is temporarily unavailable; try again later.";
            case PROVIDER_ERROR -> "The provider failed on its side; try again later.";
            case NOT_FOUND -> "The provider does not know this job or resource.";
            case EXPIRED -> "It is gone at the provider (expired).";
            case PROTOCOL -> "imagine4j did not expect this answer.";
            default -> "";
        };
    }
}
