package io.imagine4j.reliability.corpus;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.testkit.sim.HttpSimulator;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where one provider's bad requests are sent: its simulator (on a manual clock: nothing there ever
 * moves), a service on its adapter whose model list has been fetched once (so naming a model never
 * needs a call), a second one held to a budget of one cent per submit, and the fixtures.
 */
final class Desk implements AutoCloseable {

    final String name;
    final HttpSimulator<?> sim;
    final VideoJobService jobs;
    final VideoJobService budgeted;
    final Fixtures files;
    private JobId running;

    Desk(String name, HttpSimulator<?> sim, VideoProvider provider, VideoProvider budgetedProvider, Path directory) {
        this.name = name;
        this.sim = sim;
        this.jobs = VideoJobService.builder(provider).build();
        this.budgeted = VideoJobService.builder(budgetedProvider)
                .settings(ServiceSettings.defaults().withBudget(Budget.perSubmit(new BigDecimal("0.01")))).build();
        this.files = new Fixtures(directory);
        if (provider.capabilities().supports(ProviderFeature.MODEL_DISCOVERY)) {
            jobs.models().get(); // warm: the catalog (and Oxen's request schemas) is known from now on
            budgeted.models().get();
        }
    }

    /** The id of a job this desk's service follows and that has not finished (the simulator's clock never moves). */
    synchronized JobId runningJob(VideoRequest request) throws InterruptedException {
        if (running == null) {
            running = jobs.submit(request).awaitAccepted(Duration.ofSeconds(10)).get();
        }
        return running;
    }

    /** A finished video of another provider: not an input this one can take. */
    static GeneratedVideo foreignResult() {
        return GeneratedVideo.at(JobId.of("xai", "elsewhere-1"), URI.create("https://cdn.example.com/elsewhere.mp4"));
    }

    @Override
    public void close() {
        jobs.close();
        budgeted.close();
        sim.close();
    }
}
