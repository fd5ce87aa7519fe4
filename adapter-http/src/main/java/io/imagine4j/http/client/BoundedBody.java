package io.imagine4j.http.client;

import feign.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an API answer's body whole, refusing one above a limit: API bodies are small JSON, videos
 * are not. A body of known length (the JDK client's, always) is read straight into an array of that
 * size: no chunk buffer, no growing copy, no final copy.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(Response response, int maxBytes) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new byte[0];
        }
        if (body.length() != null && body.length() > maxBytes) {
            throw tooLarge(body.length(), maxBytes);
        }
        try (InputStream in = body.asInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (body.length() != null) {
                // The declared length is a size hint, not a promise (a gzip answer declares its compressed size).
                byte[] whole = new byte[body.length()];
                int read = in.readNBytes(whole, 0, whole.length);
                int next = in.read();
                if (next < 0) {
                    return read == whole.length ? whole : Arrays.copyOf(whole, read);
                }
                out.write(whole, 0, read);
                out.write(next);
            }
            byte[] chunk = new byte[8192];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                out.write(chunk, 0, read);
                if (out.size() > maxBytes) {
                    throw tooLarge(out.size(), maxBytes);
                }
            }
            return out.toByteArray();
        }
    }

    private static IOException tooLarge(long size, int maxBytes) {
        return new ResponseTooLargeException("the answer's body is larger than " + maxBytes + " bytes (at least " + size
                + "); raise ApiClients.Builder.maxResponseBytes if that is expected");
    }
}
