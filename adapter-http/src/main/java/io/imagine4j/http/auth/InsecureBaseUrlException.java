package io.imagine4j.http.auth;

import io.imagine4j.core.model.Imagine4jException;

/**
 * An API base URL that would carry the API key in clear text: plain {@code http} to a host that is
 * not a loopback address (or a URL that is not http at all).
 *
 * <pre>{@code
 * ApiOrigin.ofBaseUrl(URI.create("http://api.example.com/v1"));  // throws: use https
 * ApiOrigin.ofBaseUrl(URI.create("http://127.0.0.1:8080/v1"));   // fine: a local simulator
 * }</pre>
 */
public class InsecureBaseUrlException extends Imagine4jException {

    public InsecureBaseUrlException(String message) {
        super(message);
    }
}
