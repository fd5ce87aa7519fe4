package io.imagine4j.benchmarks.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code load} run does.
 *
 * <pre>{@code
 * LoadOptions options = LoadOptions.parse("--jobs", "10000", "--job-time", "5s");
 * }</pre>
 *
 * @param jobs     jobs per measured phase
 * @param jobTime  how long the simulator (or the fake) takes to finish each job
 * @param threads  threads of the service's scheduler, and of the baseline's pool
 * @param warmup   jobs run (and checked) before each measured phase, not measured
 * @param download whether each job's result is also downloaded, by both clients
 * @param virtual  the virtual-time scale run on the fake provider instead of HTTP
 */
public record LoadOptions(int jobs, Duration jobTime, int threads, int warmup, boolean download, boolean virtual) {

    public static final int DEFAULT_JOBS = 2_000;
    public static final int DEFAULT_VIRTUAL_JOBS = 10_000;
    public static final Duration DEFAULT_JOB_TIME = Duration.ofSeconds(5);
    public static final int DEFAULT_THREADS = 4;
    public static final int DEFAULT_WARMUP = 500;
    public static final int DEFAULT_VIRTUAL_WARMUP = 5_000;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    public LoadOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative, got " + warmup);
        }
        if (jobTime.isNegative() || jobTime.isZero()) {
            throw new IllegalArgumentException("--job-time must be positive, got " + jobTime);
        }
    }

    /**
     * Reads {@code --jobs N --job-time DUR --threads T --warmup W --download --virtual};
     * defaults depend on {@code --virtual}.
     */
    public static LoadOptions parse(String... args) {
        Integer jobs = null;
        Integer warmup = null;
        Duration jobTime = DEFAULT_JOB_TIME;
        int threads = DEFAULT_THREADS;
        boolean download = false;
        boolean virtual = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--jobs" -> jobs = integer(arg, value(args, ++i, arg));
                case "--job-time" -> jobTime = duration(value(args, ++i, arg));
                case "--threads" -> threads = integer(arg, value(args, ++i, arg));
                case "--warmup" -> warmup = integer(arg, value(args, ++i, arg));
                case "--download" -> download = true;
                case "--virtual" -> virtual = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (virtual && download) {
            throw new IllegalArgumentException("--download needs real HTTP; it cannot be combined with --virtual");
        }
        return new LoadOptions(
                jobs != null ? jobs : virtual ? DEFAULT_VIRTUAL_JOBS : DEFAULT_JOBS,
                jobTime, threads,
                warmup != null ? warmup : virtual ? DEFAULT_VIRTUAL_WARMUP : DEFAULT_WARMUP,
                download, virtual);
    }

    /** The options of a phase's unmeasured warm-up: the same clients, {@code warmup} short jobs. */
    LoadOptions warmupRun() {
        return new LoadOptions(Math.max(1, warmup), Duration.ofMillis(200), threads, 0, download, virtual);
    }

    /** {@code 5s}, {@code 200ms}, {@code 1.5s}, {@code 2m}; a bare number is seconds. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 5s, 200ms or 2m");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            default -> amount.multiply(BigDecimal.valueOf(1_000));
        };
        return Duration.ofMillis(millis.longValue());
    }

    /** The duration as the simulator's directive reads it ({@code time=5000ms}). */
    String directive() {
        return "#sim:time=" + jobTime.toMillis() + "ms";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String text) {
        try {
            return Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'", e);
        }
    }
}
