package io.imagine4j.testkit.contract;

import io.imagine4j.core.model.ModelCapabilities;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.testkit.fake.FakeCapabilities;
import io.imagine4j.testkit.fake.FakeVideoProvider;

/** A fake with fewer abilities: no cancel, no push, no idempotency, and no extensions. */
final class BasicFakes {

    private BasicFakes() {
    }

    static ProviderCapabilities capabilities() {
        ModelCapabilities model = ModelCapabilities.named("basic-video")
                .kind(RequestKind.TEXT_TO_VIDEO, FakeCapabilities.limits(RequestKind.TEXT_TO_VIDEO))
                .kind(RequestKind.IMAGE_TO_VIDEO, FakeCapabilities.limits(RequestKind.IMAGE_TO_VIDEO))
                .kind(RequestKind.EDIT, FakeCapabilities.limits(RequestKind.EDIT));
        return ProviderCapabilities.builder("basic").model(model).build();
    }

    static FakeVideoProvider create() {
        return FakeVideoProvider.builder().capabilities(capabilities()).build();
    }
}
