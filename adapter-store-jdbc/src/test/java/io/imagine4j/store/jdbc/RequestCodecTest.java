package io.imagine4j.store.jdbc;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.VideoRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored form of requests, over generated requests: what can be sent again comes back equal, the rest never as something else. */
class RequestCodecTest {

    private static Path directory;
    private static List<Path> files;

    private final RequestCodec codec = new RequestCodec(new FileDigests());

    @BeforeContainer
    static void inputFiles() throws IOException {
        directory = Files.createTempDirectory("imagine4j-codec-");
        files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path file = directory.resolve("input-" + i + ".bin");
            Files.write(file, ("content of file " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            files.add(file);
        }
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // Edge cases off: jqwik would spend seconds combining them over this many generators; the
    // generators mix in the special values themselves (empty text, NaN, -0.0, negative scales).
    @Property(tries = 600, edgeCases = EdgeCasesMode.NONE)
    void a_request_that_can_be_sent_again_comes_back_equal(@ForAll("resendable") VideoRequest request) {
        String json = codec.encode(request);

        assertThat(codec.decode(json).get()).isEqualTo(request);
        assertThat(codec.encode(codec.decode(json).get())).isEqualTo(json);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void a_request_holding_bytes_in_memory_comes_back_as_the_reason_never_as_another_request(
            @ForAll("holdingBytes") VideoRequest request) {
        assertThat(codec.decode(codec.encode(request)).getLeft()).contains("bytes in memory, which are not stored");
    }

    @Example
    void bytes_are_stored_as_their_hash_and_size_never_as_content() {
        byte[] content = "a PNG would be here, base64 in no column".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String json = codec.encode(VideoRequest.imageToVideo("x", MediaSource.bytes(content)));

        assertThat(json).doesNotContain(Base64.getEncoder().encodeToString(content)).doesNotContain("PNG would be")
                .contains("\"sha256\":\"" + FileDigests.of(content).sha256() + "\"").contains("\"size\":" + content.length);
    }

    @Example
    void a_file_is_stored_as_its_path_and_hash_and_is_not_sent_again_once_changed_or_gone() throws IOException {
        Path file = Files.createTempFile(directory, "changing-", ".mp4");
        Files.writeString(file, "the clip as it was submitted");
        VideoRequest request = VideoRequest.edit("Make it snow", MediaSource.file(file));
        String json = codec.encode(request);
        assertThat(json).contains(file.toString()).doesNotContain("as it was submitted");
        assertThat(codec.decode(json).get()).isEqualTo(request);

        Files.writeString(file, "another clip, same name");
        assertThat(codec.decode(json).getLeft()).isEqualTo("the file " + file + " has changed since the job was recorded");

        Files.delete(file);
        assertThat(codec.decode(json).getLeft()).isEqualTo("the file " + file + " is gone or unreadable");
    }

    @Example
    void an_extra_that_is_not_json_is_refused_by_its_path() {
        VideoRequest request = VideoRequest.textToVideo("x").with(o -> o.withExtra("outer",
                java.util.Map.of("dates", List.of("fine", LocalDate.of(2026, 1, 1)))));

        assertThatThrownBy(() -> codec.encode(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'outer.dates[1]'").hasMessageContaining("java.time.LocalDate");
    }

    @Example
    void a_document_from_a_newer_version_is_read_past_unknown_fields_but_not_past_a_newer_format() {
        String json = codec.encode(VideoRequest.textToVideo("fox"));

        assertThat(codec.decode(json.replace("{\"format\":1,", "{\"format\":1,\"addedLater\":[1,2],")).get())
                .isEqualTo(VideoRequest.textToVideo("fox"));
        assertThatThrownBy(() -> codec.decode(json.replace("\"format\":1", "\"format\":2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newer imagine4j");
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<VideoRequest> resendable() {
        return RequestArbitraries.resendable(files);
    }

    @Provide
    Arbitrary<VideoRequest> holdingBytes() {
        return RequestArbitraries.holdingBytes(files);
    }
}
