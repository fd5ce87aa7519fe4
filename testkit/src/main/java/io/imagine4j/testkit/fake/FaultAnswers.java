package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.testkit.scenario.Fault;
import io.vavr.control.Option;

/**
 * What a wire fault becomes once a careful adapter has read it: the typed failure, and for a
 * submit whether the backend surely started nothing ({@link SubmitEffect#REFUSE}) or may have
 * started the job ({@link SubmitEffect#CREATE_THEN_AMBIGUOUS}). The fake answers exactly this, so
 * application tests see what they would see over the wire.
 */
final class FaultAnswers {

    /** What a fault on a submit does to the job and to the answer. */
    enum SubmitEffect {
        /** The fault has no meaning for a submit (a slow body still arrives): the job is accepted. */
        ACCEPT,
        /** The backend refused before doing anything: no job, {@code SubmitOutcome.Refused}. */
        REFUSE,
        /** The backend created the job, but its answer was lost or unreadable: {@code SubmitOutcome.Ambiguous}. */
        CREATE_THEN_AMBIGUOUS
    }

    private FaultAnswers() {
    }

    static SubmitEffect submitEffect(Fault fault) {
        if (fault instanceof Fault.ServerError error) {
            // 503 means "not now": nothing started. Any other 5xx may come after the work began.
            return error.status() == 503 ? SubmitEffect.REFUSE : SubmitEffect.CREATE_THEN_AMBIGUOUS;
        }
        if (fault instanceof Fault.ConnectionReset || fault instanceof Fault.MalformedJson
                || fault instanceof Fault.EmptyBody || fault instanceof Fault.NoAnswer || fault instanceof Fault.TruncatedJson
                || fault instanceof Fault.WrongContentType || fault instanceof Fault.OversizedBody
                || fault instanceof Fault.Garbage) {
            return SubmitEffect.CREATE_THEN_AMBIGUOUS;
        }
        if (fault instanceof Fault.RateLimited || fault instanceof Fault.Unauthorized
                || fault instanceof Fault.BadRequest || fault instanceof Fault.NotFound
                || fault instanceof Fault.CrossOriginRedirect) {
            return SubmitEffect.REFUSE;
        }
        return SubmitEffect.ACCEPT;
    }

    /** Why a submit's outcome is unknown, for {@link SubmitEffect#CREATE_THEN_AMBIGUOUS}. */
    static JobFailure ambiguity(Fault fault, String provider) {
        if (fault instanceof Fault.ConnectionReset) {
            return JobFailure.of(FailureKind.SUBMISSION_OUTCOME_UNKNOWN, "connection_reset",
                    "The connection to " + provider + " was reset after the submit was sent and before it answered.");
        }
        return failure(fault, provider).getOrElse(() -> JobFailure.of(FailureKind.PROTOCOL, "unreadable_answer",
                provider + " answered the submit with something unreadable."));
    }

    /**
     * The failure a call answered with {@code fault} reports; none for faults that leave the
     * answer intact or readable ({@link Fault.SlowBody}, {@link Fault.StreamDrop},
     * {@link Fault.UnknownStatus}, {@link Fault.StatusBackwards}).
     */
    static Option<JobFailure> failure(Fault fault, String provider) {
        if (fault instanceof Fault.RateLimited limited) {
            JobFailure failure = JobFailure.of(FailureKind.RATE_LIMITED, "http_429", provider
                    + " is rate limiting requests (429 Too Many Requests); wait"
                    + limited.retryAfter().map(wait -> " " + wait.toMillis() / 1000.0 + " s").getOrElse(" a little")
                    + " before calling again.");
            return Option.some(limited.retryAfter().map(wait -> failure.withRetryAfter(RetryAfter.of(wait))).getOrElse(failure));
        }
        if (fault instanceof Fault.ServerError error) {
            return Option.some(error.status() == 503
                    ? JobFailure.of(FailureKind.UNAVAILABLE, "http_503", provider
                            + " is temporarily unavailable (503); nothing was started, try again later.")
                    : JobFailure.of(FailureKind.PROVIDER_ERROR, "http_" + error.status(), provider
                            + " failed on its side (HTTP " + error.status() + "); try again later."));
        }
        if (fault instanceof Fault.ConnectionReset) {
            return Option.some(JobFailure.of(FailureKind.UNAVAILABLE, "connection_reset",
                    "The connection to " + provider + " was reset before it answered; try again."));
        }
        if (fault instanceof Fault.NoAnswer) {
            return Option.some(JobFailure.of(FailureKind.UNAVAILABLE, "read_timeout",
                    "The call to " + provider + " got no answer in time, so whether it acted on it is unknown."));
        }
        if (fault instanceof Fault.MalformedJson || fault instanceof Fault.TruncatedJson || fault instanceof Fault.Garbage) {
            return Option.some(JobFailure.of(FailureKind.PROTOCOL, "malformed_response",
                    provider + " answered with JSON that could not be read."));
        }
        if (fault instanceof Fault.WrongContentType) {
            return Option.some(JobFailure.of(FailureKind.PROTOCOL, "unexpected_content_type",
                    provider + " answered with an HTML page where JSON was expected."));
        }
        if (fault instanceof Fault.OversizedBody) {
            return Option.some(JobFailure.of(FailureKind.PROTOCOL, "response_too_large",
                    provider + " answered with a body too large to read."));
        }
        if (fault instanceof Fault.CrossOriginRedirect) {
            return Option.some(JobFailure.of(FailureKind.PROTOCOL, "redirected",
                    provider + " redirected the call to another origin."));
        }
        if (fault instanceof Fault.EmptyBody) {
            return Option.some(JobFailure.of(FailureKind.PROTOCOL, "empty_response",
                    provider + " answered with an empty body where content was expected."));
        }
        if (fault instanceof Fault.Unauthorized) {
            return Option.some(JobFailure.of(FailureKind.AUTHENTICATION, "unauthenticated",
                    provider + " refused the API key; check the key configured for it."));
        }
        if (fault instanceof Fault.BadRequest bad) {
            return Option.some(JobFailure.of(FailureKind.INVALID_REQUEST, "invalid_request",
                    provider + " refused the request: " + bad.message()));
        }
        if (fault instanceof Fault.NotFound) {
            return Option.some(JobFailure.of(FailureKind.NOT_FOUND, "not_found",
                    provider + " does not know this job or result (404)."));
        }
        if (fault instanceof Fault.ExpiredResult) {
            return Option.some(JobFailure.of(FailureKind.EXPIRED, "result_expired",
                    provider + " no longer serves this result: it expired. Submit the job again to get a new one."));
        }
        return Option.none();
    }
}
