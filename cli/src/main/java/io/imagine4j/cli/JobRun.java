package io.imagine4j.cli;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.cost.BudgetExceededException;
import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.ContentVariant;
import io.imagine4j.core.model.DurationRange;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One job from the command line: check, record, submit, follow with progress, download, report;
 * and the same job taken up later by {@code status}, {@code cancel} and {@code download}, which read
 * the store first (a finished job needs no provider call while its result URL is valid).
 */
final class JobRun {

    private final CommonOptions options;
    private final CliEnvironment env;
    private final Messages messages;
    private final Progress progress;
    private final StoreLocation location;
    /** The job this run works on, once known: what an interruption reports. */
    private volatile VideoJob current;
    private volatile boolean embedded;

    JobRun(CommonOptions options, CliEnvironment env) {
        this.options = options;
        this.env = env;
        this.messages = new Messages(env, options);
        this.progress = Progress.of(env, options);
        this.location = StoreLocation.of(options, env);
    }

    // ---- submit ----

    /** Submits {@code request} and, unless {@code --no-wait}, follows it and saves the video to {@code output}. */
    int submit(VideoRequest request, Option<Path> output, CostOptions cost) {
        Duration timeout = options.timeout();
        Option<BigDecimal> maxCost = cost.maxCost();
        UnaryOperator<ServiceSettings> budget = settings -> maxCost.map(usd -> settings.withBudget(Budget.perSubmit(usd)))
                .getOrElse(settings);
        try (JdbcJobStore store = location.open(env);
             Session session = Session.open(Backends.open(options, env, messages), store, budget.apply(env.settings()))) {
            embedded = session.backend().embedded();
            VideoJobs jobs = session.jobs();
            JobReport report = JobReport.of(session.backend().provider().name());
            Validation<Seq<Violation>, CheckedRequest> valid = jobs.validate(request);
            if (valid.isInvalid()) {
                return invalid(report, valid.getError());
            }
            if (cost.estimate) {
                return estimate(jobs, request, report);
            }
            VideoJob job;
            try {
                job = jobs.submit(request);
            } catch (BudgetExceededException e) {
                messages.error(e.getMessage() + "; nothing was submitted.");
                return said(report.withFailure(JobFailure.of(FailureKind.BUDGET_EXCEEDED, "max_cost", e.getMessage())),
                        ExitCodes.INVALID_INPUT);
            } catch (InvalidRequestException e) {
                return invalid(report, e.violations());
            }
            session.submitted(job.key());
            current = job;
            messages.info("Submitting " + request.kind().label() + " to " + session.backend().description()
                    + " (recorded in " + location.describe() + ") …");
            Instant started = Instant.now();
            Either<JobFailure, JobId> accepted = job.awaitAccepted(timeout);
            if (accepted.isLeft()) {
                return finish(report.withStatus(job.status()).withFailure(accepted.getLeft()), false);
            }
            JobId id = accepted.get();
            report = report.withJob(id);
            if (options.noWait) {
                messages.info("Job " + id + " accepted. Follow it with: imagine4j status " + id + ", or save it with: imagine4j"
                        + " download " + id + " -o FILE" + (embedded ? " (not here: the embedded simulator stops with this"
                        + " command)" : ""));
                if (!options.json) {
                    env.out().println(id);
                }
                return finish(report.withStatus(job.status()), true);
            }
            Either<JobFailure, GeneratedVideo> outcome = follow(job, id, timeout.minus(Duration.between(started, Instant.now())));
            report = report.withStatus(job.status());
            if (outcome.isLeft()) {
                return finish(report.withFailure(outcome.getLeft()), true);
            }
            return save(jobs, report.withVideo(outcome.get()), outcome.get(), output.getOrElse(() -> defaultOutput(id)),
                    ContentVariant.VIDEO);
        } catch (InterruptedException e) {
            return interrupted();
        }
    }

    private int estimate(VideoJobs jobs, VideoRequest request, JobReport report) {
        Either<String, CostEstimate> estimate = jobs.estimate(request);
        if (estimate.isLeft()) {
            String message = "the cost of this request cannot be estimated: " + estimate.getLeft();
            messages.error(message);
            return said(report.withFailure(JobFailure.of(FailureKind.INVALID_REQUEST, "no_estimate", message)),
                    ExitCodes.INVALID_INPUT);
        }
        CostEstimate cost = estimate.get();
        messages.info("Estimated cost: " + cost + ". Nothing was submitted.");
        if (!options.json) {
            env.out().println(cost.usd().toPlainString());
        }
        return said(report.withEstimate(cost), ExitCodes.SUCCESS);
    }

    // ---- a job taken up by its id ----

    /** Where a job stands: from the store when it ended there, else asked of the provider. */
    int status(String jobIdText) {
        try (JdbcJobStore store = location.open(env)) {
            JobId id = jobId(jobIdText);
            Option<JobRecord> stored = store.findByJobId(id).filter(JobRecord::isFinished);
            if (stored.isDefined()) {
                JobState state = stored.get().state();
                return reportStatus(id, JobReport.of(id.provider()).withJob(id), state.status(), state.progress(), state.result(),
                        state.failure(), " (recorded in " + location.describe() + ")");
            }
            try (Session session = Session.open(Backends.forApi(api(id), options, env, messages), store, env.settings())) {
                JobReport report = JobReport.of(session.backend().provider().name()).withJob(id);
                Either<JobFailure, JobUpdate> answer = session.jobs().check(id);
                if (answer.isLeft()) {
                    return finish(report.withFailure(answer.getLeft()), true);
                }
                JobUpdate update = answer.get();
                return reportStatus(id, report, update.status(), update.progress(), update.result(), update.failure(), "");
            }
        }
    }

    private int reportStatus(JobId id, JobReport base, JobStatus status, Option<Integer> percent,
            Option<GeneratedVideo> result, Option<JobFailure> failure, String where) {
        JobReport report = base.withStatus(status);
        if (result.isDefined()) {
            report = report.withVideo(result.get());
        }
        if (failure.isDefined()) {
            return finish(report.withFailure(failure.get()), true);
        }
        messages.info("Job " + id + " is " + ProgressLines.describe(new JobState(status, percent, "", result, failure,
                Instant.now())) + where);
        result.forEach(video -> messages.info("Result: " + video.displayLocation() + " — save it with: imagine4j download "
                + id + " -o FILE"));
        if (!options.json) {
            env.out().println(status.name().toLowerCase(Locale.ROOT));
        }
        return finish(report, true);
    }

    /** Cancels a job at the provider; a stored job is followed first, so the store records its end. */
    int cancel(String jobIdText) {
        try (JdbcJobStore store = location.open(env)) {
            JobId id = jobId(jobIdText);
            try (Session session = Session.open(Backends.forApi(api(id), options, env, messages), store, env.settings())) {
                JobReport report = JobReport.of(session.backend().provider().name()).withJob(id);
                // A stored job no live process holds is claimed and followed here, and takes the cancel's answer.
                session.jobs().find(id);
                Either<JobFailure, JobState> answer = session.jobs().cancel(id);
                if (answer.isLeft()) {
                    return finish(report.withFailure(answer.getLeft()), true);
                }
                JobState state = answer.get();
                report = report.withStatus(state.status());
                messages.info("Job " + id + " is " + ProgressLines.describe(state)
                        + (state.status().isTerminal() ? "" : " (the provider cancels it soon)"));
                if (!options.json) {
                    env.out().println(state.status().name().toLowerCase(Locale.ROOT));
                }
                boolean otherEnd = state.failure().isDefined() && state.status() != JobStatus.CANCELLED;
                return otherEnd ? finish(report.withFailure(state.failure().get()), true) : said(report, ExitCodes.SUCCESS);
            }
        }
    }

    /**
     * Saves a job's video (or another variant): from the stored result when the job ended in the
     * store and its URL is still valid, with no provider call; otherwise the job is followed to its
     * end first, unless {@code --no-wait}.
     */
    int download(String jobIdText, Path output, ContentVariant variant) {
        Duration timeout = options.timeout();
        Instant deadline = Instant.now().plus(timeout);
        try (JdbcJobStore store = location.open(env)) {
            JobId id = jobId(jobIdText);
            Option<JobRecord> stored = store.findByJobId(id);
            try (Session session = Session.open(Backends.forApi(api(id), options, env, messages), store,
                    Session.takingOver(env.settings()))) {
                VideoJobs jobs = session.jobs();
                JobReport report = JobReport.of(session.backend().provider().name()).withJob(id);
                Either<JobFailure, GeneratedVideo> outcome;
                if (stored.exists(JobRecord::isFinished)) {
                    JobState state = stored.get().state();
                    report = report.withStatus(state.status());
                    outcome = state.result().isDefined() ? fresh(jobs, id, state.result().get())
                            : Either.left(state.failure().get());
                } else if (options.noWait) {
                    Either<JobFailure, JobUpdate> answer = jobs.check(id);
                    if (answer.isLeft()) {
                        return finish(report.withFailure(answer.getLeft()), true);
                    }
                    JobUpdate update = answer.get();
                    report = report.withStatus(update.status());
                    if (!update.status().isTerminal()) {
                        messages.error("job " + id + " is " + ProgressLines.describe(new JobState(update.status(),
                                update.progress(), "", Option.none(), Option.none(), Instant.now())) + "; nothing to download yet.");
                        return said(report, ExitCodes.TIMED_OUT);
                    }
                    outcome = update.result().isDefined() ? Either.right(update.result().get()) : Either.left(update.failure().get());
                } else {
                    Either<Integer, Ended> followed = followToEnd(session, store, stored, id, deadline);
                    if (followed.isLeft()) {
                        return followed.getLeft();
                    }
                    outcome = followed.get().outcome();
                    report = report.withStatus(followed.get().status());
                }
                if (outcome.isLeft()) {
                    return finish(report.withFailure(outcome.getLeft()), true);
                }
                return save(jobs, report.withVideo(outcome.get()), outcome.get(), output, variant);
            }
        } catch (InterruptedException e) {
            return interrupted();
        }
    }

    /** The stored result, or a fresh one from the provider once its URL has expired. */
    private Either<JobFailure, GeneratedVideo> fresh(VideoJobs jobs, JobId id, GeneratedVideo video) {
        if (!video.isExpiredAt(Instant.now())) {
            return Either.right(video);
        }
        messages.info("The stored result URL of job " + id + " has expired; asking " + id.provider() + " for a new one.");
        return jobs.check(id).flatMap(update -> update.result().isDefined() ? Either.right(update.result().get())
                : Either.left(update.failure().getOrElse(() -> JobFailure.of(FailureKind.EXPIRED, "result_expired",
                        "The result of job " + id + " has expired at " + id.provider() + "."))));
    }

    /**
     * Follows a job that has not ended in the store: a stored one is taken up (at once, or when the
     * lease of the run that holds it lapses), any other is watched. Left: the exit code when it
     * could not be followed.
     */
    private Either<Integer, Ended> followToEnd(Session session, JdbcJobStore store, Option<JobRecord> stored, JobId id,
            Instant deadline) throws InterruptedException {
        if (stored.isEmpty()) {
            return Either.right(followed(session.jobs().watch(id), id, deadline));
        }
        StoredJobFollow.Taken taken = StoredJobFollow.takeUp(session, store, List.of(stored.get()), deadline, messages)
                .get(stored.get().key());
        if (taken instanceof StoredJobFollow.Taken.Followed followed) {
            return Either.right(followed(followed.job(), id, deadline));
        }
        if (taken instanceof StoredJobFollow.Taken.EndedElsewhere ended) {
            JobState state = ended.record().state();
            return Either.right(new Ended(state.result().isDefined() ? Either.right(state.result().get())
                    : Either.left(state.failure().get()), state.status()));
        }
        messages.error("job " + id + " is still followed by another imagine4j process; wait for it there, or run this again later.");
        return Either.left(said(JobReport.of(id.provider()).withJob(id).withStatus(stored.get().state().status()),
                ExitCodes.TIMED_OUT));
    }

    /** How a job followed here ended (or where it stood when the wait ran out). */
    private record Ended(Either<JobFailure, GeneratedVideo> outcome, JobStatus status) {
    }

    private Ended followed(VideoJob job, JobId id, Instant deadline) throws InterruptedException {
        current = job;
        Either<JobFailure, GeneratedVideo> outcome = follow(job, id, Duration.between(Instant.now(), deadline));
        return new Ended(outcome, job.status());
    }

    // ---- following, saving, reporting ----

    /** Waits for the job, showing its progress; the job keeps running if the wait runs out. */
    private Either<JobFailure, GeneratedVideo> follow(VideoJob job, JobId id, Duration timeout) throws InterruptedException {
        progress.jobStarted(id, job.state());
        AutoCloseable events = job.onEvent(event -> progress.job(job.state()));
        try {
            return job.await(timeout.isNegative() ? Duration.ZERO : timeout);
        } finally {
            try {
                events.close();
            } catch (Exception e) {
                throw new IllegalStateException("removing a job listener cannot fail", e);
            }
            progress.jobEnded(job.state());
        }
    }

    private int save(VideoJobs jobs, JobReport report, GeneratedVideo video, Path output, ContentVariant variant)
            throws InterruptedException {
        Path target = output.toAbsolutePath();
        progress.downloadStarted(target.toString());
        Either<JobFailure, DownloadedVideo> saved;
        try {
            saved = jobs.download(video, variant, target, progress::downloaded);
        } finally {
            progress.downloadEnded();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while downloading");
        }
        if (saved.isLeft()) {
            return finish(report.withFailure(saved.getLeft()), true);
        }
        DownloadedVideo file = saved.get();
        messages.info("Saved " + file.path() + " (" + video.duration().map(d -> DurationRange.seconds(d) + " s, ").getOrElse("")
                + size(file.bytes()) + ") from job " + video.jobId()
                + video.costUsd().map(c -> "; cost $" + c.setScale(Math.max(2, c.scale()), RoundingMode.UNNECESSARY)
                        .toPlainString()).getOrElse(""));
        if (!options.json) {
            env.out().println(file.path());
        }
        return finish(report.withFile(file.path(), file.bytes()), true);
    }

    private int invalid(JobReport report, Iterable<Violation> violations) {
        List<String> sentences = new ArrayList<>();
        violations.forEach(v -> sentences.add(v.message()));
        sentences.forEach(messages::error);
        return said(report.withFailure(JobFailure.of(FailureKind.INVALID_REQUEST, "invalid_request",
                String.join("; ", sentences))), ExitCodes.INVALID_INPUT);
    }

    private int finish(JobReport report, boolean accepted) {
        int code = report.failure().map(f -> ExitCodes.of(f, accepted)).getOrElse(ExitCodes.SUCCESS);
        return finish(report, accepted, code);
    }

    private int finish(JobReport report, boolean accepted, int code) {
        report.failure().forEach(f -> messages.error(explain(f, report.jobId())));
        return said(report, code);
    }

    /** Ends the run with {@code report} whose failure was already told in its own words. */
    private int said(JobReport report, int code) {
        if (options.json) {
            env.out().println(report.toJson());
        }
        return code;
    }

    /** Ctrl-C: the service is closed (its leases released), the job stays in the store to be resumed. */
    private int interrupted() {
        VideoJob job = current;
        Option<JobId> id = job == null ? Option.none() : job.jobId();
        String resume = "imagine4j resume" + (options.store != null ? " --store " + options.store : "");
        String message;
        if (job == null) {
            message = "interrupted; nothing was submitted.";
        } else if (embedded) {
            message = "interrupted; the embedded simulator stopped with this command, so its job ends here.";
        } else if (id.isEmpty()) {
            message = "interrupted before " + job.provider() + " acknowledged the submit; the job is recorded in "
                    + location.describe() + ": `" + resume + "` settles it (a submit whose answer was lost is never sent again).";
        } else {
            message = "interrupted; job " + id.get() + " goes on at " + job.provider() + " and is recorded in "
                    + location.describe() + ". Finish it with `" + resume + "`, then save it with `imagine4j download "
                    + id.get() + " -o FILE`.";
        }
        messages.error(message);
        if (options.json) {
            JobReport report = JobReport.of(job == null ? "" : job.provider());
            report = id.map(report::withJob).getOrElse(report);
            report = job == null ? report : report.withStatus(job.status());
            env.out().println(report.withFailure(JobFailure.of(FailureKind.CANCELLED, "interrupted", message)).toJson());
        }
        return ExitCodes.INTERRUPTED;
    }

    private static String explain(JobFailure failure, Option<JobId> id) {
        String job = id.map(i -> "job " + i).getOrElse("the job");
        return switch (failure.kind()) {
            case TIMEOUT -> "await_timeout".equals(failure.code())
                    ? job + " is still running; check it later with: imagine4j status " + id.map(Object::toString).getOrElse("JOB_ID")
                            + ", or follow it to its end with: imagine4j resume"
                    : job + " timed out: " + failure.message();
            case MODERATION -> job + " was rejected by content moderation: " + failure.message();
            default -> job + " failed (" + failure.kind().name().toLowerCase(Locale.ROOT) + ", " + failure.code() + "): "
                    + failure.message();
        };
    }

    private JobId jobId(String text) {
        try {
            return text.contains(":") ? JobId.parse(text) : JobId.of(Backends.chosenApi(options, env).label(), text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("JOB_ID: " + e.getMessage());
        }
    }

    private static Api api(JobId id) {
        return Api.byLabel(id.provider()).getOrElseThrow(() -> new UsageException("JOB_ID: '" + id + "' names the provider '"
                + id.provider() + "', which this command does not know; use one of " + Api.labels()));
    }

    private static Path defaultOutput(JobId id) {
        return Path.of(id.value().replaceAll("[^A-Za-z0-9._-]", "_") + ".mp4");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
