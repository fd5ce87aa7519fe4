package io.imagine4j.core.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.vavr.control.Validation;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Checks a request against a provider's capabilities before anything is sent, and reports every
 * problem at once. Local inputs are read here (their magic bytes, size and MP4 duration), so a
 * too-long edit input or a PNG passed as a video never reaches the network.
 *
 * <p>A request that names no model runs on the provider's default model for its kind. The
 * provider's own {@link RequestRule}s run after the limits, and their violations join the list.
 *
 * <pre>{@code
 * Validation<Seq<Violation>, CheckedRequest> checked = CapabilityCheck.check(request, provider.capabilities());
 * CheckedRequest ready = CapabilityCheck.require(request, provider.capabilities()); // or throws
 * }</pre>
 */
public final class CapabilityCheck {

    private CapabilityCheck() {
    }

    /**
     * The request with its model made explicit (the provider's default for its kind when none was
     * named), or every violation found.
     */
    public static Validation<Seq<Violation>, CheckedRequest> check(VideoRequest request, ProviderCapabilities capabilities) {
        Option<String> name = request.options().model().orElse(() -> capabilities.defaultModelFor(request.kind()));
        if (name.isEmpty()) {
            String offered = capabilities.models().values().stream().flatMap(m -> m.supportedKinds().stream()).distinct()
                    .sorted().map(RequestKind::label).collect(Collectors.joining(", "));
            return gather(prompt(request, Option.none(), true), List.of(new Violation("kind", request.kind().label(),
                    "is not offered by any model of " + capabilities.provider(), offered, Violation.Reason.UNSUPPORTED)));
        }
        Option<ModelCapabilities> model = capabilities.model(name);
        if (model.isEmpty()) {
            return gather(prompt(request, Option.none(), true), List.of(new Violation("model", name.get(),
                    "is not a model of " + capabilities.provider(),
                    String.join(", ", capabilities.modelNames()), Violation.Reason.NOT_ALLOWED)));
        }
        ModelCapabilities chosen = model.get();
        VideoRequest explicit = request.with(options -> options.withModel(chosen.model()));
        Option<RequestLimits> limits = chosen.limits(request.kind());
        if (limits.isEmpty()) {
            String allowed = chosen.supportedKinds().stream().map(RequestKind::label).collect(Collectors.joining(", "));
            return gather(prompt(request, Option.none(), true), List.of(new Violation("kind", request.kind().label(),
                    "is not offered by " + capabilities.provider() + " model " + chosen.model(),
                    allowed, Violation.Reason.UNSUPPORTED)));
        }
        RequestLimits rules = limits.get();
        String where = "for " + request.kind().label() + " on " + chosen.model();
        VideoOptions options = request.options();
        Seq<Validation<Seq<Violation>, Object>> checks = List.of(
                prompt(request, rules.maxPromptLength(), rules.promptRequired() || request.input().isEmpty()),
                duration(options.duration(), rules, where),
                choice("aspectRatio", options.aspectRatio(), rules.aspectRatios(), where),
                choice("resolution", options.resolution(), rules.resolutions(), where),
                audio(options.audio(), rules, chosen.model()),
                generations(options.generations(), rules, where),
                seed(options.seed(), rules, where),
                input(request, rules, where),
                providerRules(explicit, rules, capabilities));
        return Validation.sequence(checks).map(ignored -> new CheckedRequest(explicit, rules));
    }

    /**
     * The checked request, or an exception naming every problem:
     * {@link UnsupportedCapabilityException} when something asked for is not offered at all,
     * {@link InvalidRequestException} otherwise.
     */
    public static CheckedRequest require(VideoRequest request, ProviderCapabilities capabilities) {
        Validation<Seq<Violation>, CheckedRequest> checked = check(request, capabilities);
        if (checked.isInvalid()) {
            throw failure(capabilities.provider(), checked.getError());
        }
        return checked.get();
    }

    /** The exception that reports {@code violations}: unsupported when any of them is. */
    public static InvalidRequestException failure(String provider, Seq<Violation> violations) {
        java.util.List<Violation> all = violations.asJava();
        return violations.exists(v -> v.reason() == Violation.Reason.UNSUPPORTED)
                ? new UnsupportedCapabilityException(provider, all)
                : new InvalidRequestException(provider, all);
    }

    private static Validation<Seq<Violation>, CheckedRequest> gather(Validation<Seq<Violation>, Object> prompt,
            Seq<Violation> more) {
        return Validation.invalid(prompt.fold(found -> found.appendAll(more), ignored -> more));
    }

    private static Validation<Seq<Violation>, Object> prompt(VideoRequest request, Option<Integer> maxLength,
            boolean required) {
        String prompt = request.prompt();
        if (prompt.isBlank()) {
            return required ? invalid(new Violation("prompt", prompt.isEmpty() ? "(empty)" : "(only white space)",
                    "is not enough: describe the video you want", "a non-empty text", Violation.Reason.MISSING)) : valid();
        }
        int control = firstControlCharacter(prompt);
        if (control >= 0) {
            return invalid(new Violation("prompt", String.format("U+%04X at position %d", (int) prompt.charAt(control), control),
                    "is a control character", "printable text, line breaks and tabs", Violation.Reason.NOT_ALLOWED));
        }
        if (maxLength.isDefined() && prompt.length() > maxLength.get()) {
            return invalid(new Violation("prompt", prompt.length() + " characters", "is too long",
                    "at most " + maxLength.get() + " characters", Violation.Reason.NOT_ALLOWED));
        }
        return valid();
    }

    private static Validation<Seq<Violation>, Object> duration(Option<Duration> requested, RequestLimits rules, String where) {
        if (requested.isEmpty()) {
            return valid();
        }
        Duration value = requested.get();
        String shown = DurationRange.seconds(value) + " s";
        if (rules.durations().isEmpty()) {
            return invalid(new Violation("duration", shown, "cannot be chosen " + where
                    + "; the result's length follows its input", "", Violation.Reason.UNSUPPORTED));
        }
        boolean whole = value.getNano() == 0;
        if (!whole || value.getSeconds() > Integer.MAX_VALUE || !rules.durations().contains((int) value.getSeconds())) {
            return invalid(new Violation("duration", shown, "is not accepted " + where,
                    rules.describeDurations(), Violation.Reason.NOT_ALLOWED));
        }
        return valid();
    }

    private static Validation<Seq<Violation>, Object> choice(String field, Option<?> requested,
            Collection<?> allowed, String where) {
        if (requested.isEmpty()) {
            return valid();
        }
        String shown = requested.get().toString();
        if (allowed.isEmpty()) {
            return invalid(new Violation(field, shown, "cannot be chosen " + where + "; leave it unset", "",
                    Violation.Reason.UNSUPPORTED));
        }
        if (!allowed.contains(requested.get())) {
            String list = RequestLimits.joinedOr(allowed.stream().map(Object::toString).collect(Collectors.toList()));
            return invalid(new Violation(field, shown, "is not accepted " + where, list, Violation.Reason.NOT_ALLOWED));
        }
        return valid();
    }

    private static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    private static Validation<Seq<Violation>, Object> generations(Option<Integer> requested, RequestLimits rules, String where) {
        if (requested.isEmpty() || requested.get() == 1) {
            return valid();
        }
        int count = requested.get();
        if (count < 1) {
            return invalid(new Violation("generations", String.valueOf(count), "is not a number of videos",
                    "1–" + rules.maxGenerations(), Violation.Reason.NOT_ALLOWED));
        }
        if (rules.maxGenerations() == 1) {
            return invalid(new Violation("generations", String.valueOf(count), "cannot be asked " + where
                    + "; submit the request once per video", "1", Violation.Reason.UNSUPPORTED));
        }
        return count <= rules.maxGenerations() ? valid() : invalid(new Violation("generations", String.valueOf(count),
                "is more than one submit may ask " + where, "1–" + rules.maxGenerations(), Violation.Reason.NOT_ALLOWED));
    }

    private static Validation<Seq<Violation>, Object> seed(Option<Long> requested, RequestLimits rules, String where) {
        return requested.isEmpty() || rules.seed() ? valid() : invalid(new Violation("seed", requested.get().toString(),
                "cannot be chosen " + where + "; leave it unset", "", Violation.Reason.UNSUPPORTED));
    }

    private static Validation<Seq<Violation>, Object> providerRules(VideoRequest request, RequestLimits limits,
            ProviderCapabilities capabilities) {
        Seq<Violation> found = capabilities.rules().flatMap(rule -> Try.of(() -> rule.check(request, limits))
                .getOrElseGet(error -> List.of(new Violation("request", request.kind().label(),
                        "could not be checked by a rule of " + capabilities.provider() + " (" + error.getClass().getSimpleName()
                                + ")", "", Violation.Reason.UNREADABLE))));
        return found.isEmpty() ? valid() : Validation.invalid(found);
    }

    private static Validation<Seq<Violation>, Object> audio(Option<Boolean> requested, RequestLimits rules, String model) {
        if (requested.isEmpty() || rules.audio()) {
            return valid();
        }
        return invalid(new Violation("audio", requested.get().toString(),
                "cannot be switched on " + model + "; leave it unset", "", Violation.Reason.UNSUPPORTED));
    }

    private static Validation<Seq<Violation>, Object> input(VideoRequest request, RequestLimits rules, String where) {
        if (request.input().isEmpty()) {
            return valid();
        }
        MediaSource source = request.input().get();
        String field = request.kind() == RequestKind.IMAGE_TO_VIDEO ? "image" : "video";
        if (source instanceof MediaSource.PreviousResult previous && !previous.isResolved()) {
            // Only the service can look the job up; an adapter given it alone sends the provider's own id.
            return rules.inputSources().contains(MediaSource.Kind.RESULT) ? valid()
                    : invalid(new Violation(field, source.describe(), "cannot be given as " + source.kind().description()
                            + " " + where, sourcesAllowed(rules), Violation.Reason.UNSUPPORTED));
        }
        String shown = source.describe();
        if (!rules.inputSources().isEmpty() && !rules.inputSources().contains(source.kind())) {
            return invalid(new Violation(field, shown, "cannot be given as " + source.kind().description() + " " + where,
                    sourcesAllowed(rules), Violation.Reason.UNSUPPORTED));
        }
        if (source instanceof MediaSource.LocalFile file && !Files.isReadable(file.path())) {
            return invalid(new Violation(field, shown, Files.exists(file.path()) ? "cannot be read" : "does not exist",
                    "a readable local file or a public URL", Violation.Reason.UNREADABLE));
        }
        Try<Option<MediaType>> sniffed = source.mediaType();
        if (sniffed.isFailure()) {
            return invalid(new Violation(field, shown, "cannot be read (" + sniffed.getCause().getMessage() + ")",
                    "a readable local file or a public URL", Violation.Reason.UNREADABLE));
        }
        List<Violation> found = List.empty();
        Option<MediaType> type = sniffed.get();
        String types = RequestLimits.joinedOr(rules.inputTypes().stream().map(MediaType::mime).collect(Collectors.toList()));
        boolean inline = source.kind() != MediaSource.Kind.URL || ((MediaSource.Url) source).isDataUri();
        if (inline || type.isDefined()) {
            if (type.isEmpty()) {
                found = found.append(new Violation(field, shown, "is not in a format imagine4j recognises", types,
                        Violation.Reason.NOT_ALLOWED));
            } else if (!rules.inputTypes().isEmpty() && !rules.inputTypes().contains(type.get())) {
                found = found.append(new Violation(field, shown, "is " + type.get().mime() + ", not accepted " + where,
                        types, Violation.Reason.NOT_ALLOWED));
            }
        }
        Option<Long> size = source.size().getOrElse(Option.none());
        if (rules.maxInputBytes().isDefined() && size.isDefined() && size.get() > rules.maxInputBytes().get()) {
            // Local content travels inside the request; a public URL has no such limit: say so.
            boolean urlInstead = source.kind() != MediaSource.Kind.URL && rules.inputSources().contains(MediaSource.Kind.URL);
            found = found.append(new Violation(field, shown, "is " + size.get() + " bytes, too large to send " + where,
                    "at most " + rules.maxInputBytes().get() + " bytes" + (urlInstead ? ", or a public URL to it" : ""),
                    Violation.Reason.NOT_ALLOWED));
        }
        if (rules.inputDuration().isDefined() && type.exists(MediaType::isVideo)) {
            found = found.appendAll(inputLength(source, field, shown, rules.inputDuration().get(), where));
        }
        return found.isEmpty() ? valid() : Validation.invalid(found);
    }

    private static Option<Violation> inputLength(MediaSource source, String field, String shown, DurationRange range,
            String where) {
        Try<Duration> length;
        if (source instanceof MediaSource.LocalFile file) {
            length = Mp4Header.duration(file.path());
        } else if (source instanceof MediaSource.Bytes bytes) {
            length = Mp4Header.duration(bytes.data());
        } else if (source instanceof MediaSource.Url url && url.isDataUri()) {
            length = url.dataBytes().flatMap(Mp4Header::duration);
        } else if (source instanceof MediaSource.PreviousResult previous && previous.duration().isDefined()) {
            length = Try.success(previous.duration().get()); // what the provider said of its own result
        } else {
            return Option.none(); // a remote video is measured by the provider
        }
        if (length.isFailure()) {
            return Option.some(new Violation(field, shown, "has no readable MP4 duration (" + length.getCause().getMessage() + ")",
                    "an MP4 video of " + range.describe(), Violation.Reason.UNREADABLE));
        }
        if (!range.contains(length.get())) {
            return Option.some(new Violation(field, shown, "is " + DurationRange.seconds(length.get()) + " s long, outside what is accepted " + where,
                    range.describe(), Violation.Reason.NOT_ALLOWED));
        }
        return Option.none();
    }

    private static String sourcesAllowed(RequestLimits rules) {
        return RequestLimits.joinedOr(rules.inputSources().stream().map(MediaSource.Kind::description)
                .collect(Collectors.toList()));
    }

    private static Validation<Seq<Violation>, Object> valid() {
        return Validation.valid(Boolean.TRUE);
    }

    private static Validation<Seq<Violation>, Object> invalid(Violation violation) {
        return Validation.invalid(List.of(violation));
    }
}
