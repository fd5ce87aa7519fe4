package io.imagine4j.oxen;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.http.json.ApiJson;
import io.imagine4j.http.sse.EventStream;
import io.imagine4j.http.sse.EventStreamListener;
import io.imagine4j.http.sse.ServerSentEvent;
import io.imagine4j.oxen.wire.CompletionEvent;
import io.vavr.control.Option;
import io.vavr.control.Try;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Oxen's completion events as a {@link JobEventSource}: one shared connection to {@code GET /events}
 * per provider, opened at the first subscription (the service subscribes when it is built, before
 * its first enqueue, since the stream has no replay) and closed with the last. Only
 * {@code media_generation_completed} events of videos become updates; other event types and
 * {@code : keep-alive} comments only show the stream is alive. The connection is reopened with
 * backoff after every drop, and every (re)connect is reported, so the service re-checks its open
 * jobs by polling (events sent meanwhile are lost); a cancelled job gets no event, so polling (or
 * the cancel's own answer) notices it.
 *
 * <pre>{@code
 * OxenVideoProvider oxen = OxenHub.fromEnvironment();
 * try (VideoJobs jobs = VideoJobService.builder(oxen).build()) {     // subscribes
 *     oxen.events().awaitConnected(Duration.ofSeconds(10));             // optional: push is live
 *     jobs.submit(VideoRequest.textToVideo("A fox in the snow"));
 * }
 * }</pre>
 */
public final class OxenEventSource implements JobEventSource {

    private static final Logger LOG = LoggerFactory.getLogger(OxenEventSource.class);

    private final Supplier<EventStream.Builder> streams;
    private final ObjectMapper json = ApiJson.mapper();
    private final List<PushListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private EventStream stream;
    private boolean connected;
    private int connections;

    OxenEventSource(Supplier<EventStream.Builder> streams) {
        this.streams = streams;
    }

    @Override
    public Subscription subscribe(PushListener listener) {
        boolean live;
        synchronized (lock) {
            listeners.add(listener);
            if (stream == null) {
                stream = streams.get().open(new Relay());
            }
            live = connected;
        }
        if (live) {
            listener.onConnected(); // it missed the connect: now it knows, and re-checks what it follows
        }
        return () -> unsubscribe(listener);
    }

    /** Whether the stream is connected right now. */
    public boolean isConnected() {
        synchronized (lock) {
            return connected;
        }
    }

    /** How many times the stream has connected since it was opened (reconnects included). */
    public int connections() {
        synchronized (lock) {
            return connections;
        }
    }

    /**
     * Waits until the stream is connected and every subscriber has heard so, or {@code timeout}
     * passes; answers whether it is connected. Submits made before then are still followed, by
     * polling until the stream connects.
     */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!connected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private void unsubscribe(PushListener listener) {
        EventStream closing = null;
        synchronized (lock) {
            listeners.remove(listener);
            if (listeners.isEmpty() && stream != null) {
                closing = stream;
                stream = null;
                connected = false;
            }
        }
        if (closing != null) {
            closing.close();
        }
    }

    /** From the stream to every subscriber. */
    private final class Relay implements EventStreamListener {

        @Override
        public void onConnected() {
            List<PushListener> told = List.copyOf(listeners);
            told.forEach(PushListener::onConnected);
            List<PushListener> late = new ArrayList<>();
            synchronized (lock) {
                // Only once the subscribers have heard: awaitConnected then means push is live for them.
                connected = true;
                connections++;
                listeners.stream().filter(listener -> !told.contains(listener)).forEach(late::add);
                lock.notifyAll();
            }
            late.forEach(PushListener::onConnected); // subscribed while the others were being told
            LOG.debug("Oxen's event stream is connected");
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (!OxenPolls.COMPLETED_EVENT.equals(event.type())) {
                return; // other event types share the stream
            }
            Option<CompletionEvent> completion = Try.of(() -> json.readValue(event.data(), CompletionEvent.class)).toOption()
                    .filter(java.util.Objects::nonNull);
            if (completion.isEmpty()) {
                LOG.debug("an unreadable {} event was skipped; polling will tell the job's end", event.type());
                return;
            }
            OxenPolls.fromEvent(completion.get()).forEach(update ->
                    listeners.forEach(listener -> listener.onUpdate(update._1, update._2)));
        }

        @Override
        public void onDisconnected(JobFailure reason, Option<Duration> reconnectIn) {
            synchronized (lock) {
                connected = false;
            }
            LOG.info("Oxen's event stream dropped ({}); polling until it is back{}", reason.code(),
                    reconnectIn.map(wait -> ", reconnecting in " + wait.toMillis() + " ms").getOrElse(": it will not reconnect"));
            listeners.forEach(listener -> listener.onDisconnected(reason));
        }

        @Override
        public void onConnectFailed(JobFailure reason, Option<Duration> retryIn) {
            if (retryIn.isEmpty()) {
                LOG.warn("Oxen's event stream gave up ({}); jobs are followed by polling only: {}", reason.code(), reason.message());
            } else {
                LOG.debug("Oxen's event stream could not connect ({}); trying again in {} ms", reason.code(), retryIn.get().toMillis());
            }
        }
    }
}
