package io.imagine4j.store.jdbc.kill;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A child's evidence file: one line per event, handed to the operating system as soon as it is
 * written, so that a SIGKILL loses at most the line being written. Lines:
 * {@code grant <instance> <key> <from> <until>}, {@code lost <instance> <key> <at>},
 * {@code poll <instance> <jobId> <start> <end>}; times in epoch nanoseconds of the wall clock that
 * every process on the machine shares.
 */
final class EventLog implements AutoCloseable {

    private final BufferedWriter out;

    private EventLog(BufferedWriter out) {
        this.out = out;
    }

    static EventLog appendingTo(Path file) {
        try {
            return new EventLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static long now() {
        return nanos(Instant.now());
    }

    synchronized void write(String... fields) {
        try {
            out.write(String.join(" ", fields));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
