package io.imagine4j.openai;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.contract.VideoProviderContract;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.scenario.BackendControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The OpenAI-compatible adapter keeps the core's provider contract, over real HTTP against the OpenAI simulator. */
class OpenAiContractTest extends VideoProviderContract {

    private OpenAiSimulator backend;
    private OpenAiVideoProvider provider;

    @BeforeEach
    void start() {
        backend = OpenAiSimulator.start();
        provider = OpenAiVideos.builder().apiKey("contract-key").baseUrl(backend.baseUrl()).build();
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

    /** OpenAI takes an input image only at the video's size: the default 720x1280. */
    @Override
    protected MediaSource sampleImage() {
        return MediaSource.bytes(Images.png(720, 1280));
    }
}
