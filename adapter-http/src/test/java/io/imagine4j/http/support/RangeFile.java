package io.imagine4j.http.support;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves bytes the way result hosts do: whole with 200, or from an offset with 206 when asked by {@code Range}. */
public final class RangeFile {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private RangeFile() {
    }

    /** Deterministic bytes that look like nothing in particular. */
    public static byte[] bytes(int size) {
        byte[] data = new byte[size];
        new Random(42).nextBytes(data);
        return data;
    }

    /** Honours {@code Range: bytes=N-}. */
    public static LoopbackServer.Route serving(byte[] data) {
        return (request, exchange) -> {
            Matcher range = request.header("Range") == null ? null : RANGE.matcher(request.header("Range"));
            if (range != null && range.matches()) {
                int from = Integer.parseInt(range.group(1));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
                send(exchange, 206, data, from, data.length);
            } else {
                send(exchange, 200, data, 0, data.length);
            }
        };
    }

    /** Ignores {@code Range}: always the whole file with 200. */
    public static LoopbackServer.Route ignoringRanges(byte[] data) {
        return (request, exchange) -> send(exchange, 200, data, 0, data.length);
    }

    /** Sends {@code data[from, to)} with a Content-Length. */
    public static void send(HttpExchange exchange, int status, byte[] data, int from, int to) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "video/mp4");
        exchange.sendResponseHeaders(status, to - from);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(data, from, to - from);
        }
    }

    /** Sends {@code data} with no Content-Length (chunked). */
    public static LoopbackServer.Route chunked(byte[] data) {
        return (request, exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(data);
            }
        };
    }

    /** A fixed answer with no body. */
    public static LoopbackServer.Route status(int status, Map<String, String> headers) {
        return (request, exchange) -> LoopbackServer.reply(exchange, status, headers, new byte[0]);
    }
}
