package io.imagine4j.core.port.in;

import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.job.Generation;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobListener;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.RequestKind;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on one job: its identity, its current state, its events, and ways to wait for it.
 *
 * <pre>{@code
 * VideoJob job = jobs.submit(VideoRequest.textToVideo("A red fox running through snow"),
 *                            event -> log.info("{}", event));      // every event, from Created on
 * Either<JobFailure, GeneratedVideo> outcome = job.await(Duration.ofMinutes(10));
 * }</pre>
 */
public interface VideoJob {

    /** imagine4j's key, known from the start. */
    SubmissionKey key();

    /** The provider's id, once the provider accepted the job. */
    Option<JobId> jobId();

    String provider();

    /** The request kind; unknown for a job submitted elsewhere and only watched here. */
    Option<RequestKind> kind();

    /** The job's state right now. */
    JobState state();

    default JobStatus status() {
        return state().status();
    }

    /** Which of its submit's videos this job is. */
    Generation generation();

    /**
     * Every job of this job's submit, in order: this one alone unless the request asked for several
     * generations. Each is followed, stored and reported on its own.
     */
    List<VideoJob> generations();

    /**
     * Adds a listener for this job's events from now on, in order. Events that happened before are
     * not replayed: to see every event from {@code Created} on, give the listener to
     * {@code submit(request, listener)}. Closing the returned handle removes it.
     */
    AutoCloseable onEvent(JobListener listener);

    /**
     * Completes with the provider's id once accepted, or exceptionally with {@code JobFailedException}.
     * On a virtual clock nothing happens until the clock moves: wait with {@link #awaitAccepted} instead.
     */
    CompletableFuture<JobId> accepted();

    /**
     * Waits up to {@code timeout}, on the service's clock, for the provider to accept the job: its
     * id, the failure that ended the submit, or a {@code TIMEOUT} when the provider has not answered
     * yet (the submit goes on).
     *
     * <pre>{@code
     * Either<JobFailure, JobId> id = jobs.submit(request).awaitAccepted(Duration.ofSeconds(30));
     * }</pre>
     */
    Either<JobFailure, JobId> awaitAccepted(Duration timeout) throws InterruptedException;

    /** Completes with the video, or exceptionally with {@code JobFailedException}. */
    CompletableFuture<GeneratedVideo> result();

    /**
     * Waits up to {@code timeout} for the job to end. A job still running after the wait gives a
     * {@code TIMEOUT} failure and keeps running; ask again, or check its {@link #status()}.
     */
    Either<JobFailure, GeneratedVideo> await(Duration timeout) throws InterruptedException;

    /**
     * Waits up to {@code timeout} in all for every generation of this job's submit, and answers each
     * one's outcome in order (a {@code TIMEOUT} for those still running).
     *
     * <pre>{@code
     * jobs.submit(request.with(o -> o.withGenerations(3))).awaitAll(Duration.ofMinutes(10))
     *     .forEach(outcome -> outcome.peek(video -> System.out.println(video)));
     * }</pre>
     */
    List<Either<JobFailure, GeneratedVideo>> awaitAll(Duration timeout) throws InterruptedException;

    /** Asks the provider to cancel the job; see {@link CancelVideoJob#cancel}. */
    Either<JobFailure, JobState> cancel();
}
