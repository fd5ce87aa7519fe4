/**
 * One place to build a Feign client for a provider API: JDK transport, Jackson, no retries,
 * credentials that never leave their origin, redacted logging and Micrometer meters.
 */
package io.imagine4j.http.client;
