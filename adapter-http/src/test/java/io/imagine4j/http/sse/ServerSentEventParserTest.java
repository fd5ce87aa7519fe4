package io.imagine4j.http.sse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standard's own examples and edge cases, one by one. */
class ServerSentEventParserTest {

    private final List<ServerSentEvent> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<Duration> retries = new ArrayList<>();
    private final ServerSentEventParser parser = new ServerSentEventParser(new ServerSentEventHandler() {
        @Override
        public void onEvent(ServerSentEvent event) {
            events.add(event);
        }

        @Override
        public void onComment(String comment) {
            comments.add(comment);
        }

        @Override
        public void onRetry(Duration reconnectionTime) {
            retries.add(reconnectionTime);
        }
    });

    private List<ServerSentEvent> parse(String stream) throws IOException {
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
        return events;
    }

    @Test
    void multi_line_data_is_joined_with_line_feeds() throws IOException {
        assertThat(parse("data: YHOO\ndata: +2\ndata: 10\n\n"))
                .containsExactly(ServerSentEvent.message("YHOO\n+2\n10"));
    }

    @Test
    void comments_ids_and_types() throws IOException {
        parse(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n"
                + "event: media_generation_completed\ndata: {}\n\n");

        assertThat(events).containsExactly(
                new ServerSentEvent("message", "first event", "1"),
                new ServerSentEvent("message", "second event", ""),
                new ServerSentEvent("message", " third event", ""),
                new ServerSentEvent("media_generation_completed", "{}", ""));
        assertThat(comments).containsExactly("test stream");
    }

    @Test
    void empty_data_lines_and_fields_without_colon() throws IOException {
        assertThat(parse("data\n\ndata\ndata\n\ndata:\n")).containsExactly(
                ServerSentEvent.message(""), ServerSentEvent.message("\n"));
    }

    @Test
    void an_id_persists_across_events_until_changed_and_one_with_nul_is_ignored() throws IOException {
        parse("id: 7\ndata: a\n\ndata: b\n\nid: 8\u0000x\ndata: c\n\n");

        assertThat(events).extracting(ServerSentEvent::lastEventId).containsExactly("7", "7", "7");
        assertThat(parser.lastEventId()).isEqualTo("7");
    }

    @Test
    void an_event_without_data_is_not_dispatched_and_its_type_is_forgotten() throws IOException {
        assertThat(parse("event: ping\n\ndata: x\n\n")).containsExactly(ServerSentEvent.message("x"));
    }

    @Test
    void retry_with_digits_only_is_reported() throws IOException {
        parse("retry: 3000\nretry: 1.5\nretry: x\nretry:\n: keep-alive\n\n");

        assertThat(retries).containsExactly(Duration.ofSeconds(3));
        assertThat(comments).containsExactly("keep-alive");
        assertThat(events).isEmpty();
    }

    @Test
    void cr_lf_and_crlf_all_end_lines_even_split_between_chunks() throws IOException {
        byte[] bytes = "data: a\r\ndata: b\rdata: c\n\r\n".getBytes(StandardCharsets.UTF_8);
        int crlf = 8; // between the CR and the LF of the first line end
        parser.feed(bytes, 0, crlf);
        parser.feed(ByteBuffer.wrap(bytes, crlf, bytes.length - crlf));

        assertThat(events).containsExactly(ServerSentEvent.message("a\nb\nc"));
    }

    @Test
    void a_leading_byte_order_mark_is_skipped() throws IOException {
        assertThat(parse("\uFEFFevent: x\ndata: y\n\n")).containsExactly(new ServerSentEvent("x", "y", ""));
    }

    @Test
    void an_unfinished_event_at_the_end_of_the_stream_is_dropped() throws IOException {
        ServerSentEventReader reader = new ServerSentEventReader(new ByteArrayInputStream(
                "data: whole\n\ndata: half".getBytes(StandardCharsets.UTF_8)));

        assertThat(reader.next().get()).isEqualTo(ServerSentEvent.message("whole"));
        assertThat(reader.next().isEmpty()).isTrue();
        assertThat(reader.next().isEmpty()).isTrue();
    }

    @Test
    void unknown_fields_are_ignored() throws IOException {
        assertThat(parse("foo: bar\ndata: x\n\n")).containsExactly(ServerSentEvent.message("x"));
    }

    @Test
    void lines_and_events_beyond_the_limits_fail_the_stream() {
        ServerSentEventParser small = new ServerSentEventParser(event -> { }, 16, 10);
        byte[] longLine = ("data: " + "x".repeat(20)).getBytes(StandardCharsets.UTF_8);
        byte[] longEvent = "data: 123456\ndata: 123456\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.feed(longLine, 0, longLine.length))
                .isInstanceOf(MalformedEventStreamException.class);
        assertThatThrownBy(() -> new ServerSentEventParser(event -> { }, 100, 10).feed(longEvent, 0, longEvent.length))
                .isInstanceOf(MalformedEventStreamException.class);
    }

    @Test
    void the_reader_reports_comments_to_its_side_channel() throws IOException {
        List<String> seen = new ArrayList<>();
        ServerSentEventReader reader = new ServerSentEventReader(new ByteArrayInputStream(
                ": keep-alive\n\ndata: x\n\n".getBytes(StandardCharsets.UTF_8)), new ServerSentEventHandler() {
            @Override
            public void onEvent(ServerSentEvent event) {
                seen.add("event");
            }

            @Override
            public void onComment(String comment) {
                seen.add(comment);
            }
        });

        assertThat(reader.next().get().data()).isEqualTo("x");
        assertThat(seen).containsExactly("keep-alive");
    }
}
