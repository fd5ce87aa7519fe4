package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.ProviderSettings;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.RequestDefaults;
import io.imagine4j.spring.jobs.VideoDefaults;
import io.vavr.collection.List;

import java.util.Locale;

/**
 * The request defaults of the chosen provider ({@code imagine4j.<provider>.defaults.*}), checked
 * at startup against what its model takes, so a default no request could use fails the start
 * instead of being skipped on every job.
 */
final class DefaultsFromProperties {

    private DefaultsFromProperties() {
    }

    static VideoDefaults of(Imagine4jProperties properties, ProviderCapabilities capabilities) {
        String provider = properties.getProvider().name().toLowerCase(Locale.ROOT);
        String prefix = "imagine4j." + provider + ".defaults.";
        RequestDefaults configured = settings(properties).getDefaults();
        VideoDefaults defaults = VideoDefaults.none();
        if (configured.getModel() != null && !configured.getModel().isBlank()) {
            defaults = defaults.withModel(configured.getModel().strip());
        }
        if (configured.getDuration() != null) {
            defaults = defaults.withDuration(configured.getDuration());
        }
        if (configured.getAspectRatio() != null) {
            try {
                defaults = defaults.withAspectRatio(AspectRatio.parse(configured.getAspectRatio()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "aspect-ratio: " + e.getMessage(), e);
            }
        }
        if (configured.getResolution() != null) {
            try {
                defaults = defaults.withResolution(Resolution.parse(configured.getResolution()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "resolution: " + e.getMessage(), e);
            }
        }
        List<String> unusable = defaults.unusable(capabilities);
        if (!unusable.isEmpty()) {
            throw new IllegalStateException("No request to " + capabilities.provider() + " could take the defaults set in "
                    + prefix + "*: " + unusable.mkString("; "));
        }
        return defaults;
    }

    private static ProviderSettings settings(Imagine4jProperties properties) {
        return switch (properties.getProvider()) {
            case XAI -> properties.getXai();
            case OPENAI -> properties.getOpenai();
            case OXEN -> properties.getOxen();
        };
    }
}
