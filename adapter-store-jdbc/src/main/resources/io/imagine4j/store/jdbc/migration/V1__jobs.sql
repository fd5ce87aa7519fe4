-- The jobs of imagine4j's JobStore, one row per job (one per video of a submit). The same SQL
-- runs on SQLite and PostgreSQL. Instants and durations are BIGINT nanoseconds (since the epoch),
-- exact and comparable in both; money is decimal text, its scale kept. No column holds an API key.
CREATE TABLE imagine4j_jobs (
    job_key                TEXT    NOT NULL PRIMARY KEY, -- imagine4j's key of the job
    provider               TEXT    NOT NULL,             -- the provider's short name (xai, openai, oxen)
    submission_key         TEXT    NOT NULL,             -- the submit's key, sent as its idempotency key
    generation_index       INTEGER NOT NULL,             -- which video of its submit, from 1
    generation_count       INTEGER NOT NULL,             -- how many videos the submit asked for
    kind                   TEXT,                         -- TEXT_TO_VIDEO, IMAGE_TO_VIDEO, EDIT, EXTEND, REMIX
    request                TEXT,                         -- the request as JSON: inputs by path and hash, never content
    job_id                 TEXT,                         -- provider:id, once the provider accepted the job
    status                 TEXT    NOT NULL,             -- QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, EXPIRED
    finished               BOOLEAN NOT NULL,             -- whether the status is terminal
    progress               INTEGER,                      -- percent, when reported
    raw_status             TEXT    NOT NULL,             -- the provider's last wire status
    result_job_id          TEXT,
    result_location        TEXT,                         -- where the video is served (may be a signed URL)
    result_media_type      TEXT,
    result_duration_ns     BIGINT,
    result_expires_at      BIGINT,
    result_cost_usd        TEXT,
    result_details         TEXT,                         -- JSON object of strings: provider facts
    failure_kind           TEXT,
    failure_code           TEXT,
    failure_message        TEXT,
    failure_job_id         TEXT,
    failure_retry_after_ns BIGINT,
    failure_cost_usd       TEXT,
    created_at             BIGINT  NOT NULL,
    updated_at             BIGINT  NOT NULL,             -- when the state was recorded: a finished job's end
    lease_owner            TEXT,                         -- the instance following the job, if any
    lease_until            BIGINT                        -- when that lease lapses unless renewed
);

-- findByJobId
CREATE INDEX imagine4j_jobs_by_job_id ON imagine4j_jobs (job_id);
-- unfinished() and claim(): the few unfinished jobs, oldest first
CREATE INDEX imagine4j_jobs_unfinished ON imagine4j_jobs (provider, created_at) WHERE NOT finished;
-- recent()
CREATE INDEX imagine4j_jobs_by_creation ON imagine4j_jobs (created_at);
-- prune()
CREATE INDEX imagine4j_jobs_finished ON imagine4j_jobs (updated_at) WHERE finished;
