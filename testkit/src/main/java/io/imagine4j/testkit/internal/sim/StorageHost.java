package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.HttpSimulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a storage bucket answers downloads of public files: the whole file or a byte range, and
 * errors as small XML documents (the S3 / GCS style), never in the API's own error shape.
 *
 * <pre>{@code
 * return StorageHost.serve(exchange.request(), bytes, "video/mp4", etag);   // 200, or 206/416 for a Range
 * }</pre>
 */
public final class StorageHost {

    private StorageHost() {
    }

    /** The file, or the part of it a {@code Range} header asks for. */
    public static Reply.Answer serve(SimRequest request, byte[] content, String contentType, String etag) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept-Ranges", "bytes");
        headers.put("ETag", "\"" + etag + "\"");
        ByteRange.Wanted wanted = ByteRange.parse(request.header("Range"), content.length);
        if (wanted instanceof ByteRange.Part part) {
            ByteRange range = part.range();
            headers.put("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + content.length);
            byte[] slice = Arrays.copyOfRange(content, (int) range.first(), (int) range.last() + 1);
            return new Reply.Answer(206, headers, slice);
        }
        if (wanted instanceof ByteRange.Unsatisfiable) {
            headers.put("Content-Range", "bytes */" + content.length);
            headers.put("Content-Type", "application/xml");
            return new Reply.Answer(416, headers, xml("InvalidRange", "The requested range is not satisfiable"));
        }
        return new Reply.Answer(200, headers, content);
    }

    public static Reply.Answer noSuchKey() {
        return error(404, "NoSuchKey", "The specified key does not exist.");
    }

    /** What a signed URL answers once its time is up. */
    public static Reply.Answer expired() {
        return error(403, "AccessDenied", "Request has expired");
    }

    /** A fault, as the storage host would show it (a {@code Retry-After} date counted from the epoch). */
    public static Reply refusal(Fault fault) {
        return refusal(fault, Instant.EPOCH);
    }

    /** A fault, as the storage host would show it at simulator time {@code now}. */
    public static Reply refusal(Fault fault, Instant now) {
        if (fault instanceof Fault.RateLimited limited) {
            Reply.Answer answer = error(429, "SlowDown", "Please reduce your request rate.");
            return HttpSimulator.retryAfterValue(limited, now).map(value -> answer.withHeader("Retry-After", value))
                    .getOrElse(answer);
        }
        if (fault instanceof Fault.ServerError server) {
            return error(server.status(), server.status() == 503 ? "ServiceUnavailable" : "InternalError",
                    "We encountered an internal error. Please try again.");
        }
        if (fault instanceof Fault.Unauthorized) {
            return error(403, "AccessDenied", "Access denied.");
        }
        if (fault instanceof Fault.BadRequest bad) {
            return error(400, "InvalidArgument", bad.message());
        }
        if (fault instanceof Fault.ExpiredResult) {
            return expired();
        }
        return noSuchKey();
    }

    private static Reply.Answer error(int status, String code, String message) {
        return Reply.bytes(status, "application/xml", xml(code, message));
    }

    private static byte[] xml(String code, String message) {
        String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + escaped
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
    }
}
