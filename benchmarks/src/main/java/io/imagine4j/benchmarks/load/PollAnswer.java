package io.imagine4j.benchmarks.load;

import java.time.Duration;
import java.util.Optional;

/** A poll answer as a hand-written client reads it. */
sealed interface PollAnswer {

    /** Not finished: the progress it reported (0 when none) and the server's poll hint, if any. */
    record Pending(int progress, Optional<Duration> hint) implements PollAnswer {
    }

    /** Finished with a result, at {@code url} when the answer names one. */
    record Done(Optional<String> url) implements PollAnswer {
    }

    /** Anything else: the job failed, or the answer was not understood. */
    record Failed(String why) implements PollAnswer {
    }
}
