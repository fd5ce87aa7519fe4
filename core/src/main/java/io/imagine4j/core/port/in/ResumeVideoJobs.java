package io.imagine4j.core.port.in;

import java.util.List;

/** Use case: pick up, after a restart, every job the store holds as unfinished. */
public interface ResumeVideoJobs {

    /**
     * Follows again every unfinished job of this service's provider in the store. A job stored but never acknowledged by the
     * provider may or may not have been started: it is resubmitted only where the provider honours
     * idempotency keys, and otherwise ends as {@code SUBMISSION_OUTCOME_UNKNOWN}, never sent twice.
     */
    List<VideoJob> resume();
}
