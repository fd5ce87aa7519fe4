package io.imagine4j.core.port.out;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every call of {@link JobStore} reaches the delegate, and its answer comes back unchanged. */
class ForwardingJobStoreTest {

    @Test
    void every_call_of_the_port_reaches_the_delegate_and_its_answer_comes_back() throws Exception {
        ForwardingChecks.forwardsEveryCall(JobStore.class, delegate -> new ForwardingJobStore(delegate) {
        }, Map.of(
                Option.class, Option.some(new Object()),
                List.class, new ArrayList<>(),
                Set.class, new HashSet<>(),
                int.class, 7_001));
    }

    @Test
    void the_base_declares_every_method_of_the_port_itself() {
        ForwardingChecks.declaresEveryMethod(JobStore.class, ForwardingJobStore.class);
    }
}
