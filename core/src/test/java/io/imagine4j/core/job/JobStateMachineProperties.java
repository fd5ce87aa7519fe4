package io.imagine4j.core.job;

import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a provider sends, in whatever order, a job never moves backwards. */
class JobStateMachineProperties {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 2_000)
    void status_rank_and_progress_never_decrease(@ForAll("updates") @Size(max = 30) List<JobUpdate> updates) {
        JobState state = JobState.initial(START);
        Instant now = START;
        for (JobUpdate update : updates) {
            now = now.plusSeconds(1);
            JobState next = JobStateMachine.apply(state, update, now).after();
            assertThat(next.status().rank()).isGreaterThanOrEqualTo(state.status().rank());
            if (state.progress().isDefined()) {
                assertThat(next.progress().get()).isGreaterThanOrEqualTo(state.progress().get());
            }
            if (state.isTerminal()) {
                assertThat(next).isEqualTo(state);
            }
            state = next;
        }
    }

    @Property(tries = 2_000)
    void the_first_terminal_update_decides_the_outcome(@ForAll("updates") @Size(max = 30) List<JobUpdate> updates) {
        JobState state = JobState.initial(START);
        for (JobUpdate update : updates) {
            state = JobStateMachine.apply(state, update, START).after();
        }
        Option<JobUpdate> firstTerminal = Option.ofOptional(updates.stream().filter(u -> u.status().isTerminal()).findFirst());
        if (firstTerminal.isEmpty()) {
            assertThat(state.isTerminal()).isFalse();
        } else {
            assertThat(state.status()).isEqualTo(firstTerminal.get().status());
            assertThat(state.result()).isEqualTo(firstTerminal.get().result());
            assertThat(state.failure()).isEqualTo(firstTerminal.get().failure());
        }
    }

    @Provide
    Arbitrary<List<JobUpdate>> updates() {
        Arbitrary<JobStatus> status = Arbitraries.of(JobStatus.class);
        Arbitrary<Option<Integer>> progress = Arbitraries.integers().between(0, 100).injectNull(0.3).map(Option::of);
        return Combinators.combine(status, progress)
                .as(JobStateMachineTest::update)
                .list();
    }
}
