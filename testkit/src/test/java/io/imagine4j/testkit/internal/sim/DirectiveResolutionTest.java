package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectiveResolutionTest {

    private static final Set<String> DIALECT = Set.of("moderated=flag");

    @Test
    void noDirectivesMeansTheDefaultScenario() {
        DirectiveResolution resolution = DirectiveResolution.of("A fox in the snow", null, DIALECT, "");
        assertThat(resolution.isEmpty()).isTrue();
        assertThat(resolution.scenario()).isEqualTo(Scenario.succeeds());
    }

    @Test
    void readsThePromptAndTheHeaderTogether() {
        DirectiveResolution resolution = DirectiveResolution.of("A fox #sim:slow=20s,poll-503x2", "fail=permission_denied", DIALECT, "");
        assertThat(resolution.scenario().processingTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(resolution.scenario().outcome()).isEqualTo(new Outcome.Fail("permission_denied", "Simulated failure (#sim:fail=permission_denied)."));
        assertThat(resolution.scenario().faults()).containsExactly(new FaultPlan(Call.POLL, new Fault.ServerError(503), 2));
        assertThat(resolution.tokens()).containsExactly("slow=20s", "poll-503x2", "fail=permission_denied");
    }

    @Test
    void setsDialectTokensAsideForTheSimulator() {
        DirectiveResolution resolution = DirectiveResolution.of("#sim:Moderated=Flag,instant", null, DIALECT, "");
        assertThat(resolution.dialect()).containsExactly("moderated=flag");
        assertThat(resolution.scenario().processingTime()).isZero();
    }

    @Test
    void anUnknownTokenIsA400NamingBothVocabularies() {
        assertThatThrownBy(() -> DirectiveResolution.of("#sim:explode", null, DIALECT, "Also: moderated=flag"))
                .isInstanceOfSatisfying(RejectedCall.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(400);
                    assertThat(rejected.getMessage()).contains("'explode'", "moderated, fail", "Also: moderated=flag");
                });
    }

    @Test
    void retriesOfOneRequestShareTheirSource() {
        DirectiveResolution first = DirectiveResolution.of("#sim:submit-429x2", null, DIALECT, "");
        DirectiveResolution again = DirectiveResolution.of("#sim:submit-429x2", null, DIALECT, "");
        DirectiveResolution other = DirectiveResolution.of("#sim:submit-429x2 another", null, DIALECT, "");
        assertThat(first.source()).isEqualTo(again.source()).isNotEqualTo(other.source());
    }
}
