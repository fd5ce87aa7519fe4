package io.imagine4j.xai;

import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.contract.VideoProviderContract;
import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The xAI adapter keeps the core's provider contract, over real HTTP against the xAI simulator. */
class XaiContractTest extends VideoProviderContract {

    private XaiSimulator backend;
    private XaiVideoProvider provider;

    @BeforeEach
    void start() {
        backend = XaiSimulator.start();
        provider = XaiVideo.builder().apiKey("contract-key").baseUrl(backend.baseUrl()).build();
    }

    @AfterEach
    void stop() {
        provider.close();
        backend.close();
    }

    @Override
    protected VideoProvider provider() {
        return provider;
    }

    @Override
    protected BackendControl backend() {
        return backend;
    }
}
