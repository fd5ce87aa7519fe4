package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.scenario.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request a simulator received, in arrival order, with its answer status.
 *
 * <pre>{@code
 * assertThat(sim.journal().calls(Call.POLL)).isEqualTo(3);
 * assertThat(sim.journal().entries()).extracting(JournalEntry::path).contains("/v1/videos/generations");
 * }</pre>
 */
public final class Journal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private long sequence;

    /** Records an arrival and returns its handle for {@link #answered}. */
    synchronized JournalEntry arrived(JournalEntry unnumbered) {
        JournalEntry entry = new JournalEntry(++sequence, unnumbered.at(), unnumbered.method(), unnumbered.path(),
                unnumbered.query(), unnumbered.headers(), unnumbered.bodySize(), unnumbered.call(), unnumbered.status());
        entries.add(entry);
        return entry;
    }

    synchronized void answered(JournalEntry entry, int status) {
        // Answers come back roughly in arrival order: search from the end. By identity, so an
        // answer to a request from before a reset never lands on a newer entry.
        for (int index = entries.size() - 1; index >= 0; index--) {
            if (entries.get(index) == entry) {
                entries.set(index, entry.answered(status));
                return;
            }
        }
    }

    /** Forgets every entry; numbering starts again at 1. */
    synchronized void clear() {
        entries.clear();
        sequence = 0;
    }

    /** A snapshot of every entry so far. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** How many calls of this kind arrived, whatever they were answered. */
    public synchronized int calls(Call call) {
        return (int) entries.stream().filter(entry -> entry.call() == call).count();
    }

    public synchronized int size() {
        return entries.size();
    }
}
