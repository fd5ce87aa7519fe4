package io.imagine4j.spring.jobs;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * Options given to requests that leave them unset: a model, a duration, an aspect ratio, a
 * resolution. Each one is given only where the request's model accepts it for the request's kind
 * (an edit keeps its input's length, so a default duration never reaches an edit); elsewhere the
 * provider's own default stands. What a request sets itself always wins.
 *
 * <pre>{@code
 * VideoDefaults defaults = VideoDefaults.none().withDuration(Duration.ofSeconds(6)).withAspectRatio(AspectRatio.PORTRAIT_9_16);
 * VideoRequest request = defaults.applyTo(VideoRequest.textToVideo("A red fox"), jobs.capabilities());
 * }</pre>
 *
 * @param model       the model of requests that name none
 * @param duration    the length of requests that ask for none
 * @param aspectRatio the frame shape of requests that ask for none
 * @param resolution  the resolution of requests that ask for none
 */
public record VideoDefaults(Option<String> model, Option<Duration> duration, Option<AspectRatio> aspectRatio,
                            Option<Resolution> resolution) {

    private static final VideoDefaults NONE = new VideoDefaults(Option.none(), Option.none(), Option.none(), Option.none());

    public VideoDefaults {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** No default: every request goes as it is. */
    public static VideoDefaults none() {
        return NONE;
    }

    public VideoDefaults withModel(String name) {
        return new VideoDefaults(Option.of(name), duration, aspectRatio, resolution);
    }

    public VideoDefaults withDuration(Duration length) {
        return new VideoDefaults(model, Option.of(length), aspectRatio, resolution);
    }

    public VideoDefaults withAspectRatio(AspectRatio ratio) {
        return new VideoDefaults(model, duration, Option.of(ratio), resolution);
    }

    public VideoDefaults withResolution(Resolution value) {
        return new VideoDefaults(model, duration, aspectRatio, Option.of(value));
    }

    /** Whether no default is set. */
    public boolean isEmpty() {
        return model.isEmpty() && duration.isEmpty() && aspectRatio.isEmpty() && resolution.isEmpty();
    }

    /**
     * {@code request} with every unset option that has a default, where its model accepts that
     * default for the request's kind under {@code capabilities}.
     */
    public VideoRequest applyTo(VideoRequest request, ProviderCapabilities capabilities) {
        if (isEmpty()) {
            return request;
        }
        RequestKind kind = request.kind();
        VideoOptions options = request.options();
        if (options.model().isEmpty() && model.exists(name -> limits(capabilities, name, kind).isDefined())) {
            options = options.withModel(model.get());
        }
        Option<RequestLimits> limits = options.model().orElse(() -> capabilities.defaultModelFor(kind))
                .flatMap(name -> limits(capabilities, name, kind));
        if (limits.isEmpty()) {
            return options == request.options() ? request : request.withOptions(options);
        }
        RequestLimits allowed = limits.get();
        if (options.duration().isEmpty() && duration.exists(length -> accepts(allowed, length))) {
            options = options.withDuration(duration.get());
        }
        if (options.aspectRatio().isEmpty() && aspectRatio.exists(allowed.aspectRatios()::contains)) {
            options = options.withAspectRatio(aspectRatio.get());
        }
        if (options.resolution().isEmpty() && resolution.exists(allowed.resolutions()::contains)) {
            options = options.withResolution(resolution.get());
        }
        return options == request.options() ? request : request.withOptions(options);
    }

    /**
     * The defaults that no request could take under {@code capabilities} (with the default model
     * when none is set), each described with what is allowed; empty when all fit some kind. A model
     * the built-in table does not know is not judged (the provider may list it at run time).
     */
    public io.vavr.collection.List<String> unusable(ProviderCapabilities capabilities) {
        Option<ModelCapabilities> chosen = capabilities.model(model);
        if (chosen.isEmpty()) {
            return io.vavr.collection.List.empty();
        }
        io.vavr.collection.List<RequestLimits> kinds = io.vavr.collection.List.ofAll(chosen.get().supportedKinds())
                .flatMap(kind -> chosen.get().limits(kind));
        io.vavr.collection.List<String> problems = io.vavr.collection.List.empty();
        if (duration.exists(length -> kinds.forAll(limits -> !accepts(limits, length)))) {
            problems = problems.append("duration " + duration.get().toSeconds() + " s: " + chosen.get().model()
                    + " takes " + kinds.filter(limits -> !limits.durations().isEmpty()).map(RequestLimits::describeDurations)
                    .distinct().mkString(" or "));
        }
        if (aspectRatio.exists(ratio -> kinds.forAll(limits -> !limits.aspectRatios().contains(ratio)))) {
            problems = problems.append("aspect ratio " + aspectRatio.get() + ": " + chosen.get().model() + " takes "
                    + kinds.flatMap(RequestLimits::aspectRatios).distinct().mkString(", "));
        }
        if (resolution.exists(value -> kinds.forAll(limits -> !limits.resolutions().contains(value)))) {
            problems = problems.append("resolution " + resolution.get() + ": " + chosen.get().model() + " takes "
                    + kinds.flatMap(RequestLimits::resolutions).distinct().mkString(", "));
        }
        return problems;
    }

    private static Option<RequestLimits> limits(ProviderCapabilities capabilities, String name, RequestKind kind) {
        return capabilities.model(Option.some(name)).flatMap(model -> model.limits(kind));
    }

    private static boolean accepts(RequestLimits limits, Duration length) {
        return length.toNanosPart() == 0 && length.toSeconds() <= Integer.MAX_VALUE
                && limits.durations().contains((int) length.toSeconds());
    }
}
