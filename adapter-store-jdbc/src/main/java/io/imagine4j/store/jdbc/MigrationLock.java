package io.imagine4j.store.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes the schema migrations of SQLite files across the threads of this JVM and across
 * processes. Flyway takes no lock on SQLite, so two runs creating the same new store at once
 * collide ({@code SQLITE_BUSY} as both upgrade their read to a write, or a table created twice).
 * The lock is an OS file lock on a small file beside the store, held only while Flyway runs;
 * an OS lock is released by the kernel when its process dies, so a crash never leaves it taken.
 */
final class MigrationLock {

    /** The file beside the store that is locked; it stays, empty, after the lock is released. */
    static final String SUFFIX = ".migration-lock";

    /** A JVM holds a file's OS lock once; its threads take turns on this first. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private MigrationLock() {
    }

    /** Runs {@code migration} while holding the lock of {@code storeFile}. */
    static <T> T around(Path storeFile, Supplier<T> migration) throws IOException {
        Path lockFile = storeFile.resolveSibling(storeFile.getFileName() + SUFFIX);
        IN_THIS_JVM.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return migration.get();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
