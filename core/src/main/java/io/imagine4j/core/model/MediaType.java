package io.imagine4j.core.model;

import io.vavr.control.Option;

/**
 * The media types imagine4j recognises in inputs and results. A type is always determined from
 * the content's magic bytes (see {@link MagicBytes}), never from a file name.
 */
public enum MediaType {
    PNG("image/png", true),
    JPEG("image/jpeg", true),
    WEBP("image/webp", true),
    GIF("image/gif", true),
    MP4("video/mp4", false),
    QUICKTIME("video/quicktime", false),
    WEBM("video/webm", false);

    private final String mime;
    private final boolean image;

    MediaType(String mime, boolean image) {
        this.mime = mime;
        this.image = image;
    }

    /** The MIME type, for example {@code video/mp4}. */
    public String mime() {
        return mime;
    }

    public boolean isImage() {
        return image;
    }

    public boolean isVideo() {
        return !image;
    }

    /** The type with this MIME string (case-insensitive, parameters ignored), if known. */
    public static Option<MediaType> ofMime(String mime) {
        if (mime == null) {
            return Option.none();
        }
        String bare = mime.split(";", 2)[0].trim();
        for (MediaType type : values()) {
            if (type.mime.equalsIgnoreCase(bare)) {
                return Option.some(type);
            }
        }
        return Option.none();
    }
}
