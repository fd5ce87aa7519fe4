package io.imagine4j.openai;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes of a multipart body, as RFC 7578 lays them out, the same whether streamed or written. */
class MultipartBodyTest {

    @Test
    void text_and_file_parts_are_framed_with_names_filenames_and_types(@TempDir Path dir) throws Exception {
        Path image = Files.write(dir.resolve("fox \"1\".png"), new byte[] {1, 2, 3});
        MultipartBody body = MultipartBody.builder().text("prompt", "A fox ü").text("seconds", "8")
                .file("input_reference", "fox \"1\".png", "image/png", image)
                .file("extra", "x.bin", "application/octet-stream", new byte[] {9}).build();

        String boundary = body.contentType().substring("multipart/form-data; boundary=".length());
        byte[] streamed = published(body.publisher());
        String text = new String(streamed, StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nA fox ü\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"seconds\"\r\n\r\n8\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"fox _1_.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n\u0001\u0002\u0003\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"extra\"; filename=\"x.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0009\r\n"
                + "--" + boundary + "--\r\n");
        assertThat(body.publisher().contentLength()).as("a known length: no chunked upload").isEqualTo(streamed.length);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        body.writeTo(written);
        assertThat(written.toByteArray()).isEqualTo(streamed);
    }

    @Test
    void a_file_is_read_when_the_body_is_sent_not_when_it_is_built(@TempDir Path dir) throws Exception {
        Path clip = Files.write(dir.resolve("clip.mp4"), new byte[] {1});
        MultipartBody body = MultipartBody.builder().file("video", "clip.mp4", "video/mp4", clip).build();
        Files.write(clip, new byte[] {7, 7, 7});

        assertThat(new String(published(body.publisher()), StandardCharsets.ISO_8859_1)).contains("\r\n\r\n\u0007\u0007\u0007\r\n");
    }

    @Test
    void boundaries_differ_between_bodies() {
        assertThat(MultipartBody.builder().build().contentType()).isNotEqualTo(MultipartBody.builder().build().contentType());
    }

    static byte[] published(HttpRequest.BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }
}
