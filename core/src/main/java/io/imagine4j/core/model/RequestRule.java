package io.imagine4j.core.model;

import io.vavr.collection.Seq;

/**
 * A provider's own rule about requests, beyond what {@link RequestLimits} can say: how many
 * reference images combine with keyframes on xAI, whether an input image has the requested pixel
 * size on OpenAI, a model's {@code request_schema} on Oxen. Rules run inside
 * {@link CapabilityCheck}, after the built-in checks, so their violations come in the same list,
 * before anything is stored or sent.
 *
 * <pre>{@code
 * RequestRule noMoreThanSeven = (request, limits) -> images(request).size() <= 7 ? List.empty()
 *         : List.of(new Violation("reference_images", images(request).size() + " images", "are too many",
 *                                 "at most 7", Violation.Reason.NOT_ALLOWED));
 * }</pre>
 */
@FunctionalInterface
public interface RequestRule {

    /**
     * Every violation of this rule by {@code request}, whose model is named and runs its kind
     * within {@code limits}; empty when it keeps the rule. Must not throw.
     */
    Seq<Violation> check(VideoRequest request, RequestLimits limits);
}
