package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.scenario.Call;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * One request a simulator received and how it answered.
 *
 * @param sequence arrival order, from 1
 * @param at       simulator time of arrival
 * @param method   HTTP method
 * @param path     raw path below the simulator's mount
 * @param query    raw query string, empty when none
 * @param headers  the request headers, credentials kept (only {@code toString} redacts them)
 * @param bodySize request body length in bytes
 * @param call     what kind of call it counted as ({@link Call#OTHER} for anything unrouted)
 * @param status   the status answered; empty while unanswered, or when the connection was dropped without one
 */
public record JournalEntry(long sequence, Instant at, String method, String path, String query, HeaderMap headers,
                           int bodySize, Call call, Option<Integer> status) {

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(status, "status");
    }

    JournalEntry answered(int answeredStatus) {
        Option<Integer> recorded = answeredStatus < 0 ? Option.none() : Option.some(answeredStatus);
        return new JournalEntry(sequence, at, method, path, query, headers, bodySize, call, recorded);
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + at + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query)
                + " [" + call + "] -> " + status.map(String::valueOf).getOrElse("no response") + " " + headers;
    }
}
