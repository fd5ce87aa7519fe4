package io.imagine4j.testkit.contract;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.BackendControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract on a correct provider over a poorer wire, with each limitation declared through its hook. */
class LossyProtocolContractTest extends VideoProviderContract {

    private FakeVideoProvider fake;
    private LossyProvider provider;

    @BeforeEach
    void create() {
        fake = FakeVideoProvider.builder().features(ProviderFeature.CANCEL).build();
        provider = new LossyProvider(fake);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Override
    protected VideoProvider provider() {
        return provider;
    }

    @Override
    protected BackendControl backend() {
        return fake;
    }

    @Override
    protected boolean reportsQueued() {
        return false;
    }

    @Override
    protected boolean reportsProgress() {
        return false;
    }

    @Override
    protected boolean reportsFailureCodes() {
        return false;
    }

    @Override
    protected JobStatus expiredStatus() {
        return JobStatus.FAILED;
    }

    @Override
    protected boolean honoursContentOffset() {
        return false;
    }
}
