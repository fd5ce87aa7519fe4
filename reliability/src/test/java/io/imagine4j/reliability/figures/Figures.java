package io.imagine4j.reliability.figures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The numbers this suite reports as it runs, kept per section and printed once at the end by
 * {@link FiguresReport}: counts that every run repeats exactly (cells,
 * inputs, tries, faults), which {@code RELIABILITY.md} quotes as printed, and measurements that vary
 * from run to run (waits, heap, how much was scanned), printed apart.
 *
 * <pre>{@code
 * Figures.add("fault matrix", "cells", 1);
 * Figures.measured().max("fault matrix", "longest cell, ms", elapsedMillis);
 * }</pre>
 */
public final class Figures {

    private static final Figures COUNTS = new Figures();
    private static final Figures MEASURED = new Figures();

    private final Map<String, Map<String, AtomicLong>> sections = new LinkedHashMap<>();

    private Figures() {
    }

    /** Adds {@code amount} to a count every run repeats. */
    public static void add(String section, String what, long amount) {
        COUNTS.counter(section, what).addAndGet(amount);
    }

    /** Sets a count every run repeats. */
    public static void set(String section, String what, long value) {
        COUNTS.counter(section, what).set(value);
    }

    /** The figures that vary from run to run. */
    public static Figures measured() {
        return MEASURED;
    }

    /** Adds {@code amount} to a measurement. */
    public void plus(String section, String what, long amount) {
        counter(section, what).addAndGet(amount);
    }

    /** Raises a measurement to {@code value} if it is larger. */
    public void max(String section, String what, long value) {
        counter(section, what).accumulateAndGet(value, Math::max);
    }

    /** Sets a measurement. */
    public void is(String section, String what, long value) {
        counter(section, what).set(value);
    }

    static Map<String, Map<String, Long>> counts() {
        return COUNTS.snapshot();
    }

    static Map<String, Map<String, Long>> measurements() {
        return MEASURED.snapshot();
    }

    /**
     * Every figure, sections and figures in alphabetical order: the test classes run side by side, so
     * the order they report in is no order to print in.
     */
    private Map<String, Map<String, Long>> snapshot() {
        synchronized (sections) {
            Map<String, Map<String, Long>> copy = new TreeMap<>();
            sections.forEach((section, figures) -> {
                Map<String, Long> values = new TreeMap<>();
                figures.forEach((what, value) -> values.put(what, value.get()));
                copy.put(section, values);
            });
            return copy;
        }
    }

    private AtomicLong counter(String section, String what) {
        synchronized (sections) {
            return sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).computeIfAbsent(what, w -> new AtomicLong());
        }
    }
}
