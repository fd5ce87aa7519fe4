package io.imagine4j.core.model;

import java.util.Objects;

/**
 * A request that passed {@link CapabilityCheck}: its model is named, and it keeps every limit and
 * rule of that model for its kind. Only the check makes one, so a provider handed a
 * {@code CheckedRequest} need not check it again: the capability check runs once per submit.
 *
 * <pre>{@code
 * CheckedRequest ready = CapabilityCheck.require(request, provider.capabilities());
 * ready.model();    // "grok-imagine-video", named even when the request left it to the default
 * }</pre>
 */
public final class CheckedRequest {

    private final VideoRequest request;
    private final RequestLimits limits;

    CheckedRequest(VideoRequest request, RequestLimits limits) {
        this.request = Objects.requireNonNull(request, "request");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (request.options().model().isEmpty()) {
            throw new IllegalArgumentException("A checked request names its model");
        }
    }

    /** The request, with its model named. */
    public VideoRequest request() {
        return request;
    }

    /** The model it runs on. */
    public String model() {
        return request.options().model().get();
    }

    public RequestKind kind() {
        return request.kind();
    }

    /** The limits it was checked against: the model's, for its kind. */
    public RequestLimits limits() {
        return limits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckedRequest that && request.equals(that.request) && limits.equals(that.limits);
    }

    @Override
    public int hashCode() {
        return request.hashCode();
    }

    @Override
    public String toString() {
        return "CheckedRequest[" + request.kind().label() + " on " + model() + "]";
    }
}
