package io.imagine4j.testkit.junit;

import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.support.Http;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class as a user writes it, run by {@link SimulatorExtensionTest} through the JUnit
 * launcher (its name keeps Surefire from running it directly).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassLevelUse {

    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    @BeforeAll
    static void before(XaiSimulator xai) {
        SEEN.add(xai);
    }

    @Test
    @Order(1)
    void firstLeavesStateBehind(XaiSimulator xai, BackendControl control) throws IOException {
        assertThat(control).isSameAs(xai).isSameAs(XAI.get());
        SEEN.add(xai);
        xai.enqueue(Scenario.moderated());
        new Http().post(URI.create(xai.baseUrl() + "/videos/generations"), "{\"prompt\":\"x\"}", "Authorization", "Bearer k");
        assertThat(xai.calls(Call.SUBMIT)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void secondStartsClean(XaiSimulator xai) {
        SEEN.add(xai);
        assertThat(xai.calls(Call.SUBMIT)).isZero();
        assertThat(xai.jobs()).isEmpty();
    }

    @Nested
    class Inner {
        @Test
        void sharesTheOuterSimulator(XaiSimulator xai) {
            SEEN.add(xai);
            assertThat(xai.journal().entries()).isEmpty();
        }
    }
}
