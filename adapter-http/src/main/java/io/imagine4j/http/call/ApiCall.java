package io.imagine4j.http.call;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.error.HttpFailureException;
import io.imagine4j.http.response.ApiResponse;
import io.vavr.control.Either;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs reads (polls, lookups, cancels) so that every failure comes back as a value. A transport
 * failure becomes an {@code UNAVAILABLE} failure (transient: the core polls again) whose code says
 * what happened ({@code connection_refused}, {@code read_timeout}, {@code connection_reset}…).
 *
 * <pre>{@code
 * ApiCall calls = ApiCall.with(ErrorClassifier.forProvider("xAI"));
 * Either<JobFailure, ApiResponse<PollBody>> answer = calls.exchange(() -> api.poll(id));  // every status
 * Either<JobFailure, ModelList> models = calls.fetch(() -> api.models());                 // 2xx or failure
 * }</pre>
 */
public final class ApiCall {

    private final ErrorClassifier classifier;

    private ApiCall(ErrorClassifier classifier) {
        this.classifier = classifier;
    }

    public static ApiCall with(ErrorClassifier classifier) {
        return new ApiCall(Objects.requireNonNull(classifier, "classifier"));
    }

    public ErrorClassifier classifier() {
        return classifier;
    }

    /** The answer, whatever its status; a failure only when no answer arrived. */
    public <T> Either<JobFailure, ApiResponse<T>> exchange(Supplier<ApiResponse<T>> call) {
        try {
            return Either.right(Objects.requireNonNull(call.get(), "the call answered null"));
        } catch (HttpFailureException e) {
            return Either.left(e.failure());
        } catch (RuntimeException e) {
            return Either.left(FailedCall.of(e, classifier.provider()).failure());
        }
    }

    /** The decoded body of a 2xx answer; any other status is classified. */
    public <T> Either<JobFailure, T> fetch(Supplier<ApiResponse<T>> call) {
        return exchange(call).flatMap(answer -> answer.isSuccess() ? answer.body()
                : Either.left(classifier.classify(answer)));
    }

    /** For API methods declared with a plain body type: their error answers and transport failures as values. */
    public <T> Either<JobFailure, T> value(Supplier<T> call) {
        try {
            return Either.right(call.get());
        } catch (HttpFailureException e) {
            return Either.left(e.failure());
        } catch (RuntimeException e) {
            return Either.left(FailedCall.of(e, classifier.provider()).failure());
        }
    }
}
