package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.port.out.JobEventSource;
import io.imagine4j.core.port.out.PushListener;
import io.imagine4j.core.time.VirtualScheduler;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake's push channel, shaped like Oxen's event stream: each subscription is one connection
 * that connects at once, carries every job's updates while connected, loses what happens while it
 * is down (no replay), and reconnects by itself after a drop. Faults come from the fake.
 */
final class FakeEventSource implements JobEventSource {

    /** What the stream asks of the fake it belongs to. */
    interface Backend {
        /** Counts a connection attempt; answers the failure that refuses it, if one is planned. */
        Option<JobFailure> connectAttempt();

        /** Whether the stream drops instead of carrying the next event about {@code jobId}. */
        boolean dropsBefore(JobId jobId);
    }

    private final String provider;
    private final VirtualScheduler clock;
    private final Duration reconnectDelay;
    private final Backend backend;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();

    FakeEventSource(String provider, VirtualScheduler clock, Duration reconnectDelay, Backend backend) {
        this.provider = provider;
        this.clock = clock;
        this.reconnectDelay = reconnectDelay;
        this.backend = backend;
    }

    @Override
    public Subscription subscribe(PushListener listener) {
        Stream stream = new Stream(listener);
        streams.add(stream);
        stream.connect();
        return stream;
    }

    /** Sends {@code update} on every connected stream, unless a planned drop cuts a stream first. */
    void publish(JobId jobId, JobUpdate update) {
        for (Stream stream : streams) {
            stream.deliver(jobId, update);
        }
    }

    /** How many subscriptions are connected right now. */
    int connected() {
        return (int) streams.stream().filter(Stream::isConnected).count();
    }

    void closeAll() {
        streams.forEach(Stream::close);
    }

    /** One subscription; its lock keeps its events in order and its state consistent. */
    private final class Stream implements Subscription {
        private final PushListener listener;
        private boolean connected;
        private boolean closed;

        private Stream(PushListener listener) {
            this.listener = listener;
        }

        synchronized boolean isConnected() {
            return connected;
        }

        synchronized void connect() {
            if (closed || connected) {
                return;
            }
            Option<JobFailure> refused = backend.connectAttempt();
            if (refused.isDefined()) {
                listener.onDisconnected(refused.get());
                reconnectLater();
                return;
            }
            connected = true;
            listener.onConnected();
        }

        synchronized void deliver(JobId jobId, JobUpdate update) {
            if (!connected) {
                return; // no replay: what happens while the stream is down is lost
            }
            if (backend.dropsBefore(jobId)) {
                connected = false;
                listener.onDisconnected(JobFailure.of(FailureKind.UNAVAILABLE, "stream_dropped",
                        "The event stream of " + provider + " dropped; it reconnects by itself and polling covers the gap."));
                reconnectLater();
                return;
            }
            listener.onUpdate(jobId, update);
        }

        private void reconnectLater() {
            clock.schedule(reconnectDelay, this::connect);
        }

        @Override
        public synchronized void close() {
            closed = true;
            connected = false;
            streams.remove(this);
        }
    }
}
