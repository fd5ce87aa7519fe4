package io.imagine4j.testkit.junit;

import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.support.Http;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.net.ConnectException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class SimulatorExtensionTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    @Test
    void injectsTheSimulatorBySubtypeOrInterface(XaiSimulator xai, BackendControl control, AutoCloseable closeable) {
        assertThat(xai).isSameAs(XAI.get()).isSameAs(control).isSameAs(closeable);
    }

    @Test
    void aClassSharesOneSimulatorResetBeforeEachTestAndClosedAfterwards() throws Exception {
        ClassLevelUse.SEEN.clear();
        TestExecutionSummary summary = run(ClassLevelUse.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(ClassLevelUse.SEEN).hasSize(4).allSatisfy(seen -> assertThat(seen).isSameAs(ClassLevelUse.SEEN.get(0)));
        assertClosed((XaiSimulator) ClassLevelUse.SEEN.get(0));
    }

    @Test
    void anInstanceFieldGivesEachTestItsOwnSimulator() throws Exception {
        MethodLevelUse.SEEN.clear();
        TestExecutionSummary summary = run(MethodLevelUse.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(MethodLevelUse.SEEN).hasSize(2);
        assertThat(MethodLevelUse.SEEN.get(0)).isNotSameAs(MethodLevelUse.SEEN.get(1));
        for (XaiSimulator simulator : MethodLevelUse.SEEN) {
            assertClosed(simulator);
        }
    }

    @Test
    void outsideATestClassThereIsNoSimulator() {
        SimulatorExtension<XaiSimulator> unused = SimulatorExtension.of(XaiSimulator::start);
        assertThatThrownBy(unused::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("@RegisterExtension");
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    private static void assertClosed(XaiSimulator simulator) {
        URI models = URI.create(simulator.baseUrl() + "/video-generation-models");
        assertThatThrownBy(() -> new Http().get(models, "Authorization", "Bearer k")).isInstanceOf(ConnectException.class);
    }
}
