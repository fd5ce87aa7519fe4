/**
 * From an HTTP status, headers and an error body of any of the three providers' shapes to the
 * core's typed {@code JobFailure}.
 */
package io.imagine4j.http.error;
