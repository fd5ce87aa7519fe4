package io.imagine4j.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaSourceTest {

    @Test
    void a_local_file_is_typed_by_content_not_by_name(@TempDir Path dir) throws IOException {
        Path disguised = dir.resolve("photo.mp4");
        Files.write(disguised, MagicBytesTest.PNG);
        assertThat(MediaSource.file(disguised).mediaType().get()).contains(MediaType.PNG);
    }

    @Test
    void a_data_uri_is_typed_by_its_content_and_decodes() {
        String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(MagicBytesTest.PNG);
        MediaSource.Url url = (MediaSource.Url) MediaSource.url(data);
        assertThat(url.isDataUri()).isTrue();
        assertThat(url.mediaType().get()).contains(MediaType.PNG);
        assertThat(url.dataBytes().get()).isEqualTo(MagicBytesTest.PNG);
        assertThat(url.describe()).isEqualTo("data:image/png;base64,…");
    }

    @Test
    void a_remote_url_has_no_known_type_and_hides_its_query() {
        MediaSource source = MediaSource.url("https://cdn.example/v.mp4?X-Amz-Signature=secret");
        assertThat(source.mediaType().get()).isEmpty();
        assertThat(source.toString()).doesNotContain("secret").contains("https://cdn.example/v.mp4?…");
    }

    @Test
    void a_data_uri_whose_header_lies_is_typed_by_its_content_and_one_that_is_not_base64_cannot_be_read() {
        String lying = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(MagicBytesTest.PNG);
        assertThat(MediaSource.url(lying).mediaType().get()).contains(MediaType.PNG);
        assertThat(MediaSource.url("data:text/plain;base64,aGVsbG8=").mediaType().get()).isEmpty();
        assertThat(MediaSource.url("data:image/png,plain-text").mediaType().isFailure()).isTrue();
        assertThat(MediaSource.url("data:image/png;base64,@@not*base64").mediaType().getCause())
                .hasMessageContaining("not valid base64");
    }

    @Test
    void only_http_https_with_a_host_and_data_urls_are_media() {
        assertThatThrownBy(() -> MediaSource.url("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A media URL must be http, https or data: file:///etc/passwd");
        assertThatThrownBy(() -> MediaSource.url("ftp://example.com/a.mp4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaSource.url("https:fox.png")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A media URL must be an absolute http or https URL with a host, or a data: URI: https:fox.png");
        assertThatThrownBy(() -> MediaSource.url("http:/fox.png")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytes_are_copied_compared_by_content_and_never_printed() {
        byte[] data = MagicBytesTest.PNG.clone();
        MediaSource source = MediaSource.bytes(data);
        data[0] = 0;
        assertThat(source.mediaType().get()).contains(MediaType.PNG);
        assertThat(source).isEqualTo(MediaSource.bytes(MagicBytesTest.PNG)).hasSameHashCodeAs(MediaSource.bytes(MagicBytesTest.PNG));
        assertThat(source.toString()).isEqualTo("Bytes[16 bytes]");
    }
}
