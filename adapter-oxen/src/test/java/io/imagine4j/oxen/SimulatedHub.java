package io.imagine4j.oxen;

import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.http.sse.EventStreamSettings;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.JournalEntry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The adapter under the job service, over real HTTP against an Oxen simulator on its manual clock:
 * jobs end when a test advances the simulator, and their completion events go out then. The service
 * runs on the real clock with quick polls, so a job followed by polling ends within milliseconds of
 * its end, and one followed by push with no poll at all.
 */
final class SimulatedHub implements AutoCloseable {

    static final String KEY = "hub-test-key";
    static final OxenRepository INPUTS = OxenRepository.of("tests", "inputs");
    static final Backoff QUICK = Backoff.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(200), 0.0);

    final OxenSimulator oxen;
    final OxenVideoProvider provider;
    final VideoJobService jobs;

    private SimulatedHub(OxenSimulator oxen, OxenVideoProvider provider, VideoJobService jobs) {
        this.oxen = oxen;
        this.provider = provider;
        this.jobs = jobs;
    }

    /** A connected service with quick polls and reconnects, the default 60 s safety poll, and an upload repository. */
    static SimulatedHub start() {
        return start(settings -> settings);
    }

    static SimulatedHub start(UnaryOperator<ServiceSettings> settings) {
        OxenSimulator oxen = OxenSimulator.start();
        OxenVideoProvider provider = provider(oxen).build();
        VideoJobService jobs = VideoJobService.builder(provider).threads(4)
                .settings(settings.apply(ServiceSettings.defaults().withPollBackoff(QUICK))).build();
        SimulatedHub hub = new SimulatedHub(oxen, provider, jobs);
        hub.awaitConnected();
        return hub;
    }

    /** A provider on {@code oxen} with quick reconnects and an upload repository. */
    static OxenHub.Builder provider(OxenSimulator oxen) {
        return OxenHub.builder().apiKey(KEY).baseUrl(oxen.baseUrl()).uploadsTo(INPUTS)
                .eventStream(EventStreamSettings.defaults().withReconnectBackoff(
                        Backoff.of(Duration.ofMillis(50), 2.0, Duration.ofMillis(500), 0.0)));
    }

    OxenEventSource events() {
        return provider.events().get();
    }

    /** Waits until the stream is connected and the service has heard so. */
    void awaitConnected() {
        try {
            assertThat(events().awaitConnected(Duration.ofSeconds(10))).as("the event stream connects").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    int polls() {
        return oxen.journal().calls(Call.POLL);
    }

    List<JournalEntry> pollsOf(String generationId) {
        return oxen.journal().entries(entry -> entry.call() == Call.POLL && entry.path().endsWith(generationId));
    }

    /** Waits, in real time, until {@code condition} holds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 15 s for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    @Override
    public void close() {
        jobs.close();
        provider.close();
        oxen.close();
    }
}
