package io.imagine4j.testkit.contract;

import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * The requests the contract sends when the extender does not choose them: for each request kind,
 * one the provider accepts, on the default model when it runs that kind (else the first model that
 * does), with the shortest duration allowed and inputs given in a way the model takes.
 */
final class ContractRequests {

    static final String PROMPT = "A red fox running through fresh snow at dawn (imagine4j contract)";

    private ContractRequests() {
    }

    static Option<VideoRequest> derive(ProviderCapabilities capabilities, RequestKind kind, MediaSource image,
            MediaSource video) {
        Option<ModelCapabilities> model = modelFor(capabilities, kind);
        if (model.isEmpty() || kind == RequestKind.REMIX) {
            return Option.none(); // a remix starts from a result: the remix group makes one first
        }
        RequestLimits limits = model.get().limits(kind).get();
        VideoRequest request;
        switch (kind) {
            case TEXT_TO_VIDEO:
                request = VideoRequest.textToVideo(PROMPT);
                break;
            case IMAGE_TO_VIDEO:
                request = VideoRequest.imageToVideo(PROMPT, acceptable(image, limits));
                break;
            case EDIT:
                request = VideoRequest.edit(PROMPT, acceptable(video, limits));
                break;
            case EXTEND:
                request = VideoRequest.extend(PROMPT, acceptable(video, limits));
                break;
            default:
                throw new IllegalArgumentException("no sample request of kind " + kind);
        }
        VideoOptions options = request.options();
        if (!model.get().model().equals(capabilities.defaultModel())) {
            options = options.withModel(model.get().model());
        }
        if (!limits.durations().isEmpty()) {
            options = options.withDuration(Duration.ofSeconds(limits.durations().first()));
        }
        return Option.some(request.withOptions(options));
    }

    /** The default model when it runs {@code kind}, else the first model that does. */
    static Option<ModelCapabilities> modelFor(ProviderCapabilities capabilities, RequestKind kind) {
        Option<ModelCapabilities> preferred = capabilities.model(Option.none()).filter(m -> m.limits(kind).isDefined());
        if (preferred.isDefined()) {
            return preferred;
        }
        return Option.ofOptional(capabilities.models().values().stream()
                .filter(m -> m.limits(kind).isDefined()).findFirst());
    }

    /** {@code source} given as the model takes inputs: bytes when it may, else a data URI, else a file. */
    static MediaSource acceptable(MediaSource source, RequestLimits limits) {
        if (!(source instanceof MediaSource.Bytes bytes) || limits.inputSources().isEmpty()
                || limits.inputSources().contains(MediaSource.Kind.BYTES)) {
            return source;
        }
        byte[] data = bytes.data();
        if (limits.inputSources().contains(MediaSource.Kind.URL)) {
            String mime = MagicBytes.sniff(data).map(MediaType::mime).getOrElse("application/octet-stream");
            return MediaSource.url("data:" + mime + ";base64," + Base64.getEncoder().encodeToString(data));
        }
        if (limits.inputSources().contains(MediaSource.Kind.FILE)) {
            try {
                Path file = Files.createTempFile("imagine4j-contract-", ".input");
                file.toFile().deleteOnExit();
                Files.write(file, data);
                return MediaSource.file(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a sample input for the contract", e);
            }
        }
        return source;
    }
}
