package io.imagine4j.core.port.in;

import io.imagine4j.core.model.ProviderCapabilities;

/**
 * Everything an application does with video jobs on one provider: submit, track, cancel, resume,
 * download, estimate, and browse the provider's own jobs and models. Build one with {@code VideoJobService.builder(provider)}; close it to stop its
 * threads (jobs in the store survive and can be resumed).
 *
 * <pre>{@code
 * try (VideoJobs jobs = VideoJobService.builder(provider).build()) {
 *     VideoJob job = jobs.submit(VideoRequest.textToVideo("A red fox running through snow"));
 *     job.await(Duration.ofMinutes(10)).peek(video -> jobs.download(video, Path.of("fox.mp4")));
 * }
 * }</pre>
 */
public interface VideoJobs extends SubmitVideoJob, TrackVideoJobs, CancelVideoJob, ResumeVideoJobs, DownloadVideo,
        EstimateCost, BrowseProvider, AutoCloseable {

    /** What the provider accepts: its built-in table, merged with its run-time model list once fetched. */
    ProviderCapabilities capabilities();

    /** Stops polling and the service's threads. Jobs are not cancelled. */
    @Override
    void close();
}
