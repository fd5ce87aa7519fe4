package io.imagine4j.core.model;

import io.vavr.control.Option;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What one model accepts for one {@link RequestKind}. An empty set means the option is not
 * accepted at all for that kind (for example, an edit keeps its input's duration, so it accepts
 * no duration).
 *
 * <pre>{@code
 * RequestLimits generation = RequestLimits.builder()
 *         .durationsBetween(1, 15)
 *         .aspectRatios(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16)
 *         .resolutions(Resolution.P480, Resolution.P720)
 *         .build();
 * }</pre>
 *
 * @param durations     the requested lengths allowed, in whole seconds
 * @param aspectRatios  the frame shapes allowed
 * @param resolutions   the resolutions allowed
 * @param audio         whether the audio switch may be set
 * @param inputTypes    the media types an input image or video may have
 * @param inputSources  how an input may be given
 * @param inputDuration the lengths an input video may have, where limited
 * @param maxInputBytes the largest input accepted, where limited
 * @param maxPromptLength the longest prompt accepted in characters, where limited
 * @param defaultDuration the length the provider gives when none is asked for, in whole seconds,
 *                        where it documents one (used for cost estimates)
 * @param promptRequired  whether a prompt must be given (image-to-video may run on the image alone)
 * @param maxGenerations  how many videos one submit may ask for (1 unless the provider offers more)
 * @param seed            whether a seed may be given
 */
public record RequestLimits(
        SortedSet<Integer> durations,
        Set<AspectRatio> aspectRatios,
        Set<Resolution> resolutions,
        boolean audio,
        Set<MediaType> inputTypes,
        Set<MediaSource.Kind> inputSources,
        Option<DurationRange> inputDuration,
        Option<Long> maxInputBytes,
        Option<Integer> maxPromptLength,
        Option<Integer> defaultDuration,
        boolean promptRequired,
        int maxGenerations,
        boolean seed) {

    public RequestLimits {
        durations = Collections.unmodifiableSortedSet(new TreeSet<>(durations));
        aspectRatios = Collections.unmodifiableSet(new LinkedHashSet<>(aspectRatios));
        resolutions = Collections.unmodifiableSet(new LinkedHashSet<>(resolutions));
        inputTypes = Collections.unmodifiableSet(new LinkedHashSet<>(inputTypes));
        inputSources = Collections.unmodifiableSet(inputSources.isEmpty()
                ? EnumSet.noneOf(MediaSource.Kind.class) : EnumSet.copyOf(inputSources));
        Objects.requireNonNull(inputDuration, "inputDuration");
        Objects.requireNonNull(maxInputBytes, "maxInputBytes");
        Objects.requireNonNull(maxPromptLength, "maxPromptLength");
        Objects.requireNonNull(defaultDuration, "defaultDuration");
        if (maxGenerations < 1) {
            throw new IllegalArgumentException("maxGenerations must be at least 1, got " + maxGenerations);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.durations = new TreeSet<>(durations);
        builder.aspectRatios = new LinkedHashSet<>(aspectRatios);
        builder.resolutions = new LinkedHashSet<>(resolutions);
        builder.audio = audio;
        builder.inputTypes = new LinkedHashSet<>(inputTypes);
        builder.inputSources = inputSources.isEmpty() ? EnumSet.noneOf(MediaSource.Kind.class) : EnumSet.copyOf(inputSources);
        builder.inputDuration = inputDuration;
        builder.maxInputBytes = maxInputBytes;
        builder.maxPromptLength = maxPromptLength;
        builder.defaultDuration = defaultDuration;
        builder.promptRequired = promptRequired;
        builder.maxGenerations = maxGenerations;
        builder.seed = seed;
        return builder;
    }

    /** {@code "1–15 s"} for a contiguous set, {@code "4, 8 or 12 s"} otherwise. */
    public String describeDurations() {
        if (durations.isEmpty()) {
            return "none";
        }
        int first = durations.first();
        int last = durations.last();
        if (durations.size() > 2 && last - first + 1 == durations.size()) {
            return first + "–" + last + " s";
        }
        return joinedOr(durations.stream().map(String::valueOf).collect(Collectors.toList())) + " s";
    }

    static String joinedOr(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** Builds {@link RequestLimits}; everything starts empty (nothing accepted). */
    public static final class Builder {
        private SortedSet<Integer> durations = new TreeSet<>();
        private Set<AspectRatio> aspectRatios = new LinkedHashSet<>();
        private Set<Resolution> resolutions = new LinkedHashSet<>();
        private boolean audio;
        private Set<MediaType> inputTypes = new LinkedHashSet<>();
        private Set<MediaSource.Kind> inputSources = EnumSet.noneOf(MediaSource.Kind.class);
        private Option<DurationRange> inputDuration = Option.none();
        private Option<Long> maxInputBytes = Option.none();
        private Option<Integer> maxPromptLength = Option.none();
        private Option<Integer> defaultDuration = Option.none();
        private boolean promptRequired = true;
        private int maxGenerations = 1;
        private boolean seed;

        private Builder() {
        }

        public Builder durations(int... seconds) {
            durations = new TreeSet<>(Arrays.stream(seconds).boxed().collect(Collectors.toSet()));
            return this;
        }

        public Builder durationsBetween(int minSeconds, int maxSeconds) {
            durations = IntStream.rangeClosed(minSeconds, maxSeconds).boxed().collect(Collectors.toCollection(TreeSet::new));
            return this;
        }

        public Builder aspectRatios(AspectRatio... ratios) {
            aspectRatios = new LinkedHashSet<>(Arrays.asList(ratios));
            return this;
        }

        public Builder resolutions(Resolution... values) {
            resolutions = new LinkedHashSet<>(Arrays.asList(values));
            return this;
        }

        public Builder audio(boolean allowed) {
            audio = allowed;
            return this;
        }

        public Builder inputTypes(MediaType... types) {
            inputTypes = new LinkedHashSet<>(Arrays.asList(types));
            return this;
        }

        public Builder inputSources(MediaSource.Kind... kinds) {
            inputSources = kinds.length == 0 ? EnumSet.noneOf(MediaSource.Kind.class) : EnumSet.copyOf(Arrays.asList(kinds));
            return this;
        }

        public Builder inputDuration(DurationRange range) {
            inputDuration = Option.of(range);
            return this;
        }

        public Builder maxInputBytes(long bytes) {
            maxInputBytes = Option.some(bytes);
            return this;
        }

        public Builder maxPromptLength(int characters) {
            maxPromptLength = Option.some(characters);
            return this;
        }

        /** The length the provider gives when none is asked for, where it documents one. */
        public Builder defaultDuration(int seconds) {
            defaultDuration = Option.some(seconds);
            return this;
        }

        /** Whether a prompt must be given; true unless said otherwise. */
        public Builder promptRequired(boolean required) {
            promptRequired = required;
            return this;
        }

        /** How many videos one submit may ask for; 1 unless said otherwise. */
        public Builder maxGenerations(int count) {
            maxGenerations = count;
            return this;
        }

        /** Whether a seed may be given; false unless said otherwise. */
        public Builder seed(boolean allowed) {
            seed = allowed;
            return this;
        }

        public RequestLimits build() {
            return new RequestLimits(durations, aspectRatios, resolutions, audio, inputTypes, inputSources,
                    inputDuration, maxInputBytes, maxPromptLength, defaultDuration, promptRequired, maxGenerations, seed);
        }
    }
}
