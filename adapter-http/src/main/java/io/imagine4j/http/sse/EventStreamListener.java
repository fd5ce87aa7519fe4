package io.imagine4j.http.sse;

import io.imagine4j.core.job.JobFailure;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * What an {@link EventStream} reports. Calls for one connection come in order, from the HTTP
 * client's or the scheduler's threads: {@code onConnected}, then events and comments, then
 * {@code onDisconnected}; a connection that never got going reports {@code onConnectFailed}
 * instead. Return quickly.
 *
 * <pre>{@code
 * EventStreamListener toCore = new EventStreamListener() {
 *     public void onConnected() { push.onConnected(); }
 *     public void onEvent(ServerSentEvent event) { if (event.type().equals("media_generation_completed")) ... }
 *     public void onDisconnected(JobFailure reason, Option<Duration> reconnectIn) { push.onDisconnected(reason); }
 * };
 * }</pre>
 */
public interface EventStreamListener {

    /** A connection is up and streaming; events sent while it was down are lost. */
    void onConnected();

    void onEvent(ServerSentEvent event);

    /** A comment such as {@code keep-alive}: nothing to do, but the stream is alive. */
    default void onComment(String comment) {
    }

    /**
     * A connected stream ended: dropped, closed by the server, silent for too long, or unreadable.
     * {@code reconnectIn} is when the next attempt starts; none when the stream gave up for good
     * (the server answered 204, or a failure that trying again cannot fix).
     */
    void onDisconnected(JobFailure reason, Option<Duration> reconnectIn);

    /** An attempt to connect failed before the stream started; same meaning of {@code retryIn}. */
    default void onConnectFailed(JobFailure reason, Option<Duration> retryIn) {
    }
}
