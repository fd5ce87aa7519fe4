package io.imagine4j.core.model;

/** The kinds of video job a backend can run. */
public enum RequestKind {
    TEXT_TO_VIDEO("text-to-video"),
    IMAGE_TO_VIDEO("image-to-video"),
    EDIT("edit"),
    EXTEND("extend"),
    /** A finished video made again with a changed prompt, by the provider that made it. */
    REMIX("remix");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    /** A short lower-case label, stable enough for metric tags and logs ({@code "edit"}). */
    public String label() {
        return label;
    }
}
