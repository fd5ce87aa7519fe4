/**
 * Opening a result's bytes as a stream: no credential on result URLs, the key only on the API's
 * own content endpoint, bounded size, resumable with {@code Range}, expiry told apart from
 * transient trouble.
 */
package io.imagine4j.http.download;
