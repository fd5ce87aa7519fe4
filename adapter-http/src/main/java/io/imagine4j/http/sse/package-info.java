/**
 * Server-sent events: a parser and reader per the HTML living standard, and a connection loop that
 * keeps a stream open (auth, liveness, reconnect with backoff) for push-capable providers.
 */
package io.imagine4j.http.sse;
