package io.imagine4j.core.model;

/**
 * Which file of a finished job to fetch: the video itself, or a preview some providers render
 * beside it (OpenAI's {@code variant=thumbnail|spritesheet}).
 *
 * <pre>{@code
 * jobs.download(video, ContentVariant.THUMBNAIL, Path.of("fox.webp"));
 * }</pre>
 */
public enum ContentVariant {
    /** The generated video. Every provider serves it. */
    VIDEO("video"),
    /** A still image of the video (OpenAI: WebP). */
    THUMBNAIL("thumbnail"),
    /** A grid of frames from the video (OpenAI: JPEG). */
    SPRITESHEET("spritesheet");

    private final String label;

    ContentVariant(String label) {
        this.label = label;
    }

    /** The lower-case name the OpenAI protocol uses, {@code thumbnail}. */
    public String label() {
        return label;
    }
}
