package io.imagine4j.core.cost;

import io.imagine4j.core.model.Resolution;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a provider charges per second of generated video for one model (and resolution, where the
 * price depends on it), with where the figure comes from and when it was read, so an estimate can
 * say how old its price is.
 *
 * <pre>{@code
 * Price grok = Price.perSecond("xai", "grok-imagine-video", new BigDecimal("0.07"),
 *         LocalDate.of(2026, 11, 1), "https://docs.x.ai/docs/guides/video-generations ($4.20 per minute)");
 * }</pre>
 *
 * @param provider     the provider's short name
 * @param model        the model, or a family prefix of model names
 * @param resolution   the resolution it applies to; any when empty
 * @param usdPerSecond US dollars per second of generated video
 * @param asOf         when the figure was read
 * @param source       where it was read (a URL, a document)
 */
public record Price(String provider, String model, Option<Resolution> resolution, BigDecimal usdPerSecond, LocalDate asOf,
                    String source) {

    public Price {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(usdPerSecond, "usdPerSecond");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        if (usdPerSecond.signum() < 0) {
            throw new IllegalArgumentException("A price is not negative, got " + usdPerSecond);
        }
    }

    /** A price for every resolution of {@code model}. */
    public static Price perSecond(String provider, String model, BigDecimal usdPerSecond, LocalDate asOf, String source) {
        return new Price(provider, model, Option.none(), usdPerSecond, asOf, source);
    }

    /** This price for one resolution only. */
    public Price at(Resolution value) {
        return new Price(provider, model, Option.some(value), usdPerSecond, asOf, source);
    }

    @Override
    public String toString() {
        return "$" + usdPerSecond.toPlainString() + "/s for " + provider + " " + model
                + resolution.map(r -> " at " + r).getOrElse("") + " (as of " + asOf + ", " + source + ")";
    }
}
