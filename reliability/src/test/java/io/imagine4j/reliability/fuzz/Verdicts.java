package io.imagine4j.reliability.fuzz;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.reliability.figures.Figures;
import io.imagine4j.reliability.secrets.Canary;
import io.vavr.control.Either;

import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What any answer, however broken, may come to: an update or a typed {@code PROTOCOL} failure (a
 * submit: accepted with real ids, or ambiguous), never an unchecked exception, and never a job done
 * without a result it could fetch. Each verdict is counted in the figures.
 */
final class Verdicts {

    static final String SECTION = "fuzzed answers";

    private Verdicts() {
    }

    /** Runs {@code call}; an unchecked exception out of it fails the property with the answer that caused it. */
    static <T> T noThrow(String what, byte[] answer, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e + " on the answer " + JsonShapes.show(answer), e);
        }
    }

    /** A poll's verdict on a 2xx answer. */
    static void update(String counter, byte[] answer, Either<JobFailure, JobUpdate> result) {
        Figures.add(SECTION, counter, 1);
        result.peekLeft(failure -> protocol(failure, answer));
        result.peek(update -> {
            if (update.status() == JobStatus.SUCCEEDED) {
                fetchable(update.result().get(), answer);
            }
            update.failure().forEach(failure -> Canary.assertAbsent("failure message", failure.message()));
        });
    }

    /**
     * A submit's verdict on a 2xx answer: accepted with ids, ambiguous (a PROTOCOL failure), or a
     * final refusal the body spells out; never a refusal that would be sent again.
     */
    static void submit(String counter, byte[] answer, SubmitOutcome outcome) {
        Figures.add(SECTION, counter, 1);
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            assertThat(accepted.jobIds()).as("ids of an accepted submit, from %s", JsonShapes.show(answer)).isNotEmpty()
                    .allSatisfy(id -> assertThat(id.value()).isNotBlank());
            if (accepted.initial().status() == JobStatus.SUCCEEDED) {
                fetchable(accepted.initial().result().get(), answer);
            }
        } else if (outcome instanceof SubmitOutcome.Refused refused) {
            // A 2xx that says no in its body (Oxen: no generation, an error): final, never sent again.
            assertThat(refused.failure().kind()).as("a refusal from the 2xx answer %s is final", JsonShapes.show(answer))
                    .isNotIn(FailureKind.RATE_LIMITED, FailureKind.UNAVAILABLE);
            Canary.assertAbsent("failure message", refused.failure().message());
        } else {
            protocol(((SubmitOutcome.Ambiguous) outcome).cause(), answer);
        }
    }

    /** A read's verdict (a list page, the models): a value, or a PROTOCOL failure. */
    static <T> void read(String counter, byte[] answer, Either<JobFailure, T> result) {
        Figures.add(SECTION, counter, 1);
        result.peekLeft(failure -> protocol(failure, answer));
    }

    private static void protocol(JobFailure failure, byte[] answer) {
        assertThat(failure.kind()).as("the failure %s on the 2xx answer %s", failure, JsonShapes.show(answer))
                .isEqualTo(FailureKind.PROTOCOL);
        assertThat(failure.message()).isNotBlank();
        Canary.assertAbsent("failure message", failure.message());
    }

    /** A result is an absolute http(s) URL with a host: something a download can fetch. */
    private static void fetchable(GeneratedVideo video, byte[] answer) {
        URI location = video.location();
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        assertThat(scheme).as("the scheme of the result %s from %s", location, JsonShapes.show(answer)).isIn("http", "https");
        assertThat(location.getHost()).as("the host of the result %s from %s", location, JsonShapes.show(answer)).isNotBlank();
    }

    static JobId id(String provider) {
        return JobId.of(provider, "fuzz-0001");
    }
}
