package io.imagine4j.benchmarks.load;

import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.time.Backoff;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code load} run does.
 *
 * <pre>{@code
 * LoadOptions options = LoadOptions.parse("--provider", "openai", "--jobs", "10000", "--job-time", "5s");
 * }</pre>
 *
 * @param mode          what is measured: throughput and cost, polling efficiency, one big download, or virtual time
 * @param provider      the API (and simulator) of an HTTP run
 * @param jobs          jobs per measured phase
 * @param jobTime       how long the backend takes to finish each job, in job time (see {@code timeScale})
 * @param jobTimes      the job times of a polling run, one sweep each
 * @param threads       threads of the service's scheduler, and of every baseline's pool
 * @param warmup        jobs run (and checked) before each measured phase, not measured
 * @param download      whether each job's result is also downloaded, by every client
 * @param downloadBytes the size of the one result a download run streams to disk
 * @param timeScale     how many times faster than job time the run goes: job times, poll waits and poll
 *                      hints are all divided by it, so calls per job are those of the unscaled run and
 *                      latencies are reported in job time
 * @param clients       the phases, in order; imagine4j, when present, is compared with the others
 */
public record LoadOptions(Mode mode, Provider provider, int jobs, Duration jobTime, List<Duration> jobTimes, int threads,
                          int warmup, boolean download, long downloadBytes, double timeScale, List<ClientKind> clients) {

    public static final int DEFAULT_JOBS = 2_000;
    public static final int DEFAULT_VIRTUAL_JOBS = 10_000;
    public static final int DEFAULT_POLLING_JOBS = 200;
    public static final int DEFAULT_DOWNLOAD_ROUNDS = 3;
    public static final Duration DEFAULT_JOB_TIME = Duration.ofSeconds(5);
    public static final List<Duration> DEFAULT_JOB_TIMES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofSeconds(120));
    public static final int DEFAULT_THREADS = 4;
    public static final int DEFAULT_WARMUP = 2_000;
    public static final int DEFAULT_VIRTUAL_WARMUP = 5_000;
    public static final int DEFAULT_POLLING_WARMUP = 100;
    /** A polling run's default: 120 s jobs take 12 s, so the three sweeps fit in about two minutes. */
    public static final double DEFAULT_POLLING_SCALE = 10;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]i?b?)?");

    /** What a run measures. */
    public enum Mode {
        /** The same jobs through every client: throughput, calls, latency, threads, heap and CPU per job. */
        THROUGHPUT,
        /** Jobs that report linear progress, at several lengths: polls per job and completion-detection lag. */
        POLLING,
        /** One large result streamed to disk: throughput and heap growth. */
        DOWNLOAD,
        /** The fake provider on a virtual clock: imagine4j's own bookkeeping per job. */
        VIRTUAL
    }

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
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("--time-scale must be positive, got " + timeScale);
        }
        if (downloadBytes < 1) {
            throw new IllegalArgumentException("--download-size must be positive, got " + downloadBytes);
        }
        jobTimes = List.copyOf(jobTimes);
        clients = List.copyOf(clients);
        if (clients.contains(ClientKind.OPENAI_SDK) && provider != Provider.OPENAI) {
            throw new IllegalArgumentException("the openai-java SDK (sdk) only speaks to --provider openai");
        }
    }

    /**
     * Reads {@code --provider P --jobs N --job-time DUR --threads T --warmup W --download --time-scale K
     * --clients a,b,sdk,imagine4j}, and one of {@code --polling [--job-times 5s,30s,120s]},
     * {@code --download-size 1g} or {@code --virtual}; defaults depend on the mode.
     */
    public static LoadOptions parse(String... args) {
        Integer jobs = null;
        Integer warmup = null;
        Double scale = null;
        Duration jobTime = DEFAULT_JOB_TIME;
        List<Duration> jobTimes = DEFAULT_JOB_TIMES;
        Provider provider = Provider.XAI;
        int threads = DEFAULT_THREADS;
        boolean download = false;
        Long downloadBytes = null;
        List<ClientKind> clients = null;
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--provider" -> provider = Provider.named(value(args, ++i, arg));
                case "--jobs" -> jobs = integer(arg, value(args, ++i, arg));
                case "--job-time" -> jobTime = duration(value(args, ++i, arg));
                case "--job-times" -> jobTimes = durations(value(args, ++i, arg));
                case "--threads" -> threads = integer(arg, value(args, ++i, arg));
                case "--warmup" -> warmup = integer(arg, value(args, ++i, arg));
                case "--time-scale" -> scale = decimal(arg, value(args, ++i, arg));
                case "--clients" -> clients = clients(value(args, ++i, arg));
                case "--download" -> download = true;
                case "--download-size" -> {
                    downloadBytes = size(value(args, ++i, arg));
                    modes.add(Mode.DOWNLOAD);
                }
                case "--polling" -> modes.add(Mode.POLLING);
                case "--virtual" -> modes.add(Mode.VIRTUAL);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (modes.size() > 1) {
            throw new IllegalArgumentException("--polling, --download-size and --virtual are separate runs; choose one");
        }
        Mode mode = modes.isEmpty() ? Mode.THROUGHPUT : modes.iterator().next();
        if (mode == Mode.VIRTUAL && download) {
            throw new IllegalArgumentException("--download needs real HTTP; it cannot be combined with --virtual");
        }
        if (clients == null) {
            clients = defaultClients(mode, provider);
        }
        return new LoadOptions(mode, provider,
                jobs != null ? jobs : switch (mode) {
                    case VIRTUAL -> DEFAULT_VIRTUAL_JOBS;
                    case POLLING -> DEFAULT_POLLING_JOBS;
                    case DOWNLOAD -> DEFAULT_DOWNLOAD_ROUNDS;
                    case THROUGHPUT -> DEFAULT_JOBS;
                },
                jobTime, jobTimes, threads,
                warmup != null ? warmup : switch (mode) {
                    case VIRTUAL -> DEFAULT_VIRTUAL_WARMUP;
                    case POLLING -> DEFAULT_POLLING_WARMUP;
                    case DOWNLOAD -> 0;
                    case THROUGHPUT -> DEFAULT_WARMUP;
                },
                download, downloadBytes != null ? downloadBytes : 1L << 30,
                scale != null ? scale : mode == Mode.POLLING ? DEFAULT_POLLING_SCALE : 1, clients);
    }

    private static List<ClientKind> defaultClients(Mode mode, Provider provider) {
        return switch (mode) {
            case POLLING -> List.of(ClientKind.DOCS_LOOP, ClientKind.IMAGINE4J);
            case DOWNLOAD -> List.of(ClientKind.DOCS_LOOP, ClientKind.IMAGINE4J);
            case VIRTUAL -> List.of(ClientKind.IMAGINE4J);
            case THROUGHPUT -> provider == Provider.OPENAI
                    ? List.of(ClientKind.DOCS_LOOP, ClientKind.RAW_SCHEDULE, ClientKind.OPENAI_SDK, ClientKind.IMAGINE4J)
                    : List.of(ClientKind.DOCS_LOOP, ClientKind.RAW_SCHEDULE, ClientKind.IMAGINE4J);
        };
    }

    public boolean virtual() {
        return mode == Mode.VIRTUAL;
    }

    /** The options of a phase's unmeasured warm-up: the same clients, {@code warmup} short jobs. */
    LoadOptions warmupRun() {
        return new LoadOptions(mode, provider, Math.max(1, warmup), Duration.ofMillis(200), List.of(Duration.ofMillis(200)),
                threads, 0, download, downloadBytes, 1, clients);
    }

    /** The same run with jobs of {@code length} (job time). */
    LoadOptions withJobTime(Duration length) {
        return new LoadOptions(mode, provider, jobs, length, jobTimes, threads, warmup, download, downloadBytes, timeScale,
                clients);
    }

    /** The same run without a warm-up (the clients are warm already). */
    LoadOptions withoutWarmup() {
        return new LoadOptions(mode, provider, jobs, jobTime, jobTimes, threads, 0, download, downloadBytes, timeScale, clients);
    }

    /** {@code duration} of job time in real time: divided by the time scale. */
    Duration real(Duration duration) {
        return Duration.ofNanos(Math.round(duration.toNanos() / timeScale));
    }

    /**
     * imagine4j's default settings with every poll wait divided by the time scale: what imagine4j
     * runs with, and what baseline (b) mirrors.
     */
    ServiceSettings serviceSettings() {
        ServiceSettings defaults = ServiceSettings.defaults();
        Backoff polls = defaults.pollBackoff();
        return defaults.withPollBackoff(Backoff.of(real(polls.initial()), polls.multiplier(), real(polls.max()), polls.jitter()))
                .withMaxPredictedWait(real(defaults.maxPredictedWait()));
    }

    /** How long the backend really takes per job. */
    Duration realJobTime() {
        return real(jobTime);
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

    /** {@code 1g}, {@code 1GiB}, {@code 512m}, {@code 64k}, or bytes. */
    static long size(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 1g, 512m or 65536");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).substring(0, 1);
        return switch (unit) {
            case "k" -> amount << 10;
            case "m" -> amount << 20;
            case "g" -> amount << 30;
            default -> amount;
        };
    }

    /** The duration as the simulator's directive reads it ({@code time=5000ms}): real time. */
    String directive() {
        return "#sim:time=" + realJobTime().toMillis() + "ms";
    }

    private static List<Duration> durations(String text) {
        List<Duration> all = new ArrayList<>();
        for (String part : text.split(",")) {
            all.add(duration(part));
        }
        return all;
    }

    private static List<ClientKind> clients(String text) {
        Set<ClientKind> all = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            all.add(ClientKind.named(part));
        }
        return new ArrayList<>(all);
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

    private static double decimal(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'", e);
        }
    }
}
