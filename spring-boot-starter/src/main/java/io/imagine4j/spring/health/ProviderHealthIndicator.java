package io.imagine4j.spring.health;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.port.out.VideoProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a provider is reachable and takes the configured key, from a call that costs nothing:
 * its model list where it has one ({@code MODEL_DISCOVERY}), else a poll of a job id no one
 * submitted, whose {@code NOT_FOUND} answer proves the same. Never a submit. The answer is reused
 * for {@code cacheTime}, so a health endpoint scraped every few seconds does not turn into a
 * stream of calls to the provider.
 *
 * <p>Up: the models were listed (detail {@code models}: how many), or the made-up job was not
 * found, or the provider said it was busy (rate limited: the key works). Down: any other failure,
 * with its {@code failure} kind, the provider's {@code code} and a {@code message} (imagine4j's
 * failures never carry a key).
 *
 * <pre>{@code
 * HealthIndicator xai = new ProviderHealthIndicator(XaiVideo.fromEnvironment(), Duration.ofMinutes(1), Clock.systemUTC());
 * }</pre>
 */
public final class ProviderHealthIndicator implements HealthIndicator {

    /** The job id polled where the provider has no model list; no provider knows it. */
    public static final String PROBE_JOB_ID = "imagine4j-health-probe-0000";

    private final VideoProvider provider;
    private final Duration cacheTime;
    private final Clock clock;
    private Health last;
    private Instant lastAt;

    public ProviderHealthIndicator(VideoProvider provider, Duration cacheTime, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.cacheTime = Objects.requireNonNull(cacheTime, "cacheTime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (cacheTime.isNegative()) {
            throw new IllegalArgumentException("cacheTime must not be negative, got " + cacheTime);
        }
    }

    /** The cached answer while it is fresh, else a new check; one check at a time. */
    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(cacheTime))) {
            last = check();
            lastAt = now;
        }
        return last;
    }

    private Health check() {
        try {
            return provider.capabilities().supports(ProviderFeature.MODEL_DISCOVERY) ? byModels() : byProbe();
        } catch (RuntimeException e) {
            // An adapter that throws broke its contract; say which exception, not its text.
            return Health.down().withDetail("provider", provider.name())
                    .withDetail("error", e.getClass().getName()).build();
        }
    }

    private Health byModels() {
        return provider.models().fold(
                failure -> answer(failure, "models", false),
                models -> Health.up().withDetail("provider", provider.name()).withDetail("check", "models")
                        .withDetail("models", models.size()).build());
    }

    private Health byProbe() {
        return provider.poll(JobId.of(provider.name(), PROBE_JOB_ID)).fold(
                failure -> answer(failure, "poll", failure.kind() == FailureKind.NOT_FOUND),
                update -> Health.up().withDetail("provider", provider.name()).withDetail("check", "poll").build());
    }

    private Health answer(JobFailure failure, String check, boolean provesAccess) {
        boolean up = provesAccess || failure.kind() == FailureKind.RATE_LIMITED;
        Health.Builder health = up ? Health.up() : Health.down();
        health.withDetail("provider", provider.name()).withDetail("check", check);
        if (!provesAccess) {
            health.withDetail("failure", failure.kind().name()).withDetail("code", failure.code())
                    .withDetail("message", failure.message());
        }
        return health.build();
    }
}
