package io.imagine4j.testkit.sim;

import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Request headers as they arrived, looked up without regard to case. Values are kept verbatim,
 * credentials included, so tests can assert where a key was (or was not) sent; only
 * {@link #toString()} redacts them.
 */
public final class HeaderMap {

    /** Headers that carry a credential in one provider's style or another. */
    public static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "api-key", "x-api-key");

    private final Map<String, List<String>> values;

    public HeaderMap(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> copy.merge(name, List.copyOf(list), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        this.values = Collections.unmodifiableMap(copy);
    }

    public Option<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Option.none() : Option.some(list.get(0));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every header, names case-insensitive; credentials unredacted. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** Whether any header carries a credential ({@link #CREDENTIAL_HEADERS}). */
    public boolean carriesCredential() {
        return values.keySet().stream().anyMatch(name -> CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        values.forEach((name, list) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            boolean secret = CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
            out.append(name).append('=').append(secret ? "[redacted]" : list);
        });
        return out.append('}').toString();
    }
}
