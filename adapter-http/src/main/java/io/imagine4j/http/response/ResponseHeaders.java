package io.imagine4j.http.response;

import io.imagine4j.core.job.RetryAfter;
import io.imagine4j.http.auth.ApiCredentials;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The headers of an answer, looked up without regard to case, with readers for the ones adapters
 * act on: {@code Retry-After}, {@code openai-poll-after-ms}, {@code x-request-id}.
 *
 * <pre>{@code
 * Option<RetryAfter> wait = response.headers().retryAfter(clock.instant());
 * Option<Duration> next = response.headers().pollAfter();
 * }</pre>
 */
public final class ResponseHeaders {

    private static final ResponseHeaders EMPTY = new ResponseHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> values;

    private ResponseHeaders(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static ResponseHeaders of(Map<String, ? extends Collection<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> {
            if (name != null && list != null) { // HTTP/1.1 status lines show up under a null name in some clients
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list);
            }
        });
        copy.replaceAll((name, list) -> List.copyOf(list));
        return new ResponseHeaders(copy);
    }

    public static ResponseHeaders empty() {
        return EMPTY;
    }

    /** The first value of {@code name}. */
    public Option<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Option.none() : Option.some(list.get(0));
    }

    /** Every value of {@code name}, in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** {@code Retry-After}, as delay-seconds or an HTTP date, as a wait from {@code now}. */
    public Option<RetryAfter> retryAfter(Instant now) {
        return first("Retry-After").flatMap(value -> RetryAfter.parse(value, now));
    }

    /** OpenAI's {@code openai-poll-after-ms} hint for the next poll. */
    public Option<Duration> pollAfter() {
        return first("openai-poll-after-ms").flatMap(value -> {
            try {
                long millis = Long.parseLong(value.strip());
                return millis < 0 ? Option.none() : Option.some(Duration.ofMillis(millis));
            } catch (NumberFormatException unreadable) {
                return Option.none();
            }
        });
    }

    /** The provider's id for this exchange ({@code x-request-id}, or {@code request-id}), for support requests. */
    public Option<String> requestId() {
        return first("x-request-id").orElse(() -> first("request-id"));
    }

    /** {@code Content-Length}, when present and readable. */
    public Option<Long> contentLength() {
        return first("Content-Length").flatMap(value -> {
            try {
                long length = Long.parseLong(value.strip());
                return length < 0 ? Option.none() : Option.some(length);
            } catch (NumberFormatException unreadable) {
                return Option.none();
            }
        });
    }

    /** Names and values, with credential and cookie headers redacted. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        values.forEach((name, list) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            boolean secret = ApiCredentials.isCredentialHeader(name) || name.equalsIgnoreCase("set-cookie");
            text.append(name).append('=').append(secret ? "[redacted]" : String.join(",", list));
        });
        return text.append('}').toString();
    }
}
