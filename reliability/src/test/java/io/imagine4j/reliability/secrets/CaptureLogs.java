package io.imagine4j.reliability.secrets;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts capturing log lines before the first test runs (registered with the JUnit Platform through
 * {@code META-INF/services}), so that even the core's first {@code System.Logger} line, written
 * before anything asks SLF4J for a logger, is scanned.
 */
public final class CaptureLogs implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        LogCapture.install();
    }
}
