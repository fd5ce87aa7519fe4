package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.oxen.wire.GenerationBody;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a checked request into Oxen's generation body: the model, {@code num_generations}, and the
 * model's own parameters ({@code prompt}, {@code input_image} or {@code input_video},
 * {@code duration}, {@code aspect_ratio}, {@code resolution}, {@code generate_audio}, {@code seed})
 * followed by the request's extras. Inputs become URLs through {@link InputUrls}: local content is
 * uploaded there, so the upload happens before the enqueue and a failed upload sends nothing.
 * Extras may not shadow a field imagine4j sets itself.
 */
final class OxenRequests {

    /** Fields Oxen keeps for itself: they are not the model's, so the model's schema does not judge them. */
    static final Set<String> HUB_FIELDS = Set.of("model", "num_generations", "response_format", "target_namespace",
            "target_repo", "target_directory");
    /** Fields imagine4j sets from the request. */
    static final Set<String> SET_FIELDS = Set.of("model", "num_generations", "response_format", "prompt", "input_image",
            "input_video", "duration", "aspect_ratio", "resolution", "generate_audio", "seed");

    private OxenRequests() {
    }

    /** The queue's body for {@code request} (its model named, as a checked request's is). */
    static Either<JobFailure, GenerationBody> body(VideoRequest request, InputUrls urls) {
        VideoOptions options = request.options();
        Integer generations = options.generations().filter(count -> count > 1).getOrNull();
        return parameters(request, urls).map(parameters ->
                new GenerationBody(options.model().get(), generations, null, parameters));
    }

    /** The model's parameters of {@code request}, in the order Oxen documents them, then the extras. */
    static Either<JobFailure, Map<String, Object>> parameters(VideoRequest request, InputUrls urls) {
        VideoOptions options = request.options();
        Set<String> clashes = new TreeSet<>(options.extras().keySet());
        clashes.retainAll(SET_FIELDS);
        if (!clashes.isEmpty()) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "extra_shadows_field", "Provider extras " + clashes
                    + " would overwrite fields imagine4j sets from the request; set them through VideoOptions instead."));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!request.prompt().isBlank()) {
            parameters.put("prompt", request.prompt());
        }
        if (request.input().isDefined()) {
            boolean image = request.kind() == RequestKind.IMAGE_TO_VIDEO;
            Either<JobFailure, String> url = urls.urlOf(request.input().get(), image ? "image" : "video");
            if (url.isLeft()) {
                return Either.left(url.getLeft());
            }
            parameters.put(image ? "input_image" : "input_video", url.get());
        }
        options.duration().map(Duration::getSeconds).forEach(seconds -> parameters.put("duration", seconds));
        options.aspectRatio().forEach(ratio -> parameters.put("aspect_ratio", ratio.toString()));
        options.resolution().forEach(resolution -> parameters.put("resolution", resolution.toString()));
        options.audio().forEach(audio -> parameters.put("generate_audio", audio));
        options.seed().forEach(seed -> parameters.put("seed", seed));
        for (Map.Entry<String, Object> extra : options.extras().entrySet()) {
            if (extra.getKey().equals(OxenExtras.SYNCHRONOUS)) {
                continue; // the adapter's own switch, not a parameter
            }
            Either<JobFailure, Object> value = sendable(extra.getValue(), extra.getKey(), urls);
            if (value.isLeft()) {
                return Either.left(value.getLeft());
            }
            parameters.put(extra.getKey(), value.get());
        }
        return Either.right(parameters);
    }

    /** An extra as it goes on the wire: a media source as its URL (in lists too), anything else as given. */
    private static Either<JobFailure, Object> sendable(Object value, String field, InputUrls urls) {
        if (value instanceof MediaSource source) {
            return urls.urlOf(source, field).map(url -> url);
        }
        if (value instanceof List<?> items && items.stream().anyMatch(MediaSource.class::isInstance)) {
            List<Object> sent = new ArrayList<>(items.size());
            for (Object item : items) {
                Either<JobFailure, Object> one = sendable(item, field, urls);
                if (one.isLeft()) {
                    return one;
                }
                sent.add(one.get());
            }
            return Either.right(sent);
        }
        return Either.right(value);
    }
}
