package io.imagine4j.reliability.secrets;

import io.imagine4j.reliability.figures.Figures;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-of-run scans for the canary key: the {@code toString()} of every library object a run
 * touched, every meter's name and tags, every row (and every byte) of a store's database, and every
 * log line so far.
 *
 * <pre>{@code
 * SecretScan.instances(lab.seen());
 * SecretScan.meters(lab.meters());
 * SecretScan.sqlite(lab.databaseFile());
 * SecretScan.logs();
 * }</pre>
 */
public final class SecretScan {

    private static final String SECTION = "secrets";
    /** The public library types seen with an instance, across every run. */
    private static final Set<Class<?>> TYPES_SEEN = Collections.synchronizedSet(new HashSet<>());

    private SecretScan() {
    }

    /** The {@code toString()} of every library object reachable from what the runs touched. */
    public static void instances(Instances seen) {
        List<Object> objects = seen.reachable();
        Set<Class<?>> publicTypes = Set.copyOf(LibraryTypes.publicTypes());
        for (Object object : objects) {
            String text;
            try {
                text = String.valueOf(object);
            } catch (RuntimeException e) {
                throw new AssertionError("toString() of a " + object.getClass().getName() + " threw " + e, e);
            }
            Canary.assertAbsent("toString of a library object", text);
            for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
                if (publicTypes.contains(type)) {
                    TYPES_SEEN.add(type);
                }
                for (Class<?> contract : type.getInterfaces()) {
                    if (publicTypes.contains(contract)) {
                        TYPES_SEEN.add(contract);
                    }
                }
            }
        }
        Figures.set(SECTION, "public library types", publicTypes.size());
        Figures.measured().is(SECTION, "public library types seen with an instance", TYPES_SEEN.size());
    }

    /** Every meter's name and every tag's key and value. */
    public static void meters(MeterRegistry registry) {
        for (Meter meter : registry.getMeters()) {
            Canary.assertAbsent("meter name", meter.getId().getName());
            for (Tag tag : meter.getId().getTags()) {
                Canary.assertAbsent("meter tag", tag.getKey() + "=" + tag.getValue());
            }
        }
    }

    /** Every value of every row of every table in the SQLite file, and the file's bytes (its journal's too). */
    public static void sqlite(Path file) throws IOException, SQLException {
        for (Path part : List.of(file, Path.of(file + "-wal"), Path.of(file + "-journal"))) {
            if (Files.exists(part)) {
                assertThat(Canary.foundIn(Files.readAllBytes(part))).as("the canary in the bytes of %s", part).isFalse();
                Figures.measured().plus(SECTION, "database file bytes scanned", Files.size(part));
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int column = 1; column <= columns; column++) {
                            Object value = rows.getObject(column);
                            row.append(' ').append(value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : value);
                        }
                        Canary.assertAbsent("database row", row.toString());
                    }
                }
            }
        }
    }

    /** Every log line so far: none may hold the key. */
    public static void logs() {
        assertThat(LogCapture.linesWithTheCanary()).as("log lines holding the canary key").isEmpty();
        Figures.measured().is(SECTION, "log lines captured (every level)", LogCapture.lines());
    }
}
