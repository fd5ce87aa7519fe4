package io.imagine4j.benchmarks.load;

import io.imagine4j.testkit.openai.OpenAiJob;
import io.imagine4j.testkit.openai.OpenAiSettings;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.oxen.OxenJob;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.scenario.Step;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.sim.JournalEntry;
import io.imagine4j.testkit.sim.SimJob;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiJob;
import io.imagine4j.testkit.xai.XaiSimulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child JVM of {@link ForkedSimulator}: a provider's simulator on the wall clock (and, on
 * demand, a {@link SyntheticFileServer}), driven by one-line commands on standard input so that
 * its threads, heap and CPU stay out of the measurements of the JVM under test.
 *
 * <pre>
 * java … SimulatorProcess xai|openai|oxen POLL_HINT_MS
 * &gt; (starts)          &lt; url http://127.0.0.1:PORT/v1
 * &gt; counts            &lt; counts submit=N poll=N content=N other=N errors=N leaks=N
 * &gt; reset             &lt; ok
 * &gt; linear N MS S     &lt; ok                 (the next N jobs take MS ms ± S %, uniformly spread, and report linear progress)
 * &gt; ends              &lt; ends I:EPOCH_µs …   (when each job ended, by the index in its prompt's "take I")
 * &gt; file BYTES        &lt; url http://127.0.0.1:PORT/results/BYTES.mp4
 * &gt; files             &lt; files served=N credentials=N
 * &gt; (end of input: the simulator stops and the process exits)
 * </pre>
 */
public final class SimulatorProcess {

    private static final Pattern TAKE = Pattern.compile("take (\\d+)");

    private SimulatorProcess() {
    }

    public static void main(String[] args) throws IOException {
        Provider provider = Provider.named(args.length > 0 ? args[0] : "xai");
        Duration hint = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SyntheticFileServer files = null;
        try (HttpSimulator<?> simulator = start(provider, hint);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("url " + simulator.baseUrl());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "counts" -> out.println(counts(simulator));
                    case "reset" -> {
                        simulator.reset();
                        out.println("ok");
                    }
                    case "linear" -> {
                        long millis = Long.parseLong(words[2]);
                        double spread = words.length > 3 ? Double.parseDouble(words[3]) / 100 : 0;
                        // The same seed for every phase: each client meets the same job lengths.
                        Random lengths = new Random(42);
                        for (int i = Integer.parseInt(words[1]); i > 0; i--) {
                            double factor = 1 + spread * (2 * lengths.nextDouble() - 1);
                            simulator.enqueue(linear(Duration.ofMillis(Math.max(1, Math.round(millis * factor)))));
                        }
                        out.println("ok");
                    }
                    case "ends" -> out.println(ends(simulator));
                    case "file" -> {
                        if (files == null) {
                            files = SyntheticFileServer.start();
                        }
                        out.println("url " + files.url(Long.parseLong(words[1])));
                    }
                    case "files" -> out.println(files == null ? "files served=0 credentials=0"
                            : "files served=" + files.served() + " credentials=" + files.withCredentials());
                    default -> out.println("error unknown command '" + line.trim() + "'");
                }
            }
        } finally {
            if (files != null) {
                files.close();
            }
        }
    }

    private static HttpSimulator<?> start(Provider provider, Duration hint) {
        return switch (provider) {
            case XAI -> XaiSimulator.start(SimulatorOptions.realTime());
            case OPENAI -> OpenAiSimulator.start(SimulatorOptions.realTime(), OpenAiSettings.defaults().withPollAfter(hint));
            case OXEN -> OxenSimulator.start(SimulatorOptions.realTime());
        };
    }

    /**
     * Done after {@code time}, running from the start with no progress of its own, so the
     * simulators report their linear estimate (elapsed ÷ time): progress a client can predict from.
     */
    static Scenario linear(Duration time) {
        return Scenario.succeedsAfter(time).withSteps(Step.running(Duration.ZERO));
    }

    private static String ends(HttpSimulator<?> simulator) {
        StringBuilder line = new StringBuilder("ends");
        for (SimJob<?> job : simulator.jobs()) {
            Matcher take = TAKE.matcher(prompt(job.params()));
            if (take.find()) {
                Instant end = job.endsAt();
                line.append(' ').append(take.group(1)).append(':')
                        .append(end.getEpochSecond() * 1_000_000 + end.getNano() / 1_000);
            }
        }
        return line.toString();
    }

    private static String prompt(Object params) {
        if (params instanceof XaiJob xai) {
            return xai.prompt();
        }
        if (params instanceof OxenJob oxen) {
            return oxen.prompt();
        }
        return params instanceof OpenAiJob openai ? openai.prompt() : "";
    }

    private static String counts(HttpSimulator<?> simulator) {
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
            // Unanswered (a dropped connection) or refused: either means the run was not clean. An event
            // stream still open is unanswered as far as the journal knows, and is no fault.
            boolean openStream = entry.call() == Call.EVENTS && entry.status().isEmpty();
            if (!openStream && (entry.status().isEmpty() || entry.status().get() >= 400)) {
                errors++;
            }
        }
        return "counts submit=" + submit + " poll=" + poll + " content=" + content + " other=" + other
                + " errors=" + errors + " leaks=" + simulator.credentialLeaks().size();
    }
}
