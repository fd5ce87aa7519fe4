package io.imagine4j.core.port.out;

/**
 * Job updates pushed by a provider (Oxen's server-sent events, for example). While the stream is
 * connected the service polls only as a slow safety net; when it drops, polling takes over until
 * it reconnects.
 */
public interface JobEventSource {

    /**
     * Starts delivering events to {@code listener}, reconnecting by itself after drops, until the
     * returned subscription is closed. Subscribe before submitting: events are not replayed.
     */
    Subscription subscribe(PushListener listener);

    /** An open subscription; closing it stops delivery and the stream. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
