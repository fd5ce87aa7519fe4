package io.imagine4j.micrometer;

import feign.micrometer.MicrometerCapability;
import io.imagine4j.http.client.HttpClientCapability;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;

/**
 * HTTP client meters for the clients provider adapters build: Feign's {@link MicrometerCapability},
 * whose meters ({@code feign.Client}, {@code feign.Client.http_response_code}…) are tagged with the
 * method's URI template ({@code /videos/{id}}), never with an id or a query.
 *
 * <pre>{@code
 * VideoProvider xai = XaiVideo.builder().httpCapability(HttpClientMeters.on(registry)).build();
 * XaiApi api = ApiClients.builder(base).capability(HttpClientMeters.capability(registry)).build(XaiApi.class);
 * }</pre>
 */
public final class HttpClientMeters {

    private HttpClientMeters() {
    }

    /** Meters in {@code registry}, for a provider adapter's builder ({@code XaiVideo.builder().httpCapability(…)}). */
    public static HttpClientCapability on(MeterRegistry registry) {
        MicrometerCapability capability = capability(registry);
        return () -> capability;
    }

    /** Meters in {@code registry}, as the Feign capability an adapter writer adds with {@code ApiClients.Builder.capability}. */
    public static MicrometerCapability capability(MeterRegistry registry) {
        return new MicrometerCapability(Objects.requireNonNull(registry, "registry"));
    }
}
