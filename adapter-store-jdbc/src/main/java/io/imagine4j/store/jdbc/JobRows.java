package io.imagine4j.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.Generation;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.RequestKind;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link JobRecord} as a row of {@code imagine4j_jobs}, one column per field (see
 * {@code V1__jobs.sql}), so that operators can query jobs with SQL. Instants and durations are
 * {@link EpochNanos}, money is decimal text (its scale kept), the request is JSON
 * ({@link StoredRequests}). No column ever holds an API key.
 */
final class JobRows {

    /** Every column a record fills, in the order {@link #bind} sets them; the lease columns come after. */
    static final String COLUMNS = "job_key, provider, submission_key, generation_index, generation_count, kind, request,"
            + " job_id, status, finished, progress, raw_status,"
            + " result_job_id, result_location, result_media_type, result_duration_ns, result_expires_at, result_cost_usd,"
            + " result_details,"
            + " failure_kind, failure_code, failure_message, failure_job_id, failure_retry_after_ns, failure_cost_usd,"
            + " created_at, updated_at";

    /** How many parameters {@link #bind} sets. */
    static final int COUNT = COLUMNS.split(",").length;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final StoredRequests requests;

    JobRows(StoredRequests requests) {
        this.requests = requests;
    }

    /**
     * Sets the {@link #COUNT} parameters from {@code first} on.
     *
     * @throws IllegalArgumentException when the record holds what cannot be stored (an extra that
     *                                  is not JSON, an instant outside 1677–2262)
     */
    void bind(PreparedStatement statement, int first, JobRecord record) throws SQLException {
        JobState state = record.state();
        Option<GeneratedVideo> result = state.result();
        Option<JobFailure> failure = state.failure();
        int i = first;
        statement.setString(i++, record.key().value());
        statement.setString(i++, record.provider());
        statement.setString(i++, record.generation().submission().value());
        statement.setInt(i++, record.generation().index());
        statement.setInt(i++, record.generation().count());
        text(statement, i++, record.kind().map(Enum::name));
        text(statement, i++, Option.of(requests.write(record)));
        text(statement, i++, record.jobId().map(JobId::toString));
        statement.setString(i++, state.status().name());
        statement.setBoolean(i++, record.isFinished());
        integer(statement, i++, state.progress());
        statement.setString(i++, state.rawStatus());
        text(statement, i++, result.map(video -> video.jobId().toString()));
        text(statement, i++, result.map(video -> video.location().toString()));
        text(statement, i++, result.map(video -> video.mediaType().name()));
        bigint(statement, i++, result.flatMap(GeneratedVideo::duration).map(EpochNanos::of));
        bigint(statement, i++, result.flatMap(GeneratedVideo::expiresAt).map(EpochNanos::of));
        text(statement, i++, result.flatMap(GeneratedVideo::costUsd).map(BigDecimal::toString));
        text(statement, i++, result.map(video -> details(video.details())));
        text(statement, i++, failure.map(f -> f.kind().name()));
        text(statement, i++, failure.map(JobFailure::code));
        text(statement, i++, failure.map(JobFailure::message));
        text(statement, i++, failure.flatMap(JobFailure::jobId).map(JobId::toString));
        bigint(statement, i++, failure.flatMap(JobFailure::retryAfter).map(wait -> EpochNanos.of(wait.delay())));
        text(statement, i++, failure.flatMap(JobFailure::costUsd).map(BigDecimal::toString));
        statement.setLong(i++, EpochNanos.of(record.createdAt()));
        statement.setLong(i, EpochNanos.of(state.updatedAt()));
    }

    /**
     * The record in the current row.
     *
     * @throws IllegalArgumentException when the row holds what no record can (a corrupt or foreign row)
     */
    JobRecord read(ResultSet row) throws SQLException {
        SubmissionKey key = new SubmissionKey(row.getString("job_key"));
        Generation generation = new Generation(new SubmissionKey(row.getString("submission_key")),
                row.getInt("generation_index"), row.getInt("generation_count"));
        Option<String> kind = text(row, "kind");
        Option<String> request = text(row, "request");
        JobState state = new JobState(JobStatus.valueOf(row.getString("status")), integer(row, "progress"),
                row.getString("raw_status"), video(row), failure(row), EpochNanos.instant(row.getLong("updated_at")));
        return new JobRecord(key, row.getString("provider"), kind.map(RequestKind::valueOf),
                request.flatMap(json -> requests.read(key, json)), text(row, "job_id").map(JobId::parse), state,
                EpochNanos.instant(row.getLong("created_at")), generation);
    }

    private static Option<GeneratedVideo> video(ResultSet row) throws SQLException {
        Option<String> location = text(row, "result_location");
        if (location.isEmpty()) {
            return Option.none();
        }
        return Option.some(new GeneratedVideo(JobId.parse(row.getString("result_job_id")), URI.create(location.get()),
                MediaType.valueOf(row.getString("result_media_type")),
                bigint(row, "result_duration_ns").map(EpochNanos::duration),
                bigint(row, "result_expires_at").map(EpochNanos::instant),
                text(row, "result_cost_usd").map(BigDecimal::new),
                text(row, "result_details").map(JobRows::details).getOrElse(Map.of())));
    }

    private static Option<JobFailure> failure(ResultSet row) throws SQLException {
        Option<String> kind = text(row, "failure_kind");
        if (kind.isEmpty()) {
            return Option.none();
        }
        return Option.some(new JobFailure(FailureKind.valueOf(kind.get()), row.getString("failure_code"),
                row.getString("failure_message"), text(row, "failure_job_id").map(JobId::parse),
                bigint(row, "failure_retry_after_ns").map(nanos -> RetryAfter.of(EpochNanos.duration(nanos))),
                text(row, "failure_cost_usd").map(BigDecimal::new)));
    }

    private static String details(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("result details that are not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }

    private static void text(PreparedStatement statement, int index, Option<String> value) throws SQLException {
        if (value.isDefined()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static void integer(PreparedStatement statement, int index, Option<Integer> value) throws SQLException {
        if (value.isDefined()) {
            statement.setInt(index, value.get());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private static void bigint(PreparedStatement statement, int index, Option<Long> value) throws SQLException {
        if (value.isDefined()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    private static Option<String> text(ResultSet row, String column) throws SQLException {
        return Option.of(row.getString(column));
    }

    private static Option<Integer> integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Option.none() : Option.some(value);
    }

    private static Option<Long> bigint(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Option.none() : Option.some(value);
    }
}
