package io.imagine4j.testkit.scenario;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DirectivesTest {

    @Test
    void aRepeatCountFollowsTheFaultName() {
        // Regression: the greedy fault name used to swallow "x2", making "poll-503x2" an unknown directive.
        Scenario scenario = Directives.parse("A fox #sim:poll-503x2,content-resetx3,submit-expired", null);
        assertThat(scenario.faults()).containsExactly(
                new FaultPlan(Call.POLL, new Fault.ServerError(503), 2),
                new FaultPlan(Call.CONTENT, new Fault.ConnectionReset(), 3),
                new FaultPlan(Call.SUBMIT, new Fault.ExpiredResult(), 1));
    }

    @Test
    void aRepeatCountFollowsAnArgument() {
        Scenario scenario = Directives.parse(null, "poll-429=2.5sx2, poll-slow=500ms");
        assertThat(scenario.faults()).containsExactly(
                new FaultPlan(Call.POLL, new Fault.RateLimited(Option.some(Duration.ofMillis(2500))), 2),
                new FaultPlan(Call.POLL, new Fault.SlowBody(Duration.ofMillis(500)), 1));
    }
}
