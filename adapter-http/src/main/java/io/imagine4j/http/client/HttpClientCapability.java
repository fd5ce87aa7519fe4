package io.imagine4j.http.client;

import feign.Capability;

/**
 * Something added to every HTTP client a provider adapter builds, such as HTTP client meters or
 * tracing. Provider adapters take this type rather than Feign's own, so their public API does not
 * name the HTTP library they run on; each one adds {@link #feignCapability()} to its clients
 * through {@link ApiClients.Builder#capability(Capability)}.
 *
 * <pre>{@code
 * VideoProvider xai = XaiVideo.builder()
 *         .httpCapability(HttpClientMeters.on(registry))      // from imagine4j-micrometer
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface HttpClientCapability {

    /** The Feign capability that does the work. */
    Capability feignCapability();
}
