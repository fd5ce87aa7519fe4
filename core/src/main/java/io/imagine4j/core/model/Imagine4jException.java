package io.imagine4j.core.model;

/**
 * The root of every exception imagine4j throws. Messages are sentences a user can act on and
 * never contain a secret.
 */
public class Imagine4jException extends RuntimeException {

    public Imagine4jException(String message) {
        super(message);
    }

    public Imagine4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
