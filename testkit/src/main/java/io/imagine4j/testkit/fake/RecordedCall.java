package io.imagine4j.testkit.fake;

import io.imagine4j.core.model.JobId;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * One call that reached {@link FakeVideoProvider}, as its journal keeps it: which call, when on
 * the fake's clock, the job concerned when there is one, and the fault that answered it.
 *
 * @param call  the kind of call
 * @param at    when it arrived, on the fake's (virtual) clock
 * @param jobId the job it concerned or created, when known
 * @param fault the fault it was answered with, if any
 */
public record RecordedCall(Call call, Instant at, Option<JobId> jobId, Option<Fault> fault) {

    public RecordedCall {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(fault, "fault");
    }
}
