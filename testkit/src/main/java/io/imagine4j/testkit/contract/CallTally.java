package io.imagine4j.testkit.contract;

import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.scenario.Call;

import java.util.EnumMap;
import java.util.Map;

/**
 * The backend's call counts at one moment, so a test counts only the calls it caused, whether the
 * extender gives each test a fresh backend or shares one.
 */
final class CallTally {

    private final BackendControl backend;
    private final Map<Call, Integer> before = new EnumMap<>(Call.class);

    private CallTally(BackendControl backend) {
        this.backend = backend;
        for (Call call : Call.values()) {
            before.put(call, backend.calls(call));
        }
    }

    static CallTally of(BackendControl backend) {
        return new CallTally(backend);
    }

    /** How many calls of kind {@code call} arrived since this tally was taken. */
    int since(Call call) {
        return backend.calls(call) - before.get(call);
    }
}
