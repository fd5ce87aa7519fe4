package io.imagine4j.reliability.corpus;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.xai.XaiOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The invalid requests, provider by provider: every field, every kind, every media source, at and
 * beyond their bounds. Each must be refused before anything is sent, naming its field and value.
 */
final class Corpus {

    static final String XAI = "xai";
    static final String OPENAI = "openai";
    static final String OXEN = "oxen";

    private static final String FOX = "A red fox crossing a snowy field";

    private Corpus() {
    }

    static List<BadInput> all() {
        List<BadInput> all = new ArrayList<>();
        common(all, XAI, (d, prompt) -> VideoRequest.textToVideo(prompt).with(o -> o.withDurationSeconds(2)));
        common(all, OPENAI, (d, prompt) -> VideoRequest.textToVideo(prompt));
        common(all, OXEN, (d, prompt) -> VideoRequest.textToVideo(prompt)
                .with(o -> o.withModel("xai-grok-imagine-video").withDurationSeconds(2)));
        xai(all);
        openAi(all);
        oxen(all);
        return Collections.unmodifiableList(all);
    }

    /** What every provider refuses alike: prompts, URLs, numbers out of any range. */
    private static void common(List<BadInput> all, String provider, BiFunction<Desk, String, VideoRequest> valid) {
        all.add(new BadInput(provider, "an empty prompt", d -> valid.apply(d, ""), "prompt", "(empty)"));
        all.add(new BadInput(provider, "a prompt of white space", d -> valid.apply(d, " \n\t "), "prompt", "white space"));
        all.add(new BadInput(provider, "a prompt with a control character", d -> valid.apply(d, "A fox\u0007 barks"),
                "prompt", "U+0007"));
        all.add(new BadInput(provider, "a prompt with a NUL", d -> valid.apply(d, "\u0000"), "prompt", "U+0000"));
        all.add(new BadInput(provider, "a model no one has", d -> valid.apply(d, FOX).with(o -> o.withModel("no-such-model-9")),
                "model", "no-such-model-9"));
        all.add(new BadInput(provider, "a duration of zero", d -> valid.apply(d, FOX).with(o -> o.withDuration(Duration.ZERO)),
                "duration", "0 s"));
        all.add(new BadInput(provider, "a negative duration", d -> valid.apply(d, FOX).with(o -> o.withDuration(Duration.ofSeconds(-4))),
                "duration", "-4"));
        all.add(new BadInput(provider, "a duration of a year", d -> valid.apply(d, FOX).with(o -> o.withDuration(Duration.ofDays(365))),
                "duration", "31536000 s"));
        all.add(new BadInput(provider, "a fractional duration", d -> valid.apply(d, FOX).with(o -> o.withDuration(Duration.ofMillis(4500))),
                "duration", "4.5 s"));
        all.add(new BadInput(provider, "zero generations", d -> valid.apply(d, FOX).with(o -> o.withGenerations(0)), "generations", "0"));
        all.add(new BadInput(provider, "an image-to-video from a file: URL",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("file:/etc/passwd")), "image", "file:/etc/passwd"));
        all.add(new BadInput(provider, "an image-to-video from a jar: URL",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("jar:file:/app.jar!/fox.png")), "image", "jar:file:/app.jar"));
        all.add(new BadInput(provider, "an image-to-video from an ftp: URL",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("ftp://files.example.com/fox.png")), "image", "ftp://"));
        all.add(new BadInput(provider, "an image-to-video from a URL with no host",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("https:fox.png")), "image", "https:fox.png"));
        all.add(new BadInput(provider, "an image-to-video from a malformed URL",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("https://images.example.com/a fox.png")), "image", "a fox.png"));
        all.add(new BadInput(provider, "an image-to-video from a data: URI that is not base64",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("data:image/png,not-base64-at-all")), "image", "data:image/png"));
        all.add(new BadInput(provider, "an image-to-video from a data: URI with broken base64",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("data:image/png;base64,@@@not*base64")), "image", "data:image/png"));
        all.add(new BadInput(provider, "an image-to-video from a data: URI holding text",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.url("data:text/plain;base64,aGVsbG8=")), "image", "text/plain"));
        all.add(new BadInput(provider, "an image-to-video from a missing file",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.file(d.files.missing("fox.png"))), "image", "fox.png"));
        all.add(new BadInput(provider, "an image-to-video from a directory",
                d -> VideoRequest.imageToVideo(FOX, MediaSource.file(d.files.folder("frames"))), "image", "frames"));
        all.add(new BadInput(provider, "a budget overrun", d -> valid.apply(d, FOX), "budget", "estimated"));
    }

    private static void xai(List<BadInput> all) {
        Function<Desk, VideoRequest> fox = d -> VideoRequest.textToVideo(FOX);
        all.add(new BadInput(XAI, "a duration above 15 s", d -> fox.apply(d).with(o -> o.withDurationSeconds(16)), "duration", "16 s"));
        all.add(new BadInput(XAI, "1080p on grok-imagine-video", d -> fox.apply(d).with(o -> o.withResolution(Resolution.P1080)),
                "resolution", "1080p"));
        all.add(new BadInput(XAI, "a resolution xAI does not name", d -> fox.apply(d).with(o -> o.withResolution(Resolution.AUTO)),
                "resolution", "auto"));
        all.add(new BadInput(XAI, "two generations", d -> fox.apply(d).with(o -> o.withGenerations(2)), "generations", "2"));
        all.add(new BadInput(XAI, "a seed", d -> fox.apply(d).with(o -> o.withSeed(42)), "seed", "42"));
        all.add(new BadInput(XAI, "an aspect ratio on image-to-video", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.file(d.files.png("frame.png", 64, 64))).with(o -> o.withAspectRatio(AspectRatio.SQUARE)),
                "aspectRatio", "1:1"));
        all.add(new BadInput(XAI, "an image-to-video from an MP4", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.file(d.files.mp4("clip-as-image.mp4", 2))), "image", "video/mp4"));
        all.add(new BadInput(XAI, "an image-to-video from a GIF", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.file(d.files.gif("fox.gif"))), "image", "fox.gif"));
        all.add(new BadInput(XAI, "an image over the inline cap", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.file(d.files.largePng("huge.png", 80 * 1024))), "image", "81920 bytes"));
        all.add(new BadInput(XAI, "an edit of a PNG named .mp4", d -> VideoRequest.edit(FOX,
                MediaSource.file(d.files.png("clip.mp4", 64, 64))), "video", "image/png"));
        all.add(new BadInput(XAI, "an edit of a truncated MP4", d -> VideoRequest.edit(FOX,
                MediaSource.file(d.files.truncatedMp4("cut.mp4"))), "video", "cut.mp4"));
        all.add(new BadInput(XAI, "an edit of a 10 s video (8.7 s at most)", d -> VideoRequest.edit(FOX,
                MediaSource.file(d.files.mp4("ten.mp4", 10))), "video", "10"));
        all.add(new BadInput(XAI, "an edit with a duration", d -> VideoRequest.edit(FOX,
                MediaSource.file(d.files.mp4("four.mp4", 4))).with(o -> o.withDurationSeconds(4)), "duration", "4 s"));
        all.add(new BadInput(XAI, "an edit with an aspect ratio", d -> VideoRequest.edit(FOX,
                MediaSource.file(d.files.mp4("four-b.mp4", 4))).with(o -> o.withAspectRatio(AspectRatio.SQUARE)), "aspectRatio", "1:1"));
        all.add(new BadInput(XAI, "an edit of a missing file", d -> VideoRequest.edit(FOX,
                MediaSource.file(d.files.missing("gone.mp4"))), "video", "gone.mp4"));
        all.add(new BadInput(XAI, "an edit of in-memory bytes that are no video", d -> VideoRequest.edit(FOX,
                MediaSource.bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})), "video", "12 bytes"));
        all.add(new BadInput(XAI, "an edit with an empty prompt", d -> VideoRequest.edit("",
                MediaSource.file(d.files.mp4("four-c.mp4", 4))), "prompt", "(empty)"));
        all.add(new BadInput(XAI, "an extension of a 1 s video (2–15 s)", d -> VideoRequest.extend(FOX,
                MediaSource.file(d.files.mp4("one.mp4", 1))), "video", "1"));
        all.add(new BadInput(XAI, "an extension of a 16 s video", d -> VideoRequest.extend(FOX,
                MediaSource.file(d.files.mp4("sixteen.mp4", 16))), "video", "16"));
        all.add(new BadInput(XAI, "an extension by 11 s (2–10 s)", d -> VideoRequest.extend(FOX,
                MediaSource.file(d.files.mp4("five.mp4", 5))).with(o -> o.withDurationSeconds(11)), "duration", "11 s"));
        all.add(new BadInput(XAI, "an extension by 1 s", d -> VideoRequest.extend(FOX,
                MediaSource.file(d.files.mp4("five-b.mp4", 5))).with(o -> o.withDurationSeconds(1)), "duration", "1 s"));
        all.add(new BadInput(XAI, "eight reference images (7 at most)", d -> fox.apply(d).with(XaiOptions.referenceImages(
                IntStream.range(0, 8).mapToObj(i -> MediaSource.url("https://images.example.com/ref-" + i + ".png"))
                        .toList())), "reference_images", "8"));
        all.add(new BadInput(XAI, "five keyframes (4 at most)", d -> {
            VideoRequest request = VideoRequest.imageToVideo(FOX, MediaSource.url("https://images.example.com/first.png"))
                    .with(o -> o.withDurationSeconds(10));
            for (int second = 1; second <= 5; second++) {
                request = request.with(XaiOptions.keyframe(Duration.ofSeconds(second),
                        MediaSource.url("https://images.example.com/key-" + second + ".png")));
            }
            return request;
        }, "keyframes", "5"));
        all.add(new BadInput(XAI, "a remix (xAI has none)", d -> VideoRequest.remix(FOX, Desk.foreignResult()), "kind", "remix"));
    }

    private static void openAi(List<BadInput> all) {
        Function<Desk, VideoRequest> fox = d -> VideoRequest.textToVideo(FOX);
        all.add(new BadInput(OPENAI, "a prompt beyond 32,000 characters", d -> VideoRequest.textToVideo("a".repeat(32_001)),
                "prompt", "32001 characters"));
        all.add(new BadInput(OPENAI, "5 s (4, 8 or 12)", d -> fox.apply(d).with(o -> o.withDurationSeconds(5)), "duration", "5 s"));
        all.add(new BadInput(OPENAI, "16 s on a generation", d -> fox.apply(d).with(o -> o.withDurationSeconds(16)), "duration", "16 s"));
        all.add(new BadInput(OPENAI, "a square video", d -> fox.apply(d).with(o -> o.withAspectRatio(AspectRatio.SQUARE)),
                "aspectRatio", "1:1"));
        all.add(new BadInput(OPENAI, "1080p", d -> fox.apply(d).with(o -> o.withResolution(Resolution.P1080)), "resolution", "1080p"));
        all.add(new BadInput(OPENAI, "two generations", d -> fox.apply(d).with(o -> o.withGenerations(2)), "generations", "2"));
        all.add(new BadInput(OPENAI, "a seed", d -> fox.apply(d).with(o -> o.withSeed(7)), "seed", "7"));
        all.add(new BadInput(OPENAI, "an input image of the wrong size", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.file(d.files.png("small.png", 64, 64))), "image", "64x64"));
        all.add(new BadInput(OPENAI, "an input image that is a GIF", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.file(d.files.gif("fox-openai.gif"))), "image", "fox-openai.gif"));
        all.add(new BadInput(OPENAI, "an edit of a video by URL (uploads only)", d -> VideoRequest.edit(FOX,
                MediaSource.url("https://videos.example.com/clip.mp4")), "video", "https://videos.example.com/clip.mp4"));
        all.add(new BadInput(OPENAI, "an edit of a PNG named .mp4", d -> VideoRequest.edit(FOX,
                MediaSource.file(d.files.png("openai-clip.mp4", 64, 64))), "video", "image/png"));
        all.add(new BadInput(OPENAI, "an extension by 6 s (4–20 s, steps of 4)", d -> VideoRequest.extend(FOX,
                MediaSource.file(d.files.mp4("openai-four.mp4", 4))).with(o -> o.withDurationSeconds(6)), "duration", "6 s"));
        all.add(new BadInput(OPENAI, "a remix of a job still running", d -> {
            try {
                return VideoRequest.remix(FOX, d.runningJob(VideoRequest.textToVideo(FOX)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "video", "not ready"));
        all.add(new BadInput(OPENAI, "a remix of another provider's result", d -> VideoRequest.remix(FOX, Desk.foreignResult()),
                "video", "xai"));
    }

    private static void oxen(List<BadInput> all) {
        Function<Desk, VideoRequest> image = d -> VideoRequest.imageToVideo(FOX,
                MediaSource.url("https://images.example.com/fox.png"));
        Function<Desk, VideoRequest> kling = d -> VideoRequest.textToVideo(FOX)
                .with(o -> o.withModel("kling-video-v2-6-pro-text-to-video"));
        all.add(new BadInput(OXEN, "text-to-video on the image-to-video model", d -> VideoRequest.textToVideo(FOX)
                .with(o -> o.withModel("xai-grok-imagine-video-image-to-video")), "kind", "text-to-video"));
        all.add(new BadInput(OXEN, "20 s on image-to-video (1–15 s)", d -> image.apply(d).with(o -> o.withDurationSeconds(20)),
                "duration", "20 s"));
        all.add(new BadInput(OXEN, "1080p on image-to-video", d -> image.apply(d).with(o -> o.withResolution(Resolution.P1080)),
                "resolution", "1080p"));
        all.add(new BadInput(OXEN, "13 generations (12 at most)", d -> image.apply(d).with(o -> o.withGenerations(13)),
                "generations", "13"));
        all.add(new BadInput(OXEN, "a local image without an upload repository", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.file(d.files.png("oxen-frame.png", 64, 64))), "image", "oxen-frame.png"));
        all.add(new BadInput(OXEN, "image bytes without an upload repository", d -> VideoRequest.imageToVideo(FOX,
                MediaSource.bytes(Fixtures.png(8, 8))), "image", "bytes"));
        all.add(new BadInput(OXEN, "an edit with a duration", d -> VideoRequest.edit(FOX,
                MediaSource.url("https://videos.example.com/clip.mp4")).with(o -> o.withDurationSeconds(4)), "duration", "4 s"));
        all.add(new BadInput(OXEN, "an edit of a data: URI holding a PNG", d -> VideoRequest.edit(FOX,
                MediaSource.url("data:image/png;base64,iVBORw0KGgo=")), "video", "image/png"));
        all.add(new BadInput(OXEN, "16 s on xai-grok-imagine-video (its schema: 1–15)", d -> VideoRequest.textToVideo(FOX)
                .with(o -> o.withModel("xai-grok-imagine-video").withDurationSeconds(16)), "duration", "16"));
        all.add(new BadInput(OXEN, "7 s on kling (5 or 10)", d -> kling.apply(d).with(o -> o.withDurationSeconds(7)), "duration", "7"));
        all.add(new BadInput(OXEN, "4:3 on kling (16:9, 9:16, 1:1)", d -> kling.apply(d).with(o -> o.withAspectRatio(AspectRatio.LANDSCAPE_4_3)),
                "aspectRatio", "4:3"));
        all.add(new BadInput(OXEN, "1080p on xai-grok-imagine-video (480p, 720p)", d -> VideoRequest.textToVideo(FOX)
                .with(o -> o.withModel("xai-grok-imagine-video").withResolution(Resolution.P1080)), "resolution", "1080p"));
    }
}
