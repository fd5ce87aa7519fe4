package io.imagine4j.benchmarks.load;

import java.util.HashMap;
import java.util.Map;

/**
 * What the backend received during a phase, by kind of call.
 *
 * @param submits   job submits ({@code POST /videos/generations})
 * @param polls     status polls ({@code GET /videos/{id}})
 * @param downloads result downloads
 * @param other     anything else
 * @param errors    calls answered with 4xx/5xx or not answered at all
 * @param leaks     calls that carried a credential to a result URL
 */
public record CallCounts(long submits, long polls, long downloads, long other, long errors, long leaks) {

    /** Reads {@code counts submit=1 poll=4 content=0 other=0 errors=0 leaks=0}. */
    static CallCounts parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 0 || !words[0].equals("counts")) {
            throw new IllegalStateException("the simulator answered '" + line + "' where counts were expected");
        }
        Map<String, Long> values = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] pair = words[i].split("=", 2);
            values.put(pair[0], Long.parseLong(pair[1]));
        }
        return new CallCounts(values.getOrDefault("submit", 0L), values.getOrDefault("poll", 0L),
                values.getOrDefault("content", 0L), values.getOrDefault("other", 0L),
                values.getOrDefault("errors", 0L), values.getOrDefault("leaks", 0L));
    }

    /** All calls the backend received. */
    public long total() {
        return submits + polls + downloads + other;
    }
}
