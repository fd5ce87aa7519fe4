package io.imagine4j.store.jdbc;

import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 fingerprints of local input files, remembered by path, size and modification time so
 * that a file is read once per change, not once per save of every job that uses it (a job is
 * saved after each transition, and its input may be a large video).
 */
final class FileDigests {

    private static final int REMEMBERED = 1_024;

    /** A file's content as it was seen. */
    record Fingerprint(String sha256, long size) {
    }

    private record Seen(Path path, long size, long modifiedNanos) {
    }

    private final Map<Seen, Fingerprint> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Seen, Fingerprint> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The file's fingerprint now; none when it cannot be read. */
    Option<Fingerprint> of(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Option.none();
            }
            Seen seen = new Seen(path, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            synchronized (remembered) {
                Fingerprint known = remembered.get(seen);
                if (known != null) {
                    return Option.some(known);
                }
            }
            Fingerprint fresh = read(path);
            synchronized (remembered) {
                remembered.put(seen, fresh);
            }
            return Option.some(fresh);
        } catch (IOException e) {
            return Option.none();
        }
    }

    /** The fingerprint of bytes in memory. */
    static Fingerprint of(byte[] content) {
        MessageDigest digest = sha256();
        return new Fingerprint(HexFormat.of().formatHex(digest.digest(content)), content.length);
    }

    private static Fingerprint read(Path path) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                size += read;
            }
        }
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
