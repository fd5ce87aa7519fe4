package io.imagine4j.store.jdbc;

/**
 * What differs between the two databases. The schema and every other statement are the same SQL
 * in both (upserts with {@code ON CONFLICT}, {@code RETURNING}, partial indexes); only claiming
 * differs.
 */
enum Dialect {

    /**
     * SQLite serializes writers on the whole file, and the store begins every write with
     * {@code BEGIN IMMEDIATE}, which takes the write lock before the first read: two claims, even
     * from two processes, run one after the other, so the same select-then-update is enough.
     */
    SQLITE("SQLite", """
            UPDATE imagine4j_jobs SET lease_owner = ?, lease_until = ?
            WHERE job_key IN (SELECT job_key FROM imagine4j_jobs
                              WHERE provider = ? AND NOT finished AND (lease_until IS NULL OR lease_until <= ?)
                              ORDER BY created_at, job_key LIMIT ?)
            RETURNING *"""),

    /**
     * On PostgreSQL, claimers run side by side: each locks the rows it takes and skips the rows
     * another claimer has locked, so two instances claiming at once get different jobs and neither
     * waits for the other. Under READ COMMITTED a row changed meanwhile is checked again against
     * the condition once locked, so a job just claimed and committed by another is not taken.
     */
    POSTGRESQL("PostgreSQL", """
            UPDATE imagine4j_jobs SET lease_owner = ?, lease_until = ?
            WHERE job_key IN (SELECT job_key FROM imagine4j_jobs
                              WHERE provider = ? AND NOT finished AND (lease_until IS NULL OR lease_until <= ?)
                              ORDER BY created_at, job_key LIMIT ?
                              FOR UPDATE SKIP LOCKED)
            RETURNING *""");

    private final String product;
    private final String claim;

    Dialect(String product, String claim) {
        this.product = product;
        this.claim = claim;
    }

    String product() {
        return product;
    }

    /** Leases unfinished, unheld jobs of a provider. Parameters: owner, until, provider, now, limit. */
    String claim() {
        return claim;
    }
}
