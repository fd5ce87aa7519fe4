package io.imagine4j.testkit.scenario;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong on the wire, one call at a time. Each simulator answers a fault in its own
 * protocol's shape (its error body, its status codes).
 */
public sealed interface Fault {

    /** HTTP 429, with {@code Retry-After} in seconds when given. */
    record RateLimited(Option<Duration> retryAfter) implements Fault {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
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
}
