package io.imagine4j.testkit.contract;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The outcome of running one contract test class through the JUnit Platform, by test: each test is
 * named by its path below the class ({@code SubmitGroup/acceptedWithAnIdOfTheProvidersName},
 * {@code SubmitGroup/everyOfferedKindIsAccepted/edit}), so runs of different classes compare.
 */
record ContractRun(Map<String, TestExecutionResult> results) {

    static ContractRun of(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .build();
        Map<String, TestExecutionResult> results = new TreeMap<>();
        // A launcher of its own, without auto-registered listeners: the build's report sees none of these runs.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    synchronized (results) {
                        results.put(name(test), result);
                    }
                }
            }
        });
        return new ContractRun(results);
    }

    Set<String> tests() {
        return new TreeSet<>(results.keySet());
    }

    Set<String> failed() {
        return results.entrySet().stream()
                .filter(entry -> entry.getValue().getStatus() != TestExecutionResult.Status.SUCCESSFUL)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Why {@code test} failed, for messages. */
    String cause(String test) {
        return results.get(test).getThrowable().map(Throwable::toString).orElse("(no exception)");
    }

    private static String name(TestIdentifier test) {
        StringBuilder path = new StringBuilder();
        boolean belowClass = false;
        for (UniqueId.Segment segment : test.getUniqueIdObject().getSegments()) {
            String type = segment.getType();
            if (type.equals("class")) {
                belowClass = true;
                continue;
            }
            if (!belowClass) {
                continue;
            }
            String value = type.equals("dynamic-test") ? test.getDisplayName() : segment.getValue();
            int parameters = value.indexOf('(');
            path.append(path.length() == 0 ? "" : "/").append(parameters < 0 ? value : value.substring(0, parameters));
        }
        return path.toString();
    }
}
