package io.imagine4j.benchmarks;

import io.imagine4j.benchmarks.load.LoadHarness;

import java.util.Arrays;

/**
 * The benchmarks jar's entry point: {@code load} runs the end-to-end load harness, {@code jmh}
 * hands the remaining arguments to JMH.
 *
 * <pre>{@code
 * java -jar benchmarks/target/imagine4j-benchmarks.jar load --jobs 2000 --job-time 5s
 * java -jar benchmarks/target/imagine4j-benchmarks.jar load --virtual --jobs 100000
 * java -jar benchmarks/target/imagine4j-benchmarks.jar jmh -f 1 -wi 3 -i 5 JobStateMachine
 * }</pre>
 */
public final class Benchmarks {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar imagine4j-benchmarks.jar load [--provider xai|openai] [--jobs N] [--job-time DUR] [--threads T]"
                    + " [--warmup W] [--time-scale K] [--clients a,b,sdk,imagine4j] [--download]",
            "       java -jar imagine4j-benchmarks.jar load --polling [--provider P] [--job-times 5s,30s,120s] [--time-scale K]",
            "       java -jar imagine4j-benchmarks.jar load --download-size 1g [--jobs ROUNDS]",
            "       java -jar imagine4j-benchmarks.jar load --virtual [--jobs N] [--job-time DUR] [--threads T]"
                    + " [--warmup W]",
            "       java -jar imagine4j-benchmarks.jar jmh [JMH options] [benchmark regexp]   (jmh -h lists them)");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "load" -> System.exit(LoadHarness.run(rest, System.out, System.err));
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> {
                System.err.println("unknown command '" + args[0] + "'");
                System.err.println(USAGE);
                System.exit(2);
            }
        }
    }
}
