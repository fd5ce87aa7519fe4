package io.imagine4j.core.port.out;

import io.imagine4j.core.job.JobStatus;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which of the provider's jobs to list, one page at a time: where to start (a cursor the
 * provider gave with the previous page), how many per page, and the filters the provider offers.
 * A filter the provider cannot apply is applied to each page by the service instead.
 *
 * <pre>{@code
 * jobs.list(JobQuery.all().withStatus(JobStatus.RUNNING)).forEach(System.out::println);
 * }</pre>
 *
 * @param after    the cursor to continue from; none for the first page
 * @param pageSize how many jobs one page holds at most
 * @param status   only jobs with this status
 * @param model    only jobs on this model
 */
public record JobQuery(Option<String> after, int pageSize, Option<JobStatus> status, Option<String> model) {

    public JobQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(model, "model");
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one job, got " + pageSize);
        }
    }

    /** Every job, newest first as the provider orders them, 20 a page. */
    public static JobQuery all() {
        return new JobQuery(Option.none(), 20, Option.none(), Option.none());
    }

    public JobQuery after(String cursor) {
        return new JobQuery(Option.of(cursor), pageSize, status, model);
    }

    public JobQuery withPageSize(int size) {
        return new JobQuery(after, size, status, model);
    }

    public JobQuery withStatus(JobStatus value) {
        return new JobQuery(after, pageSize, Option.of(value), model);
    }

    public JobQuery withModel(String value) {
        return new JobQuery(after, pageSize, status, Option.of(value));
    }
}
