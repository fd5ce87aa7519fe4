package io.imagine4j.xai;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.EditVideo;
import io.imagine4j.core.model.ExtendVideo;
import io.imagine4j.core.model.ImageToVideo;
import io.imagine4j.core.model.TextToVideo;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.xai.wire.EditBody;
import io.imagine4j.xai.wire.ExtensionBody;
import io.imagine4j.xai.wire.GenerationBody;
import io.imagine4j.xai.wire.MediaUrl;
import io.imagine4j.xai.wire.StartedJob;
import io.imagine4j.xai.wire.XaiApi;
import io.vavr.control.Either;
import io.vavr.control.Try;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a checked request into the xAI call that submits it: the endpoint for its kind and a body
 * with the wire's field names. Local inputs are read and inlined here, before any network call.
 * Provider extras ({@code reference_images}, {@code keyframes}, {@code storage_options}…) pass
 * through, but may not shadow a field imagine4j sets itself.
 */
final class XaiRequests {

    private static final Set<String> GENERATION_FIELDS = Set.of("model", "prompt", "duration", "aspect_ratio",
            "resolution", "image", "user");
    private static final Set<String> EDIT_FIELDS = Set.of("model", "prompt", "video", "user");
    private static final Set<String> EXTENSION_FIELDS = Set.of("model", "prompt", "video", "duration", "user");

    private XaiRequests() {
    }

    static Either<JobFailure, Function<XaiApi, ApiResponse<StartedJob>>> prepare(VideoRequest request) {
        VideoOptions o = request.options();
        String model = o.model().getOrNull();
        String user = o.endUser().getOrNull();
        Integer seconds = o.duration().map(Duration::getSeconds).map(Long::intValue).getOrNull();
        if (request instanceof TextToVideo text) {
            return extras(o, GENERATION_FIELDS).map(extras -> api -> api.generate(new GenerationBody(model, text.prompt(),
                    seconds, o.aspectRatio().map(Object::toString).getOrNull(), o.resolution().map(Object::toString).getOrNull(),
                    null, user, extras)));
        }
        if (request instanceof ImageToVideo image) {
            return extras(o, GENERATION_FIELDS).flatMap(extras -> inline(InlineMedia.urlFor(image.image()), "image")
                    .map(url -> api -> api.generate(new GenerationBody(model, image.prompt(), seconds, null,
                            o.resolution().map(Object::toString).getOrNull(), new MediaUrl(url), user, extras))));
        }
        if (request instanceof EditVideo edit) {
            return extras(o, EDIT_FIELDS).flatMap(extras -> inline(InlineMedia.urlFor(edit.video()), "video")
                    .map(url -> api -> api.edit(new EditBody(model, edit.prompt(), new MediaUrl(url), user, extras))));
        }
        ExtendVideo extend = (ExtendVideo) request;
        return extras(o, EXTENSION_FIELDS).flatMap(extras -> inline(InlineMedia.urlFor(extend.video()), "video")
                .map(url -> api -> api.extend(new ExtensionBody(model, extend.prompt(), new MediaUrl(url), seconds, user,
                        extras))));
    }

    private static Either<JobFailure, Map<String, Object>> extras(VideoOptions options, Set<String> fields) {
        Set<String> clashes = new TreeSet<>(options.extras().keySet());
        clashes.retainAll(fields);
        if (!clashes.isEmpty()) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "extra_shadows_field",
                    "Provider extras " + clashes + " would overwrite fields imagine4j sets from the request;"
                            + " set them through VideoOptions instead."));
        }
        return Either.right(options.extras());
    }

    private static Either<JobFailure, String> inline(Try<String> url, String field) {
        return url.toEither().mapLeft(error -> JobFailure.of(FailureKind.INVALID_REQUEST, "unreadable_input",
                "The " + field + " could not be read to send it inline: " + error.getMessage()
                        + ". Check the file, or give a public URL instead."));
    }
}
