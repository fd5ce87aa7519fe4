package io.imagine4j.testkit.oxen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The Oxen user an API key stands for. Oxen scopes generations, the queue list and the event
 * stream to the user, so the simulator tells users apart by their key; it keeps only a digest of
 * it, never the key itself.
 *
 * <pre>{@code
 * OxenUser user = OxenUser.of("my-api-key");
 * user.namespace();            // "sim-3f0c1a2b": where results go unless target_namespace says otherwise
 * }</pre>
 *
 * @param id        a stable fingerprint of the key (16 hex digits)
 * @param namespace the user's own namespace (Oxen's username), the default {@code target_namespace}
 */
public record OxenUser(String id, String namespace) {

    public OxenUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(namespace, "namespace");
    }

    /** The user whose API key is {@code apiKey}. */
    public static OxenUser of(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        String digest = HexFormat.of().formatHex(sha256(apiKey.getBytes(StandardCharsets.UTF_8)));
        return new OxenUser(digest.substring(0, 16), "sim-" + digest.substring(0, 8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
