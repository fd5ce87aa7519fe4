package io.imagine4j.benchmarks.load;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.JournalEntry;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The child JVM of {@link ForkedSimulator}: an {@link XaiSimulator} on the wall clock, driven by
 * one-line commands on standard input so that its threads, heap and CPU stay out of the
 * measurements of the JVM under test.
 *
 * <pre>
 * &gt; (starts)      &lt; url http://127.0.0.1:PORT/v1
 * &gt; counts        &lt; counts submit=N poll=N content=N other=N errors=N leaks=N
 * &gt; reset         &lt; ok
 * &gt; (end of input: the simulator stops and the process exits)
 * </pre>
 */
public final class SimulatorProcess {

    private SimulatorProcess() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (XaiSimulator simulator = XaiSimulator.start(SimulatorOptions.realTime());
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("url " + simulator.baseUrl());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (line.trim()) {
                    case "counts" -> out.println(counts(simulator));
                    case "reset" -> {
                        simulator.reset();
                        out.println("ok");
                    }
                    default -> out.println("error unknown command '" + line.trim() + "'");
                }
            }
        }
    }

    private static String counts(XaiSimulator simulator) {
        List<JournalEntry> entries = simulator.journal().entries();
        long submit = 0;
        long poll = 0;
        long content = 0;
        long other = 0;
        long errors = 0;
        for (JournalEntry entry : entries) {
            if (entry.call() == Call.SUBMIT) {
                submit++;
            } else if (entry.call() == Call.POLL) {
                poll++;
            } else if (entry.call() == Call.CONTENT) {
                content++;
            } else {
                other++;
            }
            // Unanswered (a dropped connection) or refused: either means the run was not clean.
            if (entry.status().isEmpty() || entry.status().get() >= 400) {
                errors++;
            }
        }
        return "counts submit=" + submit + " poll=" + poll + " content=" + content + " other=" + other
                + " errors=" + errors + " leaks=" + simulator.credentialLeaks().size();
    }
}
