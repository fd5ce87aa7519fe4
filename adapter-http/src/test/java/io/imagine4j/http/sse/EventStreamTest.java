package io.imagine4j.http.sse;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.core.time.VirtualScheduler;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiKey;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.support.EventSource;
import io.imagine4j.http.support.Ports;
import io.imagine4j.http.support.RangeFile;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection loop over a real loopback stream, on a virtual clock: the keep-alive watchdog and
 * the reconnect waits run when the test moves time, the bytes arrive for real.
 */
class EventStreamTest {

    private static final String KEY = "oxen-secret-0123456789";
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(45);

    private final EventSource source = EventSource.start();
    private final VirtualScheduler time = VirtualScheduler.create();
    private final Signals signals = new Signals();
    private EventStream stream;

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        source.close();
    }

    private EventStream open(URI url) {
        URI base = URI.create(url.getScheme() + "://" + url.getAuthority() + "/api");
        stream = EventStream.builder(url)
                .credentials(ApiCredentials.bearer(base, ApiKey.of(KEY)))
                .settings(EventStreamSettings.defaults().withKeepAliveTimeout(KEEP_ALIVE)
                        .withReconnectBackoff(Backoff.of(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0)))
                .scheduler(time)
                .classifier(ErrorClassifier.forProvider("Oxen"))
                .open(signals);
        return stream;
    }

    @Test
    void events_and_comments_arrive_in_order_over_an_authenticated_connection() throws Exception {
        open(source.url());
        EventSource.Connection connection = source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");

        connection.send("event: media_generation_completed\ndata: {\"generation_id\":\"g1\",\"status\":\"succeeded\"}\n\n"
                + ": keep-alive\n\ndata: a\r\ndata: b\r\n\r\n");

        assertThat(signals.next()).isEqualTo("event media_generation_completed {\"generation_id\":\"g1\",\"status\":\"succeeded\"}");
        assertThat(signals.next()).isEqualTo("comment keep-alive");
        assertThat(signals.next()).isEqualTo("event message a\nb");
        assertThat(connection.request().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(connection.request().header("Accept")).isEqualTo("text/event-stream");
        assertThat(stream.isConnected()).isTrue();
    }

    @Test
    void a_closed_stream_lets_its_http_client_go_so_no_selector_thread_is_left() throws Exception {
        Set<Thread> before = selectorThreads();
        // On its own scheduler (closed with it): the virtual clock would keep the cancelled keep-alive check, and so the stream.
        stream = EventStream.builder(source.url()).classifier(ErrorClassifier.forProvider("Oxen")).open(signals);
        EventSource.Connection connection = source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");
        Set<Thread> streams = selectorThreads();
        streams.removeAll(before);
        assertThat(streams).as("the stream's own HTTP client").hasSize(1);

        stream.close();
        stream = null;

        // The JDK client (Java 17 has no close()) ends its selector thread once it is unreachable and
        // has no exchange pending: a stream cancelled halfway would stay pending for good.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (streams.iterator().next().isAlive() && System.nanoTime() < deadline) {
            System.gc();
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertThat(streams.iterator().next().isAlive()).as("the stream's HTTP client selector thread is alive").isFalse();
        assertThat(connection.clientHasLeft()).isTrue();
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void a_stream_closed_by_the_server_reconnects_after_the_backoff_with_the_last_event_id() throws Exception {
        open(source.url());
        EventSource.Connection first = source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");
        first.send("id: 41\ndata: x\n\n");
        assertThat(signals.next()).isEqualTo("event message x");

        first.drop();

        assertThat(signals.next()).isEqualTo("disconnected stream_ended PT1S");
        time.advance(Duration.ofMillis(999));
        assertThat(source.server().received("/events")).hasSize(1);
        time.advance(Duration.ofMillis(1));
        EventSource.Connection second = source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");
        assertThat(second.request().header("Last-Event-ID")).isEqualTo("41");
    }

    @Test
    void the_server_retry_field_sets_the_reconnect_wait() throws Exception {
        open(source.url());
        EventSource.Connection connection = source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");
        connection.send("retry: 5000\n: hello\n\n");
        assertThat(signals.next()).isEqualTo("comment hello");

        connection.drop();

        assertThat(signals.next()).isEqualTo("disconnected stream_ended PT5S");
    }

    @Test
    void a_silent_stream_is_dropped_after_the_keep_alive_timeout_and_keep_alives_postpone_it() throws Exception {
        open(source.url());
        EventSource.Connection first = source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");

        time.advance(Duration.ofSeconds(44));
        assertThat(stream.isConnected()).isTrue();
        first.send(": keep-alive\n\n");
        assertThat(signals.next()).isEqualTo("comment keep-alive");
        time.advance(Duration.ofSeconds(44)); // 88 s: 44 s since the keep-alive
        assertThat(stream.isConnected()).isTrue();
        time.advance(Duration.ofSeconds(1)); // 89 s: 45 s of silence

        assertThat(signals.next()).isEqualTo("disconnected keepalive_timeout PT1S");
        assertThat(stream.isConnected()).isFalse();
        assertThat(first.clientHasLeft()).isTrue();
        time.advance(Duration.ofSeconds(1));
        source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");
    }

    @Test
    void failing_attempts_back_off_more_and_more() {
        open(URI.create("http://127.0.0.1:" + Ports.closed() + "/events"));

        assertThat(signals.next()).isEqualTo("failed connection_refused PT1S");
        time.advance(Duration.ofSeconds(1));
        assertThat(signals.next()).isEqualTo("failed connection_refused PT2S");
        time.advance(Duration.ofSeconds(2));
        assertThat(signals.next()).isEqualTo("failed connection_refused PT4S");
    }

    @Test
    void an_unavailable_server_is_retried_but_a_refused_key_stops_the_stream() {
        source.server().on("/busy", RangeFile.status(503, Map.of()));
        source.server().json("/locked", 401, "{\"error\":{\"type\":\"auth\",\"title\":\"Unauthenticated\"},"
                + "\"status\":\"error\",\"status_message\":\"unauthenticated\"}");

        open(source.server().url("/busy"));
        assertThat(signals.next()).isEqualTo("failed http_503 PT1S");
        stream.close();

        open(source.server().url("/locked"));
        assertThat(signals.next()).isEqualTo("failed unauthenticated none");
        assertThat(time.pending()).isZero();
    }

    @Test
    void a_204_or_a_stream_of_another_type_is_not_an_event_stream() {
        source.server().on("/gone", RangeFile.status(204, Map.of()));
        source.server().json("/json", 200, "{\"events\":[]}");

        open(source.server().url("/gone"));
        assertThat(signals.next()).isEqualTo("failed stream_closed none");
        stream.close();

        open(source.server().url("/json"));
        assertThat(signals.next()).isEqualTo("failed not_an_event_stream PT1S");
    }

    @Test
    void close_lets_the_connection_go_and_stops_every_timer() throws Exception {
        open(source.url());
        EventSource.Connection connection = source.nextConnection();
        assertThat(signals.next()).isEqualTo("connected");

        stream.close();

        assertThat(stream.isConnected()).isFalse();
        assertThat(time.pending()).isZero();
        assertThat(connection.clientHasLeft()).isTrue();
        connection.drop();
        time.advance(Duration.ofMinutes(5));
        assertThat(source.server().received("/events")).hasSize(1);
        assertThat(signals.queued()).isEmpty();
    }

    /** The listener, as a queue of short strings the test takes one by one. */
    private static final class Signals implements EventStreamListener {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        @Override
        public void onConnected() {
            queue.add("connected");
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            queue.add("event " + event.type() + " " + event.data());
        }

        @Override
        public void onComment(String comment) {
            queue.add("comment " + comment);
        }

        @Override
        public void onDisconnected(JobFailure reason, Option<Duration> reconnectIn) {
            queue.add("disconnected " + reason.code() + " " + reconnectIn.map(Duration::toString).getOrElse("none"));
        }

        @Override
        public void onConnectFailed(JobFailure reason, Option<Duration> retryIn) {
            queue.add("failed " + reason.code() + " " + retryIn.map(Duration::toString).getOrElse("none"));
        }

        String next() {
            try {
                String next = queue.poll(5, TimeUnit.SECONDS);
                if (next == null) {
                    throw new AssertionError("no signal within 5 s");
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        java.util.List<String> queued() {
            return java.util.List.copyOf(queue);
        }
    }
}
