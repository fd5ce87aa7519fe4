package io.imagine4j.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.core.port.out.JobStoreException;
import io.imagine4j.core.port.out.Lease;
import io.vavr.control.Option;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A durable {@link JobStore} over JDBC: an SQLite file for one process (the embedded default),
 * or a PostgreSQL database that several service instances share, dividing the unfinished jobs
 * among themselves by {@link Lease}. The schema is created and upgraded by Flyway when the store
 * opens. Every operation is one transaction; a failure is a {@link JobStoreException} naming the
 * store and what it was doing, and leaves what was committed before intact.
 *
 * <pre>{@code
 * // One process: jobs survive a crash or a restart.
 * try (JdbcJobStore store = JdbcJobStore.sqlite(Path.of("/var/lib/myapp/jobs"));
 *      VideoJobService jobs = VideoJobService.builder(XaiVideo.fromEnvironment()).store(store).build()) {
 *     jobs.resume();
 *     ...
 * }
 *
 * // Several instances sharing jobs: each claims what an instance that died left behind.
 * JdbcJobStore shared = JdbcJobStore.on(dataSource);          // Spring's, or any pool
 * VideoJobService jobs = VideoJobService.builder(provider).store(shared)
 *         .settings(ServiceSettings.defaults().withTakeoverEvery(Duration.ofSeconds(30)))
 *         .instance("worker-" + hostName).build();
 * }</pre>
 *
 * <p>Records hold everything {@code resume} needs and never an API key. Requests are stored as
 * JSON; their inputs by reference (a URL, a file's path and hash, a previous job's id), never by
 * content, so a request whose input was in memory, or whose file has changed since, comes back
 * without its request and is not sent again.
 */
public final class JdbcJobStore implements JobStore, AutoCloseable {

    /** The file {@link #sqlite(Path)} keeps in its directory. */
    public static final String SQLITE_FILE_NAME = "imagine4j-jobs.db";

    private static final int KEYS_PER_STATEMENT = 500;

    private static final String INSERT = "INSERT INTO imagine4j_jobs (" + JobRows.COLUMNS + ", lease_owner, lease_until)"
            + " VALUES (" + "?, ".repeat(JobRows.COUNT + 1) + "?) ON CONFLICT (job_key) DO UPDATE SET "
            + updateAll(JobRows.COLUMNS);
    /** A save leaves the lease alone, but a finished job is held by no one. */
    private static final String SAVE = INSERT
            + ", lease_owner = CASE WHEN excluded.finished THEN NULL ELSE imagine4j_jobs.lease_owner END"
            + ", lease_until = CASE WHEN excluded.finished THEN NULL ELSE imagine4j_jobs.lease_until END";
    private static final String SAVE_HELD = INSERT + ", lease_owner = excluded.lease_owner, lease_until = excluded.lease_until";

    private final Database database;
    private final JobRows rows;
    private volatile boolean closed;

    private JdbcJobStore(Database database) {
        this.database = database;
        this.rows = new JobRows(new StoredRequests(new RequestCodec(new FileDigests())));
    }

    /**
     * The store in the SQLite file {@value #SQLITE_FILE_NAME} of {@code directory}, created (with
     * the directory) if missing. One process at a time should follow its jobs; others may read it.
     *
     * @throws JobStoreException when the directory or the file cannot be opened, or is not an
     *                           imagine4j store (a corrupt file is left as it is)
     */
    public static JdbcJobStore sqlite(Path directory) {
        return sqlite(directory, List.of());
    }

    /** {@link #sqlite(Path)}, with SQLite pragmas run on the store's connection (tests shrink the disk with them). */
    static JdbcJobStore sqlite(Path directory, List<String> pragmas) {
        Objects.requireNonNull(directory, "directory");
        Path file = directory.toAbsolutePath().normalize().resolve(SQLITE_FILE_NAME);
        String name = "SQLite job store " + file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new JobStoreException(name + ": opening failed: the directory " + file.getParent()
                    + " cannot be created (" + e + ")", e);
        }
        try {
            SchemaMigrations.apply(SqliteDatabase.dataSource(file));
        } catch (RuntimeException e) {
            throw new JobStoreException(name + ": opening failed while migrating its schema: " + Causes.describe(e), e);
        }
        try {
            return new JdbcJobStore(SqliteDatabase.open(file, pragmas));
        } catch (SQLException e) {
            throw new JobStoreException(name + ": opening failed: " + Causes.describe(e), e);
        }
    }

    /**
     * The store in the PostgreSQL database behind {@code dataSource} (Spring's, or any pool's),
     * its tables created or upgraded now. The caller keeps closing the pool; {@link #close()}
     * leaves it open.
     *
     * @throws JobStoreException        when no connection can be had, or the schema cannot be migrated
     * @throws IllegalArgumentException when the database is not PostgreSQL
     */
    public static JdbcJobStore on(DataSource dataSource) {
        return server(Objects.requireNonNull(dataSource, "dataSource"), null, "the database of " + dataSource);
    }

    /**
     * The store in the PostgreSQL database at {@code jdbcUrl}, through a small connection pool
     * (HikariCP, 4 connections, 5 s to get one) that {@link #close()} closes. The password is
     * used to connect and never printed.
     *
     * <pre>{@code
     * JdbcJobStore store = JdbcJobStore.connect("jdbc:postgresql://db:5432/app", "app", System.getenv("DB_PASSWORD"));
     * }</pre>
     *
     * @throws JobStoreException        when the database cannot be reached, or the schema cannot be migrated
     * @throws IllegalArgumentException when the database is not PostgreSQL
     */
    public static JdbcJobStore connect(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("imagine4j-job-store");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        String name = "job store " + JdbcUrls.withoutCredentials(jdbcUrl);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new JobStoreException(name + ": opening failed: " + Causes.describe(e), e);
        }
        return server(pool, pool, name);
    }

    private static JdbcJobStore server(DataSource dataSource, AutoCloseable ownedPool, String name) {
        String url;
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            url = metadata.getURL();
            dialect = dialect(metadata.getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(ownedPool, e);
            if (e instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new JobStoreException(name + ": opening failed: " + Causes.describe(e), e);
        }
        ServerDatabase database = new ServerDatabase(dataSource, dialect, url, ownedPool);
        try {
            SchemaMigrations.apply(dataSource);
        } catch (RuntimeException e) {
            database.close();
            throw new JobStoreException(database.describe() + ": opening failed while migrating its schema: "
                    + Causes.describe(e), e);
        }
        return new JdbcJobStore(database);
    }

    private static Dialect dialect(String product) {
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("The JDBC job store shares jobs through PostgreSQL, and keeps them in an SQLite"
                + " file with JdbcJobStore.sqlite(directory); this database is " + product + ".");
    }

    // ---- the port ----

    @Override
    public void save(JobRecord record) {
        Objects.requireNonNull(record, "record");
        write("saving job " + record.key(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SAVE)) {
                rows.bind(statement, 1, record);
                statement.setNull(JobRows.COUNT + 1, Types.VARCHAR);
                statement.setNull(JobRows.COUNT + 2, Types.BIGINT);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public void save(JobRecord record, Lease lease) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(lease, "lease");
        write("saving job " + record.key() + " held by " + lease.owner(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SAVE_HELD)) {
                rows.bind(statement, 1, record);
                if (record.isFinished()) {
                    statement.setNull(JobRows.COUNT + 1, Types.VARCHAR);
                    statement.setNull(JobRows.COUNT + 2, Types.BIGINT);
                } else {
                    statement.setString(JobRows.COUNT + 1, lease.owner());
                    statement.setLong(JobRows.COUNT + 2, EpochNanos.bound(lease.until()));
                }
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Option<JobRecord> find(SubmissionKey key) {
        Objects.requireNonNull(key, "key");
        return read("finding job " + key, connection -> first(query(connection,
                "SELECT * FROM imagine4j_jobs WHERE job_key = ?", key.value())));
    }

    @Override
    public Option<JobRecord> findByJobId(JobId jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return read("finding the job with id " + jobId, connection -> first(query(connection,
                "SELECT * FROM imagine4j_jobs WHERE job_id = ? ORDER BY updated_at DESC, created_at DESC LIMIT 1",
                jobId.toString())));
    }

    @Override
    public List<JobRecord> unfinished() {
        return read("listing the unfinished jobs", connection -> query(connection,
                "SELECT * FROM imagine4j_jobs WHERE NOT finished ORDER BY created_at, job_key"));
    }

    @Override
    public List<JobRecord> recent(int limit, boolean finishedToo) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return read("listing the " + limit + " most recent jobs", connection -> query(connection,
                "SELECT * FROM imagine4j_jobs" + (finishedToo ? "" : " WHERE NOT finished")
                        + " ORDER BY created_at DESC, job_key DESC LIMIT ?", limit));
    }

    @Override
    public List<JobRecord> claim(String provider, Lease lease, Instant now, int limit) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        List<JobRecord> claimed = write("claiming jobs of " + provider + " for " + lease.owner(), connection ->
                query(connection, database.dialect().claim(), lease.owner(), EpochNanos.bound(lease.until()), provider,
                        EpochNanos.bound(now), limit));
        claimed.sort(Comparator.comparing(JobRecord::createdAt).thenComparing(record -> record.key().value()));
        return List.copyOf(claimed);
    }

    /**
     * One statement on both databases: PostgreSQL locks the row and, under READ COMMITTED, checks the
     * condition again once a concurrent claim has committed; SQLite serializes writers.
     */
    @Override
    public Option<JobRecord> claim(SubmissionKey key, Lease lease, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(now, "now");
        List<JobRecord> claimed = write("claiming job " + key + " for " + lease.owner(), connection -> query(connection,
                "UPDATE imagine4j_jobs SET lease_owner = ?, lease_until = ?"
                        + " WHERE job_key = ? AND NOT finished AND (lease_until IS NULL OR lease_until <= ? OR lease_owner = ?)"
                        + " RETURNING *", lease.owner(), EpochNanos.bound(lease.until()), key.value(), EpochNanos.bound(now),
                lease.owner()));
        return Option.ofOptional(claimed.stream().findFirst());
    }

    @Override
    public Set<SubmissionKey> renew(Lease lease, Collection<SubmissionKey> keys, Instant now) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(now, "now");
        Set<SubmissionKey> asked = new LinkedHashSet<>(keys);
        if (asked.isEmpty()) {
            return Set.of();
        }
        Set<String> held = write("renewing " + asked.size() + " leases of " + lease.owner(), connection -> {
            Set<String> renewed = new HashSet<>();
            for (List<SubmissionKey> chunk : chunks(asked)) {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE imagine4j_jobs SET lease_until = ?"
                        + " WHERE lease_owner = ? AND job_key IN (" + placeholders(chunk.size()) + ") RETURNING job_key")) {
                    statement.setLong(1, EpochNanos.bound(lease.until()));
                    statement.setString(2, lease.owner());
                    bindKeys(statement, 3, chunk);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            renewed.add(result.getString(1));
                        }
                    }
                }
            }
            return renewed;
        });
        return asked.stream().filter(key -> !held.contains(key.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public void release(String owner, Collection<SubmissionKey> keys) {
        Objects.requireNonNull(owner, "owner");
        Set<SubmissionKey> given = new LinkedHashSet<>(keys);
        if (given.isEmpty()) {
            return;
        }
        write("releasing " + given.size() + " leases of " + owner, connection -> {
            for (List<SubmissionKey> chunk : chunks(given)) {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE imagine4j_jobs"
                        + " SET lease_owner = NULL, lease_until = NULL"
                        + " WHERE lease_owner = ? AND job_key IN (" + placeholders(chunk.size()) + ")")) {
                    statement.setString(1, owner);
                    bindKeys(statement, 2, chunk);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public int prune(Instant finishedBefore) {
        Objects.requireNonNull(finishedBefore, "finishedBefore");
        return write("pruning the jobs finished before " + finishedBefore, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM imagine4j_jobs WHERE finished AND updated_at < ?")) {
                statement.setLong(1, EpochNanos.bound(finishedBefore));
                return statement.executeUpdate();
            }
        });
    }

    /** Closes the store's connection, or the pool it made; a pool given to {@link #on} stays open. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            database.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcJobStore[" + database.describe() + "]";
    }

    // ---- running statements ----

    private <T> T write(String doing, SqlWork<T> work) {
        return run(doing, work, true);
    }

    private <T> T read(String doing, SqlWork<T> work) {
        return run(doing, work, false);
    }

    private <T> T run(String doing, SqlWork<T> work, boolean writes) {
        if (closed) {
            throw new JobStoreException(database.describe() + ": " + doing + " failed: the store is closed");
        }
        try {
            return writes ? database.write(work) : database.read(work);
        } catch (SQLException | RuntimeException e) {
            throw new JobStoreException(database.describe() + ": " + doing + " failed: " + Causes.describe(e), e);
        }
    }

    private List<JobRecord> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<JobRecord> records = new ArrayList<>();
                while (result.next()) {
                    records.add(rows.read(result));
                }
                return records;
            }
        }
    }

    private static Option<JobRecord> first(List<JobRecord> records) {
        return records.isEmpty() ? Option.none() : Option.some(records.get(0));
    }

    private static List<List<SubmissionKey>> chunks(Set<SubmissionKey> keys) {
        List<SubmissionKey> all = List.copyOf(keys);
        List<List<SubmissionKey>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void bindKeys(PreparedStatement statement, int first, List<SubmissionKey> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            statement.setString(first + i, keys.get(i).value());
        }
    }

    private static String updateAll(String columns) {
        return Arrays.stream(columns.split(",")).map(String::trim).filter(column -> !column.equals("job_key"))
                .map(column -> column + " = excluded." + column).collect(Collectors.joining(", "));
    }

    private static void closeQuietly(AutoCloseable pool, Exception cause) {
        if (pool != null) {
            try {
                pool.close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }
}
