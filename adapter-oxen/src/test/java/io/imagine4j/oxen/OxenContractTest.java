package io.imagine4j.oxen;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.contract.VideoProviderContract;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.BackendControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Oxen adapter keeps the core's provider contract, over real HTTP against the Oxen simulator. */
class OxenContractTest extends VideoProviderContract {

    private OxenSimulator backend;
    private OxenVideoProvider provider;

    @BeforeEach
    void start() {
        backend = OxenSimulator.start();
        provider = OxenHub.builder().apiKey("contract-key").baseUrl(backend.baseUrl())
                .uploadsTo(OxenRepository.of("contract", "inputs")).build();
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

    /** A generation row has no progress field. */
    @Override
    protected boolean reportsProgress() {
        return false;
    }

    /** A failed generation carries a sentence ({@code error_message}), not a code. */
    @Override
    protected boolean reportsFailureCodes() {
        return false;
    }

    /** Oxen has no expired status: a generation that timed out is {@code failed}, read as an EXPIRED failure. */
    @Override
    protected JobStatus expiredStatus() {
        return JobStatus.FAILED;
    }
}
