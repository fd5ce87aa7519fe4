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
 * <pre>{@code
 * Validation<Seq<Violation>, VideoRequest> checked = CapabilityCheck.check(request, provider.capabilities());
 * VideoRequest ready = CapabilityCheck.require(request, provider.capabilities()); // or throws
 * }</pre>
 */
public final class CapabilityCheck {

    private CapabilityCheck() {
    }

    /**
     * The request with its model made explicit (the provider's default when none was named), or
     * every violation found.
     */
    public static Validation<Seq<Violation>, VideoRequest> check(VideoRequest request, ProviderCapabilities capabilities) {
        Option<ModelCapabilities> model = capabilities.model(request.options().model());
        if (model.isEmpty()) {
            String name = request.options().model().getOrElse(capabilities.defaultModel());
            return gather(request, prompt(request, Option.none()), List.of(new Violation("model", name,
                    "is not a model of " + capabilities.provider(),
                    String.join(", ", capabilities.models().keySet()), Violation.Reason.NOT_ALLOWED)));
        }
        ModelCapabilities chosen = model.get();
        VideoRequest explicit = request.with(options -> options.withModel(chosen.model()));
        Option<RequestLimits> limits = chosen.limits(request.kind());
        if (limits.isEmpty()) {
            String allowed = chosen.supportedKinds().stream().map(RequestKind::label).collect(Collectors.joining(", "));
            return gather(explicit, prompt(request, Option.none()), List.of(new Violation("kind", request.kind().label(),
                    "is not offered by " + capabilities.provider() + " model " + chosen.model(),
                    allowed, Violation.Reason.UNSUPPORTED)));
        }
        RequestLimits rules = limits.get();
        String where = "for " + request.kind().label() + " on " + chosen.model();
        Seq<Validation<Seq<Violation>, Object>> checks = List.of(
                prompt(request, rules.maxPromptLength()),
                duration(request.options().duration(), rules, where),
                choice("aspectRatio", request.options().aspectRatio(), rules.aspectRatios(), where),
                choice("resolution", request.options().resolution(), rules.resolutions(), where),
                audio(request.options().audio(), rules, chosen.model()),
                input(request, rules, where));
        return Validation.sequence(checks).map(ignored -> explicit);
    }

    /**
     * The checked request, or an exception naming every problem:
     * {@link UnsupportedCapabilityException} when something asked for is not offered at all,
     * {@link InvalidRequestException} otherwise.
     */
    public static VideoRequest require(VideoRequest request, ProviderCapabilities capabilities) {
        Validation<Seq<Violation>, VideoRequest> checked = check(request, capabilities);
        if (checked.isValid()) {
            return checked.get();
        }
        Seq<Violation> violations = checked.getError();
        java.util.List<Violation> all = violations.asJava();
        throw violations.exists(v -> v.reason() == Violation.Reason.UNSUPPORTED)
                ? new UnsupportedCapabilityException(capabilities.provider(), all)
                : new InvalidRequestException(capabilities.provider(), all);
    }

    private static Validation<Seq<Violation>, VideoRequest> gather(VideoRequest request,
            Validation<Seq<Violation>, Object> prompt, Seq<Violation> more) {
        Seq<Violation> all = prompt.isInvalid() ? prompt.getError().appendAll(more) : more;
        return Validation.invalid(all);
    }

    private static Validation<Seq<Violation>, Object> prompt(VideoRequest request, Option<Integer> maxLength) {
        String prompt = request.prompt();
        if (prompt.isBlank()) {
            return invalid(new Violation("prompt", "(empty)", "is not enough: describe the video you want",
                    "a non-empty text", Violation.Reason.MISSING));
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
            return invalid(new Violation(field, shown, "cannot be chosen " + where, "", Violation.Reason.UNSUPPORTED));
        }
        if (!allowed.contains(requested.get())) {
            String list = RequestLimits.joinedOr(allowed.stream().map(Object::toString).collect(Collectors.toList()));
            return invalid(new Violation(field, shown, "is not accepted " + where, list, Violation.Reason.NOT_ALLOWED));
        }
        return valid();
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
        String shown = source.describe();
        if (!rules.inputSources().isEmpty() && !rules.inputSources().contains(source.kind())) {
            String allowed = RequestLimits.joinedOr(rules.inputSources().stream()
                    .map(MediaSource.Kind::description).collect(Collectors.toList()));
            return invalid(new Violation(field, shown, "cannot be given as " + source.kind().description() + " " + where,
                    allowed, Violation.Reason.UNSUPPORTED));
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
        if (source.kind() != MediaSource.Kind.URL || type.isDefined()) {
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

    private static Validation<Seq<Violation>, Object> valid() {
        return Validation.valid(Boolean.TRUE);
    }

    private static Validation<Seq<Violation>, Object> invalid(Violation violation) {
        return Validation.invalid(List.of(violation));
    }
}
