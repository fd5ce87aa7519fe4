package io.imagine4j.cli;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.JobEvent;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.DurationRange;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.in.DownloadedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.core.port.in.VideoJobs;
import io.imagine4j.core.service.VideoJobService;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run of a job from the command line: check, submit, wait with a live status line, download,
 * report. Also the shared ending of {@code status} and {@code download}.
 */
final class JobRun {

    private final CommonOptions options;
    private final CliEnvironment env;
    private final Messages messages;

    JobRun(CommonOptions options, CliEnvironment env) {
        this.options = options;
        this.env = env;
        this.messages = new Messages(env, options);
    }

    Messages messages() {
        return messages;
    }

    /** Submits {@code request} and, unless {@code --no-wait}, waits and saves the video to {@code output}. */
    int submit(VideoRequest request, Option<Path> output) {
        Duration timeout = options.timeout();
        try (Backend backend = Backends.open(options, env, messages); VideoJobs jobs = service(backend)) {
            JobReport report = JobReport.of(backend.provider().name());
            Seq<Violation> violations = jobs.validate(request).fold(v -> v, ok -> io.vavr.collection.List.empty());
            if (!violations.isEmpty()) {
                violations.forEach(v -> messages.error(v.message()));
                return ExitCodes.INVALID_INPUT;
            }
            VideoJob job;
            try {
                job = jobs.submit(request);
            } catch (InvalidRequestException e) {
                e.violations().forEach(v -> messages.error(v.message()));
                return ExitCodes.INVALID_INPUT;
            }
            messages.info("Submitting " + request.kind().label() + " to " + backend.description() + " …");
            Instant started = Instant.now();
            Either<JobFailure, JobId> accepted = job.awaitAccepted(timeout);
            if (accepted.isLeft()) {
                return finish(report.withStatus(job.status()).withFailure(accepted.getLeft()), false);
            }
            JobId id = accepted.get();
            report = report.withJob(id);
            if (options.noWait) {
                messages.info("Job " + id + " accepted. Follow it with: imagine4j status " + id);
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
            return save(jobs, report.withVideo(outcome.get()), outcome.get(), output.getOrElse(() -> defaultOutput(id)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            messages.error("interrupted; a job already accepted keeps running at the provider.");
            return ExitCodes.INTERRUPTED;
        }
    }

    /** Reports on a job by its id, asking the provider (the source of truth). */
    int status(String jobIdText) {
        return onJob(jobIdText, (jobs, id, report, update) -> {
            report = report.withStatus(update.status());
            if (update.result().isDefined()) {
                report = report.withVideo(update.result().get());
            }
            if (update.failure().isDefined()) {
                return finish(report.withFailure(update.failure().get()), true);
            }
            messages.info("Job " + id + " is " + describe(update.status(), update.progress()));
            update.result().forEach(video -> messages.info("Result: " + video.displayLocation()
                    + " — save it with: imagine4j download " + id + " -o FILE"));
            if (!options.json) {
                env.out().println(update.status().name().toLowerCase(Locale.ROOT));
            }
            return finish(report, true);
        });
    }

    /** Saves a job's video, waiting for the job first unless {@code --no-wait}. */
    int download(String jobIdText, Path output) {
        return onJob(jobIdText, (jobs, id, report, update) -> {
            Either<JobFailure, GeneratedVideo> outcome;
            if (update.status().isTerminal()) {
                outcome = update.result().isDefined() ? Either.right(update.result().get()) : Either.left(update.failure().get());
                report = report.withStatus(update.status());
            } else if (options.noWait) {
                messages.error("job " + id + " is " + describe(update.status(), update.progress()) + "; nothing to download yet.");
                return finish(report.withStatus(update.status()), true, ExitCodes.TIMED_OUT);
            } else {
                VideoJob job = jobs.watch(id);
                outcome = follow(job, id, options.timeout());
                report = report.withStatus(job.status());
            }
            if (outcome.isLeft()) {
                return finish(report.withFailure(outcome.getLeft()), true);
            }
            return save(jobs, report.withVideo(outcome.get()), outcome.get(), output);
        });
    }

    /** What {@code status} and {@code download} do once the provider has answered for the job. */
    @FunctionalInterface
    private interface JobAction {
        int run(VideoJobs jobs, JobId id, JobReport report, JobUpdate update) throws InterruptedException;
    }

    /** Opens the backend, asks it once about the job, and hands the answer to {@code action}. */
    private int onJob(String jobIdText, JobAction action) {
        try (Backend backend = Backends.open(options, env, messages); VideoJobs jobs = service(backend)) {
            JobId id = jobId(jobIdText, backend.provider().name());
            JobReport report = JobReport.of(backend.provider().name()).withJob(id);
            Either<JobFailure, JobUpdate> answer = jobs.check(id);
            if (answer.isLeft()) {
                return finish(report.withFailure(answer.getLeft()), true);
            }
            return action.run(jobs, id, report, answer.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            messages.error("interrupted; the job keeps running at the provider.");
            return ExitCodes.INTERRUPTED;
        }
    }

    private VideoJobs service(Backend backend) {
        return VideoJobService.builder(backend.provider()).settings(env.settings()).threads(2).build();
    }

    /** Waits for the job, drawing its status; the job keeps running if the wait runs out. */
    private Either<JobFailure, GeneratedVideo> follow(VideoJob job, JobId id, Duration timeout) throws InterruptedException {
        Instant started = Instant.now();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imagine4j-status-line");
            thread.setDaemon(true);
            return thread;
        });
        try (AutoCloseable events = job.onEvent(event -> {
            if (!messages.isLive() && event instanceof JobEvent.StatusChanged changed) {
                messages.info("Job " + id + " is " + changed.to().name().toLowerCase(Locale.ROOT));
            }
        })) {
            if (messages.isLive()) {
                ticker.scheduleAtFixedRate(() -> messages.status(line(job.state(), started)), 0, 250, TimeUnit.MILLISECONDS);
            }
            Either<JobFailure, GeneratedVideo> outcome = job.await(timeout.isNegative() ? Duration.ZERO : timeout);
            ticker.shutdownNow();
            messages.status(line(job.state(), started));
            messages.endStatus();
            return outcome;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing a job listener cannot fail", e);
        } finally {
            ticker.shutdownNow();
        }
    }

    private int save(VideoJobs jobs, JobReport report, GeneratedVideo video, Path output) {
        Instant started = Instant.now();
        Either<JobFailure, DownloadedVideo> saved = jobs.download(video, output, (bytes, total) ->
                messages.status("Downloading " + size(bytes) + total.map(t -> " / " + size(t)).getOrElse("")
                        + " · " + seconds(Duration.between(started, Instant.now()))));
        messages.endStatus();
        if (saved.isLeft()) {
            return finish(report.withFailure(saved.getLeft()), true);
        }
        DownloadedVideo file = saved.get();
        messages.info("Saved " + file.path() + " (" + video.duration().map(d -> DurationRange.seconds(d) + " s, ").getOrElse("")
                + size(file.bytes()) + ") from job " + video.jobId()
                + video.costUsd().map(c -> "; cost $" + c.setScale(Math.max(2, c.scale()), java.math.RoundingMode.UNNECESSARY)
                        .toPlainString()).getOrElse(""));
        if (!options.json) {
            env.out().println(file.path());
        }
        return finish(report.withFile(file.path(), file.bytes()), true);
    }

    private int finish(JobReport report, boolean accepted) {
        int code = report.failure().map(f -> ExitCodes.of(f, accepted)).getOrElse(ExitCodes.SUCCESS);
        return finish(report, accepted, code);
    }

    private int finish(JobReport report, boolean accepted, int code) {
        report.failure().forEach(f -> messages.error(explain(f, report.jobId())));
        if (options.json) {
            env.out().println(report.toJson());
        }
        return code;
    }

    private static String explain(JobFailure failure, Option<JobId> id) {
        String job = id.map(i -> "job " + i).getOrElse("the job");
        return switch (failure.kind()) {
            case TIMEOUT -> "await_timeout".equals(failure.code())
                    ? job + " is still running; check it later with: imagine4j status " + id.map(Object::toString).getOrElse("JOB_ID")
                    : job + " timed out: " + failure.message();
            case MODERATION -> job + " was rejected by content moderation: " + failure.message();
            default -> job + " failed (" + failure.kind().name().toLowerCase(Locale.ROOT) + ", " + failure.code() + "): "
                    + failure.message();
        };
    }

    private static JobId jobId(String text, String provider) {
        try {
            return text.contains(":") ? JobId.parse(text) : JobId.of(provider, text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("JOB_ID: " + e.getMessage());
        }
    }

    private static Path defaultOutput(JobId id) {
        return Path.of(id.value().replaceAll("[^A-Za-z0-9._-]", "_") + ".mp4");
    }

    private static String line(JobState state, Instant started) {
        return describe(state.status(), state.progress()) + " · " + seconds(Duration.between(started, Instant.now()));
    }

    private static String describe(JobStatus status, Option<Integer> progress) {
        return status.name().toLowerCase(Locale.ROOT) + progress.filter(p -> !status.isTerminal()).map(p -> " " + p + "%").getOrElse("");
    }

    private static String seconds(Duration elapsed) {
        return elapsed.toSeconds() + "s";
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
