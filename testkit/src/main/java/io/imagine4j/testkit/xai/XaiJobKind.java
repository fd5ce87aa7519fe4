package io.imagine4j.testkit.xai;

/** The three xAI submit endpoints. */
public enum XaiJobKind {
    /** {@code POST /v1/videos/generations}: text- or image-to-video. */
    GENERATION,
    /** {@code POST /v1/videos/edits}: the result keeps the input's duration. */
    EDIT,
    /** {@code POST /v1/videos/extensions}: the result is the input followed by a new segment. */
    EXTENSION
}
