package io.imagine4j.reliability.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.http.sse.EventStreamSettings;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.oxen.OxenVideoProvider;
import io.imagine4j.reliability.figures.Figures;
import io.imagine4j.reliability.secrets.Canary;
import io.imagine4j.reliability.secrets.LogCapture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oxen's event stream, fuzzed over a real connection: each try sends an arbitrary event (or
 * arbitrary bytes) and then a sentinel event. The sentinel must arrive (the stream survived, or
 * reconnected), every update heard must be one the core can take, and no unchecked exception may
 * reach the stream's last-resort handler.
 */
class OxenEventsProperties {

    private static final String SENTINEL = "sentinel-";
    private static final BlockingDeque<byte[]> CHUNKS = new LinkedBlockingDeque<>();
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final HttpServer SERVER = server();
    private static final OxenVideoProvider OXEN = OxenHub.builder().apiKey(Canary.KEY)
            .baseUrl(URI.create("http://127.0.0.1:" + SERVER.getAddress().getPort() + "/api"))
            .eventStream(EventStreamSettings.defaults()
                    .withReconnectBackoff(Backoff.of(Duration.ofMillis(10), 2.0, Duration.ofMillis(100), 0.0)))
            .build();
    private static final Heard HEARD = new Heard();
    private static final JobEventSource.Subscription SUBSCRIPTION = OXEN.eventSource().get().subscribe(HEARD);
    private static final AtomicInteger TRIES = new AtomicInteger();

    @AfterContainer
    static void stop() {
        SUBSCRIPTION.close();
        SERVER.stop(0);
        Figures.measured().is(Verdicts.SECTION, "oxen event stream connections (1 + reconnects the fuzzed events forced)",
                CONNECTIONS.get());
    }

    @Property(tries = 500)
    void any_event_is_an_update_the_core_can_take_or_nothing_and_the_stream_goes_on(@ForAll("events") byte[] event)
            throws InterruptedException {
        long thrownBefore = LogCapture.thrownBy("io.imagine4j");
        String sentinel = SENTINEL + TRIES.incrementAndGet();
        byte[] end = ("\n\n\nevent: media_generation_completed\ndata: {\"generation_id\":\"" + sentinel
                + "\",\"status\":\"failed\",\"media_type\":\"video\",\"error\":\"sentinel\"}\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[event.length + end.length];
        System.arraycopy(event, 0, chunk, 0, event.length);
        System.arraycopy(end, 0, chunk, event.length, end.length);
        CHUNKS.add(chunk);

        HEARD.await(JobId.of("oxen", sentinel), event);

        for (JobUpdate update : HEARD.updatesBesides(SENTINEL)) {
            if (update.status() == JobStatus.SUCCEEDED) {
                String scheme = update.result().get().location().getScheme().toLowerCase(Locale.ROOT);
                assertThat(scheme).as("a pushed result from %s", JsonShapes.show(event)).isIn("http", "https");
            }
            update.failure().map(JobFailure::message).forEach(message -> Canary.assertAbsent("failure message", message));
        }
        assertThat(LogCapture.thrownBy("io.imagine4j")).as("exceptions logged by the library's last resort, after %s",
                JsonShapes.show(event)).isEqualTo(thrownBefore);
        HEARD.clear();
        Figures.add(Verdicts.SECTION, "oxen event stream, fuzzed events", 1);
    }

    @Provide
    Arbitrary<byte[]> events() {
        Arbitrary<Object> completion = JsonShapes.object(
                JsonShapes.field("generation_id", JsonShapes.words("fuzz-0001", "")),
                JsonShapes.field("status", JsonShapes.words("succeeded", "failed", "processing", "completed", "cancelled")),
                JsonShapes.field("media_type", JsonShapes.words("video", "image")),
                JsonShapes.field("model", JsonShapes.strings()),
                JsonShapes.field("url", JsonShapes.urls()),
                JsonShapes.field("error", JsonShapes.strings()));
        Arbitrary<byte[]> shaped = Arbitraries.of("media_generation_completed", "media_generation_started", "repository_updated",
                "message", "").flatMap(name -> completion.map(data -> sse(name, JsonShapes.bytes(data))));
        Arbitrary<byte[]> fields = Arbitraries.strings().withChars("eventdairy:\n\r 0123456789{}\"").ofMaxLength(120)
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(shaped, shaped, JsonShapes.bytes(), fields);
    }

    private static byte[] sse(String name, byte[] data) {
        String head = name.isEmpty() ? "" : "event: " + name + "\n";
        String body = new String(data, StandardCharsets.UTF_8).replace("\r", "").replace("\n", "\ndata: ");
        return (head + "data: " + body + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** What the subscription heard: updates, in order. */
    private static final class Heard implements PushListener {
        private final List<Object[]> updates = new CopyOnWriteArrayList<>();

        @Override
        public void onConnected() {
        }

        @Override
        public synchronized void onUpdate(JobId jobId, JobUpdate update) {
            updates.add(new Object[] {jobId, update});
            notifyAll();
        }

        @Override
        public void onDisconnected(JobFailure reason) {
            assertThat(reason.kind()).isNotNull();
        }

        synchronized void await(JobId sentinel, byte[] event) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (updates.stream().noneMatch(heard -> heard[0].equals(sentinel))) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("the sentinel after %s arrives: the stream goes on", JsonShapes.show(event)).isPositive();
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        List<JobUpdate> updatesBesides(String prefix) {
            return updates.stream().filter(heard -> !((JobId) heard[0]).value().startsWith(prefix))
                    .map(heard -> (JobUpdate) heard[1]).toList();
        }

        void clear() {
            updates.clear();
        }
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "fuzz-event-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", OxenEventsProperties::handle);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /api/events} streams the queued chunks, one by one; a chunk a dropped connection missed goes to the next. */
    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/api/events")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            CONNECTIONS.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.flush();
            while (true) {
                byte[] chunk = CHUNKS.poll(200, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    continue;
                }
                try {
                    out.write(chunk);
                    out.flush();
                } catch (IOException dropped) {
                    CHUNKS.addFirst(chunk);
                    throw dropped;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

}
