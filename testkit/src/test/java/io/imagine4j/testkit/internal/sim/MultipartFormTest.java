package io.imagine4j.testkit.internal.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=----imagine4jBoundary";

    static byte[] body(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(("------imagine4jBoundary\r\n" + part + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("------imagine4jBoundary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void reads_fields_and_file_parts_as_sdks_send_them() {
        MultipartForm form = MultipartForm.parse(TYPE, body(
                "Content-Disposition: form-data; name=\"prompt\"\r\n\r\nA fox",
                "Content-Disposition: form-data; name=\"seconds\"\r\n\r\n8",
                "Content-Disposition: form-data; name=\"input_reference\"; filename=\"frame.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG"));
        assertThat(form.field("prompt")).contains("A fox");
        assertThat(form.field("seconds")).contains("8");
        MultipartForm.Part file = form.part("input_reference").get();
        assertThat(file.filename()).contains("frame.png");
        assertThat(file.contentType()).contains("image/png");
        assertThat(form.field("input_reference")).isEmpty();
    }

    @Property(tries = 200)
    void any_binary_content_survives(@ForAll byte[] content, @ForAll @AlphaChars @NotEmpty @StringLength(max = 12) String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("------imagine4jBoundary\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"f.bin\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n------imagine4jBoundary--\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(MultipartForm.parse(TYPE, out.toByteArray()).part(name).get().content()).isEqualTo(content);
    }

    @Test
    void refuses_bodies_that_do_not_follow_the_format() {
        assertThatThrownBy(() -> MultipartForm.parse("application/json", new byte[0])).hasMessageContaining("not multipart");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", new byte[0])).hasMessageContaining("no boundary");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "garbage".getBytes())).hasMessageContaining("never opens");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "------imagine4jBoundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated".getBytes()))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, body("Content-Type: text/plain\r\n\r\nx")))
                .hasMessageContaining("Content-Disposition");
    }
}
