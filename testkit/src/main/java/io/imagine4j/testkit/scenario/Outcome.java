package io.imagine4j.testkit.scenario;

import java.util.Objects;

/** How a simulated job ends. */
public sealed interface Outcome {

    /** The job succeeds with a real MP4 result. */
    record Succeed() implements Outcome {
    }

    /** The job fails with the provider's {@code code} and {@code message}. */
    record Fail(String code, String message) implements Outcome {
        public Fail {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Content moderation rejects the result (terminal, and billed). */
    record Moderated() implements Outcome {
    }

    /** The job expires before it finishes. */
    record Expire() implements Outcome {
    }
}
