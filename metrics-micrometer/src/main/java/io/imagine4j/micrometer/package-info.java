/**
 * Micrometer for imagine4j, in a module of its own so that an application without it never gets
 * Micrometer on its class path: {@link io.imagine4j.micrometer.JobMeters}, job meters recorded from
 * the core's job events, {@link io.imagine4j.micrometer.HttpClientMeters}, HTTP client meters for
 * the clients provider adapters build, and {@link io.imagine4j.micrometer.JobObservations}, each job
 * an observation (a span per job) with its submit, polls and downloads as children.
 *
 * <pre>{@code
 * VideoProvider xai = XaiVideo.builder().httpCapability(HttpClientMeters.on(registry)).build();
 * VideoJobs jobs = VideoJobService.builder(xai).listener(JobMeters.on(registry)).build();
 * }</pre>
 */
package io.imagine4j.micrometer;
