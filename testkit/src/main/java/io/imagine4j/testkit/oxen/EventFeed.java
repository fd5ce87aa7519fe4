package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.SimJob;
import io.imagine4j.testkit.sim.SimulatorClock;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Who hears what on Oxen's event stream. Jobs change state lazily (by the clock), so the feed
 * notices a change when someone looks: a {@link #sweep} at an instant announces, once, every start
 * and end that has happened by then, to the subscriptions of the job's user open at that moment.
 * Subscribing sweeps first, so nothing from before a connection reaches it (Oxen has no replay);
 * a cancelled job is never announced as completed.
 *
 * <pre>{@code
 * EventFeed.Subscription mine = feed.subscribe(user, now);   // in the GET /events handler
 * feed.track(job);                                            // on enqueue
 * feed.sweep(clock.now());                                    // from the streams, as time passes
 * mine.due(clock.now());                                      // what to write now
 * }</pre>
 */
final class EventFeed {

    /** An event waiting for its stream, with the job's own event fault if any, due at {@code due}. */
    record Delivery(ServerSentEvent event, Option<Fault> fault, Instant due) {
    }

    private final SimulatorClock clock;
    private final BiFunction<SimJob<OxenJob>, Instant, GenerationState> states;
    private final Map<String, Tracked> open = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** @param states how a job looks at an instant (the simulator's rendering, result URL included) */
    EventFeed(SimulatorClock clock, BiFunction<SimJob<OxenJob>, Instant, GenerationState> states) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.states = Objects.requireNonNull(states, "states");
    }

    /** Watches a queued job until its end has been announced. */
    synchronized void track(SimJob<OxenJob> job) {
        open.put(job.id(), new Tracked(job));
    }

    /** Opens a subscription for {@code user}'s events from {@code now} on. */
    synchronized Subscription subscribe(OxenUser user, Instant now) {
        announce(now);
        Subscription subscription = new Subscription(user);
        subscriptions.add(subscription);
        return subscription;
    }

    /** Announces what has happened by {@code now}; wakes the streams if anything reached one. */
    void sweep(Instant now) {
        boolean delivered;
        synchronized (this) {
            delivered = announce(now);
        }
        if (delivered) {
            clock.wake();
        }
    }

    /** Sends an event that is not about a generation (a repository update) to {@code user}'s open streams. */
    void publish(OxenUser user, ServerSentEvent event, Instant at) {
        boolean delivered = false;
        synchronized (this) {
            for (Subscription subscription : subscriptions) {
                if (subscription.user.equals(user)) {
                    subscription.pending.add(new Delivery(event, Option.none(), at));
                    delivered = true;
                }
            }
        }
        if (delivered) {
            clock.wake();
        }
    }

    /** The earliest start or end of a watched job after {@code after}: when a stream should look again. */
    synchronized Option<Instant> nextChange(Instant after) {
        Instant next = null;
        for (Tracked tracked : open.values()) {
            List<Instant> candidates = new ArrayList<>();
            if (!tracked.started) {
                candidates.add(tracked.startsAt);
            }
            if (tracked.job.cancelledAt().isEmpty()) {
                candidates.add(tracked.job.endsAt());
            }
            for (Instant candidate : candidates) {
                if (candidate.isAfter(after) && (next == null || candidate.isBefore(next))) {
                    next = candidate;
                }
            }
        }
        return Option.of(next);
    }

    /** How many streams are subscribed right now. */
    synchronized int subscriptions() {
        return subscriptions.size();
    }

    /** Forgets watched jobs and subscriptions (their streams are cut by the simulator's reset). */
    synchronized void clear() {
        open.clear();
        subscriptions.clear();
    }

    private boolean announce(Instant now) {
        List<Announcement> found = new ArrayList<>();
        Iterator<Tracked> watched = open.values().iterator();
        while (watched.hasNext()) {
            Tracked tracked = watched.next();
            boolean changed = tracked.job.cancelledAt().isDefined() || !tracked.job.endsAt().isAfter(now)
                    || (!tracked.started && !tracked.startsAt.isAfter(now));
            if (!changed) {
                continue; // nothing can have happened to it yet: spare rendering it
            }
            GenerationState state = states.apply(tracked.job, now);
            // A start is announced when it came before the end (an instant job only ends), even if
            // the job was cancelled since: whoever looks first, the same events come out.
            boolean startedBeforeEnd = state.startedAt().isDefined()
                    && state.completedAt().forAll(end -> state.startedAt().get().isBefore(end));
            if (!tracked.started && startedBeforeEnd) {
                found.add(new Announcement(tracked.job, OxenResponses.started(tracked.job), state.startedAt().get(), false));
                tracked.started = true;
            }
            if (state.isTerminal()) {
                watched.remove();
                if (!state.status().equals(GenerationState.CANCELLED)) {
                    found.add(new Announcement(tracked.job, OxenResponses.completed(tracked.job, state), state.completedAt().get(), true));
                }
            }
        }
        found.sort(Comparator.comparing(Announcement::at));
        boolean delivered = false;
        for (Announcement announcement : found) {
            OxenUser owner = announcement.job.params().owner();
            for (Subscription subscription : subscriptions) {
                if (subscription.user.equals(owner)) {
                    // The job's own event faults (#sim:events-drop…) hit the completion events of its streams.
                    Option<Fault> fault = announcement.completion ? announcement.job.faults().take(Call.EVENTS) : Option.none();
                    Instant due = fault.filter(Fault.SlowBody.class::isInstance)
                            .map(slow -> announcement.at.plus(((Fault.SlowBody) slow).delay())).getOrElse(announcement.at);
                    subscription.pending.add(new Delivery(announcement.event, fault, due));
                    delivered = true;
                }
            }
        }
        return delivered;
    }

    /** One open stream's share of the feed. */
    final class Subscription {

        private final OxenUser user;
        private final Deque<Delivery> pending = new ArrayDeque<>();

        private Subscription(OxenUser user) {
            this.user = user;
        }

        /** Takes the deliveries due by {@code now}, in order. */
        List<Delivery> due(Instant now) {
            synchronized (EventFeed.this) {
                List<Delivery> due = new ArrayList<>();
                Iterator<Delivery> waiting = pending.iterator();
                while (waiting.hasNext()) {
                    Delivery delivery = waiting.next();
                    if (!delivery.due().isAfter(now)) {
                        due.add(delivery);
                        waiting.remove();
                    }
                }
                return due;
            }
        }

        /** When the next delivery not yet due becomes due. */
        Option<Instant> nextDue() {
            synchronized (EventFeed.this) {
                return Option.ofOptional(pending.stream().map(Delivery::due).min(Comparator.naturalOrder()));
            }
        }

        /** Stops receiving: the stream ended. */
        void close() {
            synchronized (EventFeed.this) {
                subscriptions.remove(this);
            }
        }
    }

    private static final class Tracked {
        final SimJob<OxenJob> job;
        final Instant startsAt;
        boolean started;

        Tracked(SimJob<OxenJob> job) {
            this.job = job;
            this.startsAt = GenerationState.startsAt(job);
        }
    }

    private record Announcement(SimJob<OxenJob> job, ServerSentEvent event, Instant at, boolean completion) {
    }
}
