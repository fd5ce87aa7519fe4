package io.imagine4j.testkit.scenario;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong on the wire, one call at a time. Each simulator answers a fault in its own
 * protocol's shape (its error body, its status codes).
 */
public sealed interface Fault {

    /**
     * HTTP 429, with {@code Retry-After} when given: in whole seconds (rounded up), or, when
     * {@code asHttpDate}, as the HTTP date that far from the simulator's clock (rounded up to the
     * second), as some servers and proxies send it.
     */
    record RateLimited(Option<Duration> retryAfter, boolean asHttpDate) implements Fault {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** {@code Retry-After} in seconds, when given. */
        public RateLimited(Option<Duration> retryAfter) {
            this(retryAfter, false);
        }
    }

    /** A 5xx answer ({@code 500}, {@code 502}, {@code 503}…). */
    record ServerError(int status) implements Fault {
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error is 5xx, got " + status);
            }
        }
    }

    /** The connection closes after the request arrived, before any answer. */
    record ConnectionReset() implements Fault {
    }

    /** The answer's headers go out at once and its body after {@code delay}. */
    record SlowBody(Duration delay) implements Fault {
        public SlowBody {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** A 200 whose body is not valid JSON. */
    record MalformedJson() implements Fault {
    }

    /** A pending poll answered with an empty body (xAI answers 202 with no body). */
    record EmptyBody() implements Fault {
    }

    /** The credential is refused, in the provider's own way (xAI: 400 "Incorrect API key"). */
    record Unauthorized() implements Fault {
    }

    /** The call is refused as invalid (HTTP 400 in the provider's error shape), with this message. */
    record BadRequest(String message) implements Fault {
        public BadRequest {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The thing asked for is unknown: 404. */
    record NotFound() implements Fault {
    }

    /** A result URL that no longer serves the video. */
    record ExpiredResult() implements Fault {
    }

    /** An event stream that drops the connection. */
    record StreamDrop() implements Fault {
    }

    /**
     * Nothing at all is sent (no status line, no headers) for {@code delay} of simulator time: what
     * a client's read timeout is for. The request has arrived and been acted on (a submit creates its job).
     */
    record NoAnswer(Duration delay) implements Fault {
        public NoAnswer {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * The answer keeps its status and headers, but its JSON document stops short of its end (its
     * closing characters are missing), with a {@code Content-Length} that matches what is sent.
     */
    record TruncatedJson() implements Fault {
    }

    /** A {@code 200 text/html} page, as a proxy or captive portal answers, instead of the API's answer. */
    record WrongContentType() implements Fault {
    }

    /**
     * The answer, followed by white space up to {@code bytes} in all (still one valid JSON
     * document), sent chunked with no {@code Content-Length} and produced as it is sent: only a limit
     * on what the client reads stops it.
     */
    record OversizedBody(long bytes) implements Fault {
        public OversizedBody {
            if (bytes < 1) {
                throw new IllegalArgumentException("an oversized body has a positive size, got " + bytes);
            }
        }
    }

    /** The answer's {@code status} field says something no provider defines. */
    record UnknownStatus() implements Fault {
    }

    /**
     * The answer's {@code status} field goes back to the provider's first status (queued, pending),
     * progress 0, whatever the job's real state: a status going backwards.
     */
    record StatusBackwards() implements Fault {
    }

    /**
     * A {@code 307} to the same path and query at another origin of this simulator
     * ({@code localhost} for {@code 127.0.0.1} and back). A credential sent on to that URL is
     * recorded in {@code credentialLeaks()}.
     */
    record CrossOriginRedirect() implements Fault {
    }

    /**
     * The answer's status and headers with bytes that follow no format: NUL bytes, invalid UTF-8, a
     * long line with no end. An event stream sends them, then closes.
     */
    record Garbage() implements Fault {
    }
}
