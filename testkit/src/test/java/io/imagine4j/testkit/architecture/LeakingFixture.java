package io.imagine4j.testkit.architecture;

import io.imagine4j.testkit.internal.sim.Reply;

import java.util.List;

/** A public class that shows internal types, so the rule's test can see it fail. */
public final class LeakingFixture {

    public Reply reply() {
        return Reply.empty(204);
    }

    public List<Reply> replies() {
        return List.of(reply());
    }
}
