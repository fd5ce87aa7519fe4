package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.support.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Speaks the OpenAI video protocol to an {@link OpenAiSimulator} the way the official SDKs do. */
final class OpenAiClient {

    static final String KEY = "sk-test-0123456789abcdefWXYZ";
    /** Every member of the Video object, in OpenAI's order. */
    static final List<String> VIDEO_FIELDS = List.of("id", "object", "model", "status", "progress", "created_at", "completed_at",
            "expires_at", "prompt", "size", "seconds", "remixed_from_video_id", "error");

    final OpenAiSimulator openai;
    final Http http = new Http();

    OpenAiClient(OpenAiSimulator openai) {
        this.openai = openai;
    }

    URI uri(String path) {
        return URI.create(openai.baseUrl() + path);
    }

    HttpResponse<byte[]> post(String path, MultipartBody body, String... headers) throws IOException {
        return http.send(Http.request(uri(path), withKey(headers)).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    HttpResponse<byte[]> postJson(String path, String json, String... headers) throws IOException {
        return http.post(uri(path), json, withKey(headers));
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException {
        return http.get(uri(path), withKey(headers));
    }

    HttpResponse<byte[]> delete(String path) throws IOException {
        return http.send(Http.request(uri(path), withKey()).DELETE().build());
    }

    /** {@code POST /videos} as the Node SDK sends it (multipart), with {@code prompt} and any further fields in pairs. */
    HttpResponse<byte[]> create(String prompt, String... fields) throws IOException {
        MultipartBody body = MultipartBody.of(MultipartBody.Style.NODE).field("prompt", prompt);
        for (int i = 0; i < fields.length; i += 2) {
            body.field(fields[i], fields[i + 1]);
        }
        return post("/videos", body);
    }

    /** Creates a video and returns its id, checking the answer is a Video object. */
    String created(String prompt, String... fields) throws IOException {
        return video(create(prompt, fields)).string("id").get();
    }

    HttpResponse<byte[]> retrieve(String id) throws IOException {
        return get("/videos/" + id);
    }

    JsonObject retrieved(String id) throws IOException {
        return video(retrieve(id));
    }

    HttpResponse<byte[]> content(String id, String query, String... headers) throws IOException {
        return get("/videos/" + id + "/content" + query, headers);
    }

    static String[] withKey(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** A 200 whose body is a whole Video object (every field, in order), with an {@code x-request-id}. */
    static JsonObject video(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).matches("req_[0-9a-f]{32}"));
        JsonObject video = Http.json(response);
        assertThat(List.copyOf(video.members().keySet())).isEqualTo(VIDEO_FIELDS);
        assertThat(video.string("object")).contains("video");
        return video;
    }

    /** OpenAI's error envelope, exactly {@code message}, {@code type}, {@code param}, {@code code}; null for an absent one. */
    static JsonObject assertError(HttpResponse<byte[]> response, int status, String type, String param, String code, String messagePart) {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonObject body = Http.json(response);
        assertThat(body.members().keySet()).containsExactly("error");
        JsonObject error = body.object("error").get();
        assertThat(Set.copyOf(error.members().keySet())).isEqualTo(Set.of("message", "type", "param", "code"));
        assertThat(error.string("type")).contains(type);
        assertThat(error.get("param").get()).isEqualTo(param == null ? JsonNull.INSTANCE : new JsonString(param));
        assertThat(error.get("code").get()).isEqualTo(code == null ? JsonNull.INSTANCE : new JsonString(code));
        assertThat(error.string("message").get()).contains(messagePart);
        return error;
    }
}
