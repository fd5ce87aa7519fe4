package io.imagine4j.core.port.out;

import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.VideoRequest;

import java.util.Objects;

/**
 * One submit to a provider: a request that passed the capability check (so the provider need not
 * check it again), and the key that identifies this submit across retries (providers that honour
 * idempotency keys send it as one). A submit that asks for several generations is still one
 * submission.
 *
 * <pre>{@code
 * Submission submission = Submission.of(SubmissionKey.random(), request, provider.capabilities()); // or throws
 * SubmitOutcome outcome = provider.submit(submission);
 * }</pre>
 */
public record Submission(SubmissionKey key, CheckedRequest checked) {

    public Submission {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checked, "checked");
    }

    /**
     * A submission of {@code request}, checked against {@code capabilities}.
     *
     * @throws io.imagine4j.core.model.InvalidRequestException naming every problem, when the check fails
     */
    public static Submission of(SubmissionKey key, VideoRequest request, ProviderCapabilities capabilities) {
        return new Submission(key, CapabilityCheck.require(request, capabilities));
    }

    /** The request, with its model named. */
    public VideoRequest request() {
        return checked.request();
    }
}
