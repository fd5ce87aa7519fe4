package io.imagine4j.http.client;

import feign.Request;
import feign.slf4j.Slf4jLogger;
import io.imagine4j.http.auth.ApiCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feign's SLF4J logger (at DEBUG, under the API interface's name) with credential headers shown as
 * {@code [redacted]}, {@code Set-Cookie} answers left out, and every line cut at
 * {@value #MAX_LINE} characters so an inlined video does not land in the log.
 */
final class RedactingLogger extends Slf4jLogger {

    static final int MAX_LINE = 2_000;
    private static final List<String> REDACTED = List.of("[redacted]");

    private final Logger logger;

    RedactingLogger(Class<?> api) {
        this(LoggerFactory.getLogger(api));
    }

    private RedactingLogger(Logger logger) {
        super(logger);
        this.logger = logger;
    }

    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
        if (!logger.isDebugEnabled()) {
            return; // Feign calls this on every request at BASIC: copy nothing for a line nobody reads
        }
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) ->
                headers.put(name, ApiCredentials.isCredentialHeader(name) ? REDACTED : values));
        super.logRequest(configKey, logLevel, Request.create(request.httpMethod(), request.url(), headers,
                request.body(), request.charset(), request.requestTemplate()));
    }

    @Override
    protected boolean shouldLogResponseHeader(String header) {
        return !"set-cookie".equalsIgnoreCase(header) && !ApiCredentials.isCredentialHeader(header);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (!logger.isDebugEnabled()) {
            return;
        }
        String line = String.format(format, args);
        if (line.length() > MAX_LINE) {
            line = line.substring(0, MAX_LINE) + "… (" + (line.length() - MAX_LINE) + " more characters)";
        }
        super.log(configKey, "%s", line);
    }
}
