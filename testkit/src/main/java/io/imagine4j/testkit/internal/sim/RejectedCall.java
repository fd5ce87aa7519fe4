package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.sim.HttpSimulator;
import io.vavr.control.Option;

/**
 * Thrown by a route handler to refuse a request; the simulator turns it into its provider's error
 * shape ({@link HttpSimulator#error}). Validation code reads naturally with it:
 *
 * <pre>{@code
 * if (duration < 1 || duration > 15) {
 *     throw RejectedCall.badRequest("duration must be between 1 and 15 seconds, got " + duration);
 * }
 * }</pre>
 */
public final class RejectedCall extends RuntimeException {

    private final int status;
    private final Option<String> param;

    /**
     * A refusal with {@code status} and {@code message}.
     *
     * @param status  HTTP status
     * @param message what the error body says
     * @param param   the offending request field, when one is to blame (OpenAI reports it)
     */
    public RejectedCall(int status, String message, Option<String> param) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
    }

    public static RejectedCall badRequest(String message) {
        return new RejectedCall(400, message, Option.none());
    }

    public static RejectedCall badRequest(String param, String message) {
        return new RejectedCall(400, message, Option.some(param));
    }

    public static RejectedCall unprocessable(String param, String message) {
        return new RejectedCall(422, message, Option.some(param));
    }

    public static RejectedCall notFound(String message) {
        return new RejectedCall(404, message, Option.none());
    }

    public int status() {
        return status;
    }

    public Option<String> param() {
        return param;
    }
}
