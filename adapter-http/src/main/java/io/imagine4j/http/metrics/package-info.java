/** Micrometer meters for jobs, recorded from the core's job events. */
package io.imagine4j.http.metrics;
