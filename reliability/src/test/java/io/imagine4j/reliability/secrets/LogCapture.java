package io.imagine4j.reliability.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log line the library writes during the suite, at every level: SLF4J's (adapters, through
 * {@link CapturingLoggerProvider}) and the JDK's {@code System.Logger} (the core, which goes to
 * java.util.logging). Each line is scanned for the canary as it arrives; only lines holding it are
 * kept (and the last few, to explain a failure), so the heap does not grow with the run.
 *
 * <pre>{@code
 * LogCapture.install();
 * ...
 * assertThat(LogCapture.linesWithTheCanary()).isEmpty();
 * }</pre>
 */
public final class LogCapture {

    private static final AtomicLong LINES = new AtomicLong();
    private static final Map<String, AtomicLong> THROWN = new ConcurrentHashMap<>();
    private static final List<String> WITH_CANARY = new ArrayList<>();
    private static volatile boolean julInstalled;

    private LogCapture() {
    }

    /** Routes java.util.logging (where {@code System.Logger} goes) into the capture as well, at every level. */
    public static synchronized void install() {
        if (julInstalled) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler); // no console noise: the capture is the only sink
        }
        SimpleFormatter format = new SimpleFormatter();
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                record(format.format(record));
                if (record.getThrown() != null) {
                    thrown(record.getLoggerName());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        root.setLevel(Level.ALL);
        Logger.getLogger("io.imagine4j").setLevel(Level.ALL);
        julInstalled = true;
    }

    /** One formatted line (with its stack trace, if any). */
    static void record(String line) {
        LINES.incrementAndGet();
        if (Canary.foundIn(line)) {
            synchronized (WITH_CANARY) {
                WITH_CANARY.add(line);
            }
        }
    }

    /** A line carrying an exception was written by {@code logger}. */
    static void thrown(String logger) {
        THROWN.computeIfAbsent(String.valueOf(logger), name -> new AtomicLong()).incrementAndGet();
    }

    /**
     * How many lines carrying an exception loggers whose names start with {@code prefix} wrote: the
     * library's last-resort handlers (a failed scheduled task, a failed listener) log that way.
     */
    public static long thrownBy(String prefix) {
        return THROWN.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(entry -> entry.getValue().get()).sum();
    }

    /** How many lines were captured so far. */
    public static long lines() {
        return LINES.get();
    }

    /** The lines that held the canary key. */
    public static List<String> linesWithTheCanary() {
        synchronized (WITH_CANARY) {
            return List.copyOf(WITH_CANARY);
        }
    }
}
