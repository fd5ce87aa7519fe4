package io.imagine4j.http.sse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Any events, written in the event-stream format with any line ends and split into any chunks, parse back. */
class ServerSentEventRoundTripTest {

    /** An event as a server writes it: optional type, id and preceding comment; data of any lines. */
    record Written(Optional<String> type, String data, Optional<String> id, Optional<String> comment) {
    }

    private static final String[] ENDINGS = {"\n", "\r\n", "\r"};

    @Property(tries = 400)
    void written_events_split_anywhere_parse_back(
            @ForAll("events") List<Written> events,
            @ForAll boolean byteOrderMark,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 2) Integer> endings,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 48) Integer> chunkSizes) throws IOException {
        byte[] stream = write(events, byteOrderMark, endings);
        List<ServerSentEvent> parsed = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        ServerSentEventParser parser = new ServerSentEventParser(new ServerSentEventHandler() {
            @Override
            public void onEvent(ServerSentEvent event) {
                parsed.add(event);
            }

            @Override
            public void onComment(String comment) {
                comments.add(comment);
            }
        });

        int position = 0;
        for (int i = 0; position < stream.length; i++) {
            int size = Math.min(chunkSizes.get(i % chunkSizes.size()), stream.length - position);
            parser.feed(stream, position, size);
            position += size;
        }
        parser.finish();

        assertThat(parsed).isEqualTo(expected(events));
        assertThat(comments).isEqualTo(events.stream().flatMap(e -> e.comment().stream()).toList());
    }

    @Property(tries = 300)
    void the_reader_over_a_chunked_input_stream_gives_the_same_events(
            @ForAll("events") List<Written> events,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 2) Integer> endings,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 48) Integer> chunkSizes) throws IOException {
        byte[] stream = write(events, false, endings);
        List<ServerSentEvent> read = new ArrayList<>();

        try (ServerSentEventReader reader = new ServerSentEventReader(new ChunkedInput(stream, chunkSizes))) {
            for (var next = reader.next(); next.isDefined(); next = reader.next()) {
                read.add(next.get());
            }
        }

        assertThat(read).isEqualTo(expected(events));
    }

    @Provide
    Arbitrary<List<Written>> events() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> text = Arbitraries.of("a", "b", "Z", "0", " ", ":", "é", "漢", "😀", "{\"k\":1}", "data: ", "\u0000", "\t")
                .list().ofMaxSize(12).map(parts -> String.join("", parts));
        Arbitrary<String> data = Arbitraries.oneOf(text, text.list().ofMinSize(1).ofMaxSize(5).map(lines -> String.join("\n", lines)));
        Arbitrary<String> id = Arbitraries.of("", "1", "42", "evt-7", " spaced", "é").list().ofMaxSize(3)
                .map(parts -> String.join("", parts));
        Arbitrary<String> comment = Arbitraries.of("keep-alive", "", " padded", "x: y", "漢");
        return Combinators.combine(name.optional(), data, id.optional(), comment.optional())
                .as(Written::new).list().ofMaxSize(8);
    }

    private static byte[] write(List<Written> events, boolean byteOrderMark, List<Integer> endings) {
        List<String> lines = new ArrayList<>();
        for (Written event : events) {
            event.comment().ifPresent(c -> lines.add(": " + c));
            event.type().ifPresent(t -> lines.add("event: " + t));
            event.id().ifPresent(i -> lines.add("id: " + i));
            for (String line : event.data().split("\n", -1)) {
                lines.add("data: " + line);
            }
            lines.add("");
        }
        StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
        String previous = "\n";
        for (int i = 0; i < lines.size(); i++) {
            String ending = ENDINGS[endings.get(i % endings.size())];
            if (previous.equals("\r") && lines.get(i).isEmpty() && ending.equals("\n")) {
                ending = "\r"; // CR then LF would read as one CRLF, swallowing this blank line
            }
            text.append(lines.get(i)).append(ending);
            previous = ending;
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<ServerSentEvent> expected(List<Written> events) {
        List<ServerSentEvent> expected = new ArrayList<>();
        String lastId = "";
        for (Written event : events) {
            if (event.id().isPresent() && event.id().get().indexOf('\0') < 0) {
                lastId = event.id().get();
            }
            expected.add(new ServerSentEvent(event.type().orElse("message"), event.data(), lastId));
        }
        return expected;
    }

    /** Hands out the bytes in chunks of the given sizes, one chunk per read. */
    private static final class ChunkedInput extends InputStream {
        private final byte[] bytes;
        private final List<Integer> sizes;
        private int position;
        private int reads;

        ChunkedInput(byte[] bytes, List<Integer> sizes) {
            this.bytes = bytes;
            this.sizes = sizes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int size = Math.min(Math.min(length, sizes.get(reads++ % sizes.size())), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, size);
            position += size;
            return size;
        }
    }

}
