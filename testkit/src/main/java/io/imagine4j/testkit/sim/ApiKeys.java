package io.imagine4j.testkit.sim;

import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Which API keys a simulator accepts: any non-empty key (the default, so any client works), or
 * exactly one, for tests of the wrong-key path. The key itself never appears in
 * {@link #toString()}.
 *
 * <pre>{@code
 * ApiKeys keys = ApiKeys.exactly("xai-test-key");
 * keys.check(Option.some("other"));        // WRONG
 * }</pre>
 */
public final class ApiKeys {

    /** What a simulator makes of the credential a request presented. */
    public enum Verdict {
        ACCEPTED,
        /** No credential, or an empty one. */
        MISSING,
        /** A credential other than the expected one. */
        WRONG
    }

    private final Option<byte[]> expected;

    private ApiKeys(Option<byte[]> expected) {
        this.expected = expected;
    }

    public static ApiKeys anyNonEmpty() {
        return new ApiKeys(Option.none());
    }

    public static ApiKeys exactly(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("an expected API key cannot be blank");
        }
        return new ApiKeys(Option.some(key.getBytes(StandardCharsets.UTF_8)));
    }

    public Verdict check(Option<String> presented) {
        if (presented.isEmpty() || presented.get().isBlank()) {
            return Verdict.MISSING;
        }
        if (expected.isEmpty()) {
            return Verdict.ACCEPTED;
        }
        // Constant-time, as a real service compares secrets.
        boolean same = MessageDigest.isEqual(expected.get(), presented.get().getBytes(StandardCharsets.UTF_8));
        return same ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    @Override
    public String toString() {
        return expected.isEmpty() ? "ApiKeys[any non-empty key]" : "ApiKeys[one expected key, redacted]";
    }
}
