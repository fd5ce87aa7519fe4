package io.imagine4j.http.call;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.HttpFailureException;
import io.imagine4j.http.response.ApiResponse;
import io.vavr.control.Either;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one submit (a POST that may start, and bill, a job) and says what came of it, drawing the
 * line the core relies on to never pay twice:
 * <ul>
 *   <li>{@link SubmitOutcome.Refused}: the request surely started nothing. Connection refused,
 *       unknown host, connect timeout, TLS handshake ({@code UNAVAILABLE}, retryable); 429
 *       ({@code RATE_LIMITED} with {@code Retry-After}) and 503 or 408 ({@code UNAVAILABLE}),
 *       retryable; any other 4xx, or a redirect, final;</li>
 *   <li>{@link SubmitOutcome.Ambiguous}: the request may have started a job. Reset, closed or timed
 *       out after sending, a 5xx other than 503, a 2xx whose body cannot be read;</li>
 *   <li>{@link SubmitOutcome.Accepted}: whatever {@code accept} makes of a 2xx answer.</li>
 * </ul>
 * The call is made exactly once: nothing here retries.
 *
 * <pre>{@code
 * SubmitCall submits = SubmitCall.with(classifier);
 * SubmitOutcome outcome = submits.submit(() -> api.generate(body), answer -> answer.body()
 *         .map(created -> new SubmitOutcome.Accepted(JobId.of("xai", created.requestId()), JobUpdate.queued(""))));
 * }</pre>
 */
public final class SubmitCall {

    private final ErrorClassifier classifier;

    private SubmitCall(ErrorClassifier classifier) {
        this.classifier = classifier;
    }

    public static SubmitCall with(ErrorClassifier classifier) {
        return new SubmitCall(Objects.requireNonNull(classifier, "classifier"));
    }

    /**
     * Makes the call once. A 2xx answer goes to {@code accept}; its {@code Left} (an unreadable body,
     * a missing id) becomes {@code Ambiguous}, because the provider said yes to something.
     */
    public <T> SubmitOutcome submit(Supplier<ApiResponse<T>> call,
            Function<ApiResponse<T>, Either<JobFailure, SubmitOutcome.Accepted>> accept) {
        ApiResponse<T> answer;
        try {
            answer = Objects.requireNonNull(call.get(), "the call answered null");
        } catch (HttpFailureException e) {
            return outcomeOfStatus(e.status(), e.failure());
        } catch (RuntimeException e) {
            return outcomeOf(e);
        }
        if (!answer.isSuccess()) {
            return outcomeOf(answer);
        }
        try {
            return accept.apply(answer).<SubmitOutcome>fold(SubmitOutcome.Ambiguous::new, accepted -> accepted);
        } catch (RuntimeException e) {
            return new SubmitOutcome.Ambiguous(JobFailure.of(FailureKind.PROTOCOL, "accept_failed",
                    classifier.provider() + " accepted " + answer.request() + " (HTTP " + answer.status()
                            + ") but its answer could not be used: " + e.getClass().getSimpleName()));
        }
    }

    /** What an answer that is not a 2xx means for a submit. */
    public SubmitOutcome outcomeOf(ApiResponse<?> answer) {
        return outcomeOfStatus(answer.status(), classifier.classify(answer));
    }

    /** What an exception out of a submit call means: refused if it surely was not sent, else ambiguous. */
    public SubmitOutcome outcomeOf(RuntimeException error) {
        FailedCall failed = FailedCall.of(error, classifier.provider());
        return failed.notSent() ? new SubmitOutcome.Refused(failed.failure()) : new SubmitOutcome.Ambiguous(failed.failure());
    }

    private static SubmitOutcome outcomeOfStatus(int status, JobFailure failure) {
        boolean serverFailed = status >= 500 && status != 503;
        return serverFailed || status < 0 ? new SubmitOutcome.Ambiguous(failure) : new SubmitOutcome.Refused(failure);
    }
}
