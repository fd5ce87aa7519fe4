package io.imagine4j.http.sse;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.time.SystemScheduler;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiOrigin;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ResponseHeaders;
import io.imagine4j.http.transport.JdkHttpClients;
import io.imagine4j.http.transport.TransportFailure;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Keeps a server-sent-events stream open for as long as it is wanted: connects (with the API key
 * when the URL is on the credentials' origin), delivers events and comments to an
 * {@link EventStreamListener}, drops a stream that stays silent longer than the keep-alive timeout,
 * and reconnects after a backoff (the server's {@code retry:} first, then growing waits), sending
 * {@code Last-Event-ID} when the stream gave ids. It stops for good on {@link #close()}, on a 204,
 * and on a failure that retrying cannot fix (401, 403, 404…). No thread of its own: the HTTP
 * client delivers the bytes, the scheduler keeps the time.
 *
 * <pre>{@code
 * EventStream events = EventStream.builder(URI.create("https://hub.oxen.ai/api/events"))
 *         .credentials(credentials)
 *         .classifier(ErrorClassifier.forProvider("Oxen"))
 *         .open(listener);
 * ...
 * events.close();
 * }</pre>
 */
public final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final int ERROR_BODY_BYTES = 16 * 1024;

    private final URI url;
    private final Option<ApiCredentials> credentials;
    private final EventStreamSettings settings;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final ErrorClassifier classifier;
    private final DoubleSupplier random;
    private final EventStreamListener listener;
    private final HttpClient http;
    private final Object lock = new Object();
    private boolean closed;
    private Attempt current;
    private Scheduler.Task reconnect;
    private int failures;
    private volatile Option<Duration> serverRetry = Option.none();
    private volatile String lastEventId = "";

    private EventStream(Builder builder, EventStreamListener listener) {
        this.url = builder.url;
        this.credentials = builder.credentials;
        this.settings = builder.settings;
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler ? SystemScheduler.withThreads(1) : builder.scheduler;
        this.classifier = builder.classifier != null ? builder.classifier : ErrorClassifier.forProvider(url.getHost());
        this.random = builder.random;
        this.listener = listener;
        this.http = JdkHttpClients.create(settings.connectTimeout());
    }

    /** Starts configuring a stream from {@code url}. */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /** Whether a connection is up right now. */
    public boolean isConnected() {
        synchronized (lock) {
            return !closed && current != null && current.connected && !current.ended.get();
        }
    }

    /** Stops the stream: no more callbacks, no reconnection. */
    @Override
    public void close() {
        Attempt last;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            last = current;
            if (reconnect != null) {
                reconnect.cancel();
            }
        }
        if (last != null) {
            last.stop();
        }
        if (ownsScheduler) {
            scheduler.close();
        }
    }

    private void connect() {
        Attempt attempt = new Attempt();
        synchronized (lock) {
            if (closed) {
                return;
            }
            current = attempt;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .version(JdkHttpClients.versionFor(url))
                .timeout(settings.responseTimeout())
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .GET();
        if (!lastEventId.isEmpty()) {
            request.header("Last-Event-ID", lastEventId);
        }
        credentials.forEach(c -> c.headersFor(url).forEach(request::header));
        CompletableFuture<? extends HttpResponse<?>> call = http.sendAsync(request.build(), attempt::bodyFor);
        attempt.exchange = call; // the exchange itself, not a stage after it: cancelling it ends the exchange
        if (attempt.ended.get()) {
            call.cancel(true); // the attempt ended (the stream closed) before its exchange was known to it
        }
        call.whenComplete(attempt::answered);
    }

    private String describe() {
        return "GET " + ApiOrigin.withoutQuery(url);
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("an event stream listener failed", e); // the stream goes on; the listener's bug is its own
        }
    }

    /** One connection attempt, from request to its end. */
    private final class Attempt {
        final AtomicBoolean ended = new AtomicBoolean();
        final ServerSentEventParser parser = new ServerSentEventParser(new Delivery());
        volatile boolean connected;
        volatile boolean sawBytes;
        volatile Instant lastActivity;
        volatile Flow.Subscription subscription;
        volatile Scheduler.Task watchdog;
        volatile CompletableFuture<?> exchange;
        final CompletableFuture<Void> finished = new CompletableFuture<>();

        HttpResponse.BodySubscriber<?> bodyFor(HttpResponse.ResponseInfo info) {
            if (info.statusCode() == 200 && isEventStream(info)) {
                synchronized (lock) {
                    if (closed || ended.get()) {
                        return new Refusing();
                    }
                    connected = true;
                    lastActivity = scheduler.now();
                    watchdog = scheduler.schedule(settings.keepAliveTimeout(), this::checkLiveness);
                }
                safely(listener::onConnected);
                return new Bytes();
            }
            return new ErrorBodySubscriber(ERROR_BODY_BYTES);
        }

        void answered(HttpResponse<?> response, Throwable error) {
            if (error != null) {
                end(TransportFailure.of(error).toJobFailure(classifier.provider(), describe()), false);
            } else if (!connected) {
                int status = response.statusCode();
                if (status == 204) {
                    end(JobFailure.of(FailureKind.NOT_FOUND, "stream_closed", classifier.provider()
                            + " answered 204 to " + describe() + ": the server asks not to reconnect."), true);
                } else if (status == 200) {
                    end(JobFailure.of(FailureKind.PROTOCOL, "not_an_event_stream", classifier.provider() + " answered "
                            + describe() + " with " + response.headers().firstValue("Content-Type").orElse("no Content-Type")
                            + " instead of text/event-stream."), false);
                } else {
                    byte[] body = response.body() instanceof byte[] bytes ? bytes : new byte[0];
                    JobFailure failure = classifier.classify(status, ResponseHeaders.of(response.headers().map()), body,
                            describe());
                    end(failure, !failure.kind().isTransient());
                }
            }
        }

        void checkLiveness() {
            if (ended.get()) {
                return;
            }
            Duration silent = Duration.between(lastActivity, scheduler.now());
            if (silent.compareTo(settings.keepAliveTimeout()) >= 0) {
                end(JobFailure.of(FailureKind.UNAVAILABLE, "keepalive_timeout", "The event stream " + describe()
                        + " of " + classifier.provider() + " sent nothing for " + silent.toSeconds()
                        + " s, not even a keep-alive; reconnecting."), false);
            } else {
                watchdog = scheduler.schedule(settings.keepAliveTimeout().minus(silent), this::checkLiveness);
            }
        }

        /** Ends this attempt once: reports it and, unless told to give up, schedules the next. */
        void end(JobFailure reason, boolean giveUp) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            release();
            Option<Duration> next;
            synchronized (lock) {
                if (closed || current != this) {
                    return;
                }
                next = giveUp ? Option.none() : Option.some(nextDelay());
                next.forEach(delay -> reconnect = scheduler.schedule(delay, EventStream.this::connect));
            }
            if (connected) {
                safely(() -> listener.onDisconnected(reason, next));
            } else {
                safely(() -> listener.onConnectFailed(reason, next));
            }
        }

        /** Ends this attempt without a word (the stream is closing). */
        void stop() {
            if (ended.compareAndSet(false, true)) {
                release();
            }
        }

        private void release() {
            // The exchange first: a body subscription cancelled on its own leaves the JDK client's
            // exchange pending for good (Java 17), and a client with a pending exchange never lets
            // its selector thread and connection go.
            CompletableFuture<?> call = exchange;
            if (call != null) {
                call.cancel(true);
            }
            Flow.Subscription streaming = subscription;
            if (streaming != null) {
                streaming.cancel();
            }
            finished.complete(null);
            Scheduler.Task check = watchdog;
            if (check != null) {
                check.cancel();
            }
        }

        private Duration nextDelay() {
            if (sawBytes) {
                failures = 0; // the stream worked for a while: start the backoff over
            }
            Duration delay = failures == 0 && serverRetry.isDefined() ? serverRetry.get()
                    : settings.reconnectBackoff().delay(failures, random);
            failures++;
            return delay;
        }

        private boolean isEventStream(HttpResponse.ResponseInfo info) {
            return info.headers().firstValue("Content-Type")
                    .map(type -> type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")).orElse(false);
        }

        /** Lets go of a stream that arrived after its attempt ended. */
        private static final class Refusing implements HttpResponse.BodySubscriber<Void> {
            private final CompletableFuture<Void> finished = new CompletableFuture<>();

            @Override
            public CompletionStage<Void> getBody() {
                return finished;
            }

            @Override
            public void onSubscribe(Flow.Subscription value) {
                value.cancel();
                finished.complete(null); // the exchange is over for the JDK client too
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                // cancelled at once: nothing is wanted
            }

            @Override
            public void onError(Throwable error) {
                finished.complete(null);
            }

            @Override
            public void onComplete() {
                finished.complete(null);
            }
        }

        /**
         * The stream's bytes, one chunk at a time, into the parser. Its body completes when the stream
         * ends, and also when this attempt lets it go: a body the JDK client never sees end keeps its
         * exchange pending, and the client, its threads and its connection, for good.
         */
        private final class Bytes implements HttpResponse.BodySubscriber<Void> {
            @Override
            public CompletionStage<Void> getBody() {
                return finished;
            }

            @Override
            public void onSubscribe(Flow.Subscription value) {
                subscription = value;
                if (ended.get()) {
                    value.cancel();
                    finished.complete(null);
                } else {
                    value.request(1);
                }
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                if (ended.get()) {
                    return;
                }
                lastActivity = scheduler.now();
                sawBytes = true;
                try {
                    for (ByteBuffer buffer : item) {
                        parser.feed(buffer);
                    }
                } catch (MalformedEventStreamException e) {
                    end(JobFailure.of(FailureKind.PROTOCOL, "malformed_event_stream", "The event stream " + describe()
                            + " of " + classifier.provider() + " could not be read: " + e.getMessage()), false);
                    return;
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable error) {
                finished.complete(null);
                end(TransportFailure.of(error).toJobFailure(classifier.provider(), describe()), false);
            }

            @Override
            public void onComplete() {
                finished.complete(null);
                parser.finish();
                end(JobFailure.of(FailureKind.UNAVAILABLE, "stream_ended", "The event stream " + describe() + " of "
                        + classifier.provider() + " was closed by the server; reconnecting."), false);
            }
        }

        /** From the parser to the listener. */
        private final class Delivery implements ServerSentEventHandler {
            @Override
            public void onEvent(ServerSentEvent event) {
                lastEventId = event.lastEventId();
                safely(() -> listener.onEvent(event));
            }

            @Override
            public void onComment(String comment) {
                safely(() -> listener.onComment(comment));
            }

            @Override
            public void onRetry(Duration reconnectionTime) {
                serverRetry = Option.some(reconnectionTime);
            }
        }
    }

    /** Configures an {@link EventStream}. */
    public static final class Builder {
        private final URI url;
        private Option<ApiCredentials> credentials = Option.none();
        private EventStreamSettings settings = EventStreamSettings.defaults();
        private Scheduler scheduler;
        private ErrorClassifier classifier;
        private DoubleSupplier random = new Random()::nextDouble;

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
            ApiOrigin.of(url); // an absolute http(s) URL, or a clear error now
        }

        /** The API key, sent only if the stream's URL is on the credentials' origin. */
        public Builder credentials(ApiCredentials value) {
            this.credentials = Option.some(Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder settings(EventStreamSettings value) {
            this.settings = Objects.requireNonNull(value, "value");
            return this;
        }

        /** The clock and timer for keep-alive checks and reconnects (default: a one-thread scheduler of its own). */
        public Builder scheduler(Scheduler value) {
            this.scheduler = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Classifies failed connection answers and names the provider in messages. */
        public Builder classifier(ErrorClassifier value) {
            this.classifier = Objects.requireNonNull(value, "value");
            return this;
        }

        /** The source of backoff jitter (tests pass a constant). */
        public Builder random(DoubleSupplier value) {
            this.random = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Opens the stream: connecting starts now, and reports go to {@code listener}. */
        public EventStream open(EventStreamListener listener) {
            EventStream stream = new EventStream(this, Objects.requireNonNull(listener, "listener"));
            stream.connect();
            return stream;
        }
    }
}
