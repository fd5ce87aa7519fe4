package io.imagine4j.core.port.in;

import io.imagine4j.core.cost.CostEstimate;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Either;

/** Use case: know what a request should cost before submitting it. */
public interface EstimateCost {

    /**
     * The estimated cost of {@code request}: price per second (the adapter's dated prices, overridden
     * by the service's) × seconds × generations; or, on the left, why it cannot be told (the request
     * is invalid, no price is known, or its length is not known before the provider reads its input).
     * Nothing is sent.
     *
     * <pre>{@code
     * jobs.estimate(request).peek(estimate -> System.out.println("about " + estimate.usd() + " USD"));
     * }</pre>
     */
    Either<String, CostEstimate> estimate(VideoRequest request);
}
