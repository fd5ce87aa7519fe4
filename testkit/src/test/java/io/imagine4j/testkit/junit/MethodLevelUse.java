package io.imagine4j.testkit.junit;

import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Registered on an instance field: a fresh simulator per test. Run by {@link SimulatorExtensionTest}. */
class MethodLevelUse {

    static final List<XaiSimulator> SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final SimulatorExtension<XaiSimulator> xai = SimulatorExtension.of(XaiSimulator::start);

    @RepeatedTest(2)
    void usesItsOwnSimulator() {
        SEEN.add(xai.get());
    }
}
