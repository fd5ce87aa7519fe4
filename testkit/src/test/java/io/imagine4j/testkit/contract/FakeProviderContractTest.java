package io.imagine4j.testkit.contract;

import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.BackendControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract on the fake with every feature: cancel, push events, idempotent submits, list, delete and discovery. */
class FakeProviderContractTest extends VideoProviderContract {

    private FakeVideoProvider fake;

    @BeforeEach
    void createFake() {
        fake = FakeVideoProvider.builder()
                .features(ProviderFeature.CANCEL, ProviderFeature.PUSH_EVENTS, ProviderFeature.IDEMPOTENT_SUBMIT,
                        ProviderFeature.LIST, ProviderFeature.DELETE, ProviderFeature.MODEL_DISCOVERY)
                .discoverable("fake-video-hd-preview")
                .build();
    }

    @AfterEach
    void closeFake() {
        fake.close();
    }

    @Override
    protected VideoProvider provider() {
        return fake;
    }

    @Override
    protected BackendControl backend() {
        return fake;
    }
}
