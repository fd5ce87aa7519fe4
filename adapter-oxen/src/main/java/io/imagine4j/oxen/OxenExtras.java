package io.imagine4j.oxen;

import io.imagine4j.core.model.VideoOptions;
import io.vavr.control.Option;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Oxen's own per-request options, as typed changes of {@link VideoOptions} (they travel in its
 * {@code extras}, so a stored job keeps them). Any other extra is passed to the model as it is,
 * checked against the model's {@code request_schema} first; a {@code MediaSource} extra is sent as
 * its URL (uploaded first when it is local).
 *
 * <pre>{@code
 * VideoRequest quick = VideoRequest.textToVideo("A fox yawns").with(OxenExtras.synchronous());  // blocks, answers the video
 * VideoRequest kept  = VideoRequest.textToVideo("A fox yawns").with(OxenExtras.target("me", "renders", "foxes"));
 * VideoRequest shots = VideoRequest.textToVideo("A fox").with(o -> o.withExtra("multi_prompt", List.of("wakes", "yawns")));
 * }</pre>
 */
public final class OxenExtras {

    /**
     * The extra that asks for the synchronous {@code POST /ai/videos/generate}: its value is the
     * {@code response_format}, {@code url} or {@code b64_json}. Not sent to the model.
     */
    public static final String SYNCHRONOUS = "imagine4j.oxen.synchronous";
    /** The video comes back as a URL, like the queue's results. */
    public static final String URL = "url";
    /** The video comes back inside the answer, base64; the adapter streams it to a file and never holds it whole. */
    public static final String B64_JSON = "b64_json";

    private OxenExtras() {
    }

    /**
     * Runs the job through the synchronous generate instead of the queue: the submit blocks until
     * the video is made (Oxen documents 1–15 minutes) and the job is accepted already
     * {@code SUCCEEDED}. For short jobs: it holds one of the service's threads meanwhile, makes one
     * video, and has no id Oxen knows (no poll, cancel or list).
     */
    public static UnaryOperator<VideoOptions> synchronous() {
        return options -> options.withExtra(SYNCHRONOUS, URL);
    }

    /**
     * Like {@link #synchronous()}, with the video sent back inside the answer ({@code b64_json}),
     * decoded while it arrives into a file of the provider's results directory; the result's
     * location is that file.
     */
    public static UnaryOperator<VideoOptions> synchronousInline() {
        return options -> options.withExtra(SYNCHRONOUS, B64_JSON);
    }

    /** Where Oxen stores the results: a namespace (billed), and optionally a repository and a directory in it. */
    public static UnaryOperator<VideoOptions> target(String namespace, String repo, String directory) {
        Objects.requireNonNull(namespace, "namespace");
        return options -> {
            VideoOptions next = options.withExtra("target_namespace", namespace);
            next = repo == null ? next : next.withExtra("target_repo", repo);
            return directory == null ? next : next.withExtra("target_directory", directory);
        };
    }

    /** The {@code response_format} a request asks the synchronous generate for; none for the queue. */
    static Option<Object> synchronousFormat(VideoOptions options) {
        return Option.of(options.extras().get(SYNCHRONOUS));
    }
}
