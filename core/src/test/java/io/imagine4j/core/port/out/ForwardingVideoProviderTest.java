package io.imagine4j.core.port.out;

import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Every call of {@link VideoProvider}, optional operations and {@code close()} included, reaches the delegate. */
class ForwardingVideoProviderTest {

    @Test
    void every_call_of_the_port_reaches_the_delegate_and_its_answer_comes_back() throws Exception {
        ForwardingChecks.forwardsEveryCall(VideoProvider.class, delegate -> new ForwardingVideoProvider(delegate) {
        }, Map.of(
                ProviderCapabilities.class, ProviderCapabilities.builder("delegate").model(ModelCapabilities.named("m")
                        .kind(RequestKind.TEXT_TO_VIDEO, RequestLimits.builder().build())).build(),
                String.class, new String("delegate"),
                SubmitOutcome.class, new SubmitOutcome.Refused(JobFailure.of(FailureKind.INVALID_REQUEST, "c", "m")),
                Either.class, Either.right(new Object()),
                Option.class, Option.some(new Object()),
                PriceTable.class, PriceTable.empty()));
    }

    @Test
    void the_base_declares_every_method_of_the_port_itself() {
        ForwardingChecks.declaresEveryMethod(VideoProvider.class, ForwardingVideoProvider.class);
    }
}
