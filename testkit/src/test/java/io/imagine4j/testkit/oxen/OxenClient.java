package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.support.Http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Speaks the Oxen hub's protocol to an {@link OxenSimulator} as an Oxen client would. */
final class OxenClient {

    static final String KEY = "oxen-test-key-0123456789";
    static final String OTHER_KEY = "someone-else-entirely";
    static final String TEXT_TO_VIDEO = "xai-grok-imagine-video";
    static final String EDIT = "xai-grok-imagine-video-edit-video";
    static final String IMAGE_TO_VIDEO = "xai-grok-imagine-video-image-to-video";

    final OxenSimulator oxen;
    final Http http = new Http();
    private final String key;

    OxenClient(OxenSimulator oxen) {
        this(oxen, KEY);
    }

    OxenClient(OxenSimulator oxen, String key) {
        this.oxen = oxen;
        this.key = key;
    }

    URI api(String path) {
        return URI.create(oxen.baseUrl() + path);
    }

    HttpResponse<byte[]> enqueue(String json, String... headers) throws IOException {
        return http.post(api("/ai/queue"), json, withKey(headers));
    }

    /** Enqueues and returns the generation ids, checking the answer's exact shape. */
    List<String> enqueued(String json, String... headers) throws IOException {
        HttpResponse<byte[]> response = enqueue(json, headers);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        JsonObject body = Http.json(response);
        assertThat(body.members().keySet()).containsExactly("generations");
        return ((JsonArray) body.get("generations").get()).elements().stream().map(element -> {
            JsonObject generation = (JsonObject) element;
            assertThat(generation.members().keySet()).containsExactly("generation_id", "status");
            return generation.string("generation_id").get();
        }).toList();
    }

    String enqueuedOne(String json, String... headers) throws IOException {
        List<String> ids = enqueued(json, headers);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    /** A text-to-video enqueue with this prompt and duration. */
    String generation(String prompt, int seconds) throws IOException {
        return enqueuedOne(JsonObject.builder().put("model", TEXT_TO_VIDEO).put("prompt", prompt).put("duration", seconds).build().toJson());
    }

    HttpResponse<byte[]> poll(String id) throws IOException {
        return http.get(api("/ai/queue/" + id), withKey());
    }

    JsonObject polled(String id) throws IOException {
        HttpResponse<byte[]> response = poll(id);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return Http.json(response);
    }

    String status(String id) throws IOException {
        return polled(id).string("status").get();
    }

    URI resultUrl(String id) throws IOException {
        return URI.create(polled(id).string("result_url").get());
    }

    HttpResponse<byte[]> cancel(String id) throws IOException {
        return http.send(Http.request(api("/ai/queue/" + id), withKey()).DELETE().build());
    }

    HttpResponse<byte[]> list(String query) throws IOException {
        return http.get(api("/ai/queue" + (query.isEmpty() ? "" : "?" + query)), withKey());
    }

    /** The generation ids a list answer holds, checking {@code count} agrees. */
    List<String> listed(String query) throws IOException {
        HttpResponse<byte[]> response = list(query);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        JsonObject body = Http.json(response);
        List<String> ids = ((JsonArray) body.get("generations").get()).elements().stream()
                .map(element -> ((JsonObject) element).string("generation_id").get()).toList();
        assertThat(body.number("count").get().intValueExact()).isEqualTo(ids.size());
        return ids;
    }

    /** Opens {@code GET /events}; returns once the headers arrived (the stream is subscribed by then). */
    EventLines events(String... headers) throws IOException {
        HttpResponse<InputStream> response = Http.unchecked(() -> {
            try {
                return http.client().send(Http.request(api("/events"), withKey(headers)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
        return new EventLines(response);
    }

    /** Starts a synchronous generate; the answer comes when the simulator's clock lets it. */
    CompletableFuture<HttpResponse<byte[]>> generate(String json, String... headers) {
        return http.client().sendAsync(Http.request(api("/ai/videos/generate"), withKey(headers))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code PUT /repos/{ns}/{repo}/file/{resource}} with these multipart parts: {field, filename or null, type or null, bytes}. */
    HttpResponse<byte[]> upload(String namespace, String repo, String resource, List<Part> parts) throws IOException {
        String boundary = "----imagine4j-oxen-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.field() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"") + "\r\n"
                    + (part.type() == null ? "" : "Content-Type: " + part.type() + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(part.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(Http.request(api("/repos/" + namespace + "/" + repo + "/file/" + resource), withKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    record Part(String field, String filename, String type, byte[] content) {
        static Part file(String field, String filename, String type, byte[] content) {
            return new Part(field, filename, type, content);
        }

        static Part text(String field, String value) {
            return new Part(field, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Downloads a public URL the way clients must: a plain GET, no credential. */
    byte[] download(URI url) throws IOException {
        HttpResponse<byte[]> response = http.get(url);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return response.body();
    }

    String[] withKey(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + key;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    static String json(Object... pairs) {
        JsonObject.Builder builder = JsonObject.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value instanceof Integer number) {
                builder.put((String) pairs[i], number.longValue());
            } else if (value instanceof Boolean flag) {
                builder.put((String) pairs[i], flag);
            } else if (value instanceof io.imagine4j.testkit.internal.json.JsonValue json) {
                builder.put((String) pairs[i], json);
            } else {
                builder.put((String) pairs[i], new JsonString(String.valueOf(value)));
            }
        }
        return builder.build().toJson();
    }

    /** An Oxen error envelope: exactly error{type,title,detail}, status "error", status_message. */
    static void assertOxenError(HttpResponse<byte[]> response, int status, String type, String detailPart) {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonObject body = Http.json(response);
        assertThat(body.members().keySet()).containsExactly("error", "status", "status_message");
        JsonObject error = body.object("error").get();
        assertThat(Set.copyOf(error.members().keySet())).isEqualTo(Set.of("type", "title", "detail"));
        assertThat(error.string("type")).contains(type);
        assertThat(error.string("detail").get()).contains(detailPart);
        assertThat(body.string("status")).contains("error");
        assertThat(body.string("status_message")).contains(type);
    }
}
