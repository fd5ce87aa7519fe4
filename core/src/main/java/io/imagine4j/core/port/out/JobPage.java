package io.imagine4j.core.port.out;

import io.imagine4j.core.job.JobSummary;
import io.vavr.control.Option;

import java.util.List;
import java.util.Objects;

/**
 * One page of the provider's job list, and the cursor of the next page when there is one.
 *
 * @param jobs the jobs of this page, in the provider's order
 * @param next the cursor to pass as {@link JobQuery#after(String)} for the next page; none on the last
 */
public record JobPage(List<JobSummary> jobs, Option<String> next) {

    public JobPage {
        jobs = List.copyOf(jobs);
        Objects.requireNonNull(next, "next");
    }

    /** The last page. */
    public static JobPage last(List<JobSummary> jobs) {
        return new JobPage(jobs, Option.none());
    }
}
