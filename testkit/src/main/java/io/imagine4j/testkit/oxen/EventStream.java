package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.SimulatorClock;
import io.imagine4j.testkit.internal.sim.StreamBody;
import io.imagine4j.testkit.internal.sim.WireNoise;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * One open {@code GET /events} connection: writes its user's events as the feed announces them and
 * a {@code : keep-alive} comment every interval from the connect, on simulator time. It sleeps on
 * the clock until the next keep-alive, the next start or end of a job, or a wake-up (an enqueue, an
 * event), so on the manual clock events leave at {@code advance} and on the wall clock when jobs end.
 */
final class EventStream implements StreamBody {

    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventFeed feed;
    private final EventFeed.Subscription subscription;
    private final SimulatorClock clock;
    private final Duration keepAlive;
    private final Instant connectedAt;

    EventStream(EventFeed feed, EventFeed.Subscription subscription, SimulatorClock clock, Duration keepAlive, Instant connectedAt) {
        this.feed = feed;
        this.subscription = subscription;
        this.clock = clock;
        this.keepAlive = keepAlive;
        this.connectedAt = connectedAt;
    }

    @Override
    public void write(OutputStream out) throws IOException, InterruptedException {
        try {
            Instant nextKeepAlive = connectedAt.plus(keepAlive);
            while (true) {
                // Read the change count before looking, so a change while we look is never slept through.
                long seen = clock.changes();
                Instant now = clock.now();
                feed.sweep(now);
                for (EventFeed.Delivery delivery : subscription.due(now)) {
                    send(out, delivery);
                }
                while (!nextKeepAlive.isAfter(now)) {
                    out.write(KEEP_ALIVE);
                    nextKeepAlive = nextKeepAlive.plus(keepAlive);
                }
                out.flush();
                clock.awaitChange(seen, earliest(nextKeepAlive, feed.nextChange(now), subscription.nextDue()));
            }
        } finally {
            subscription.close();
        }
    }

    /** The stream will never run (a fault replaced it): stop collecting its events. */
    void abandon() {
        subscription.close();
    }

    private static void send(OutputStream out, EventFeed.Delivery delivery) throws IOException {
        Option<Fault> fault = delivery.fault();
        if (fault.isEmpty() || fault.get() instanceof Fault.SlowBody) {
            out.write(delivery.event().wire());
        } else if (fault.get() instanceof Fault.MalformedJson) {
            out.write(delivery.event().truncated().wire());
        } else if (fault.get() instanceof Fault.EmptyBody) {
            out.write(new ServerSentEvent(delivery.event().name(), "").wire());
        } else if (fault.get() instanceof Fault.Garbage) {
            // Bytes that are no event stream instead of the event, then the connection goes.
            out.write(WireNoise.garbage());
            out.flush();
            throw new IOException("the event stream sent garbage instead of " + delivery.event().name());
        } else {
            // Any other fault loses the event with the connection: the client must reconnect and re-check.
            out.flush();
            throw new IOException("the event stream was dropped by a simulated fault instead of sending " + delivery.event().name());
        }
    }

    private static Instant earliest(Instant keepAlive, Option<Instant> change, Option<Instant> delivery) {
        Instant earliest = keepAlive;
        if (change.isDefined() && change.get().isBefore(earliest)) {
            earliest = change.get();
        }
        if (delivery.isDefined() && delivery.get().isBefore(earliest)) {
            earliest = delivery.get();
        }
        return earliest;
    }
}
