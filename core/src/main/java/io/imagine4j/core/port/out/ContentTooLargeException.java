package io.imagine4j.core.port.out;

import java.io.IOException;

/**
 * Thrown by a {@link VideoContent} body that stops delivering because the result exceeds a size
 * limit. Unlike other read errors it is final: resuming would only hit the limit again. Adapters
 * that refuse a result before reading it answer a failure with code {@link #CODE} instead.
 */
public class ContentTooLargeException extends IOException {

    /** The failure code of a result refused for its size. */
    public static final String CODE = "too_large";

    public ContentTooLargeException(String message) {
        super(message);
    }
}
