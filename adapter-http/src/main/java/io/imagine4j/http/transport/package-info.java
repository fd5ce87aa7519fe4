/**
 * The JDK HTTP client underneath everything: how clients are configured, where a redirect may
 * lead, and what an I/O failure says about whether a request reached the server.
 */
package io.imagine4j.http.transport;
