package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.support.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Speaks xAI's REST protocol to an {@link XaiSimulator} the way an xAI client would. */
final class XaiClient {

    static final String KEY = "xai-test-key-0123456789";

    final XaiSimulator xai;
    final Http http = new Http();

    XaiClient(XaiSimulator xai) {
        this.xai = xai;
    }

    HttpResponse<byte[]> post(String endpoint, String json, String... headers) throws IOException {
        return http.post(URI.create(xai.baseUrl() + endpoint), json, withKey(headers));
    }

    /** Submits to {@code endpoint} and returns the request id, checking the 200 answer's exact shape. */
    String started(String endpoint, String json, String... headers) throws IOException {
        HttpResponse<byte[]> response = post(endpoint, json, headers);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        JsonObject body = Http.json(response);
        assertThat(body.members().keySet()).containsExactly("request_id");
        return body.string("request_id").get();
    }

    String generate(String json, String... headers) throws IOException {
        return started("/videos/generations", json, headers);
    }

    HttpResponse<byte[]> poll(String requestId) throws IOException {
        return http.get(URI.create(xai.baseUrl() + "/videos/" + requestId), withKey());
    }

    JsonObject polled(String requestId) throws IOException {
        return Http.json(poll(requestId));
    }

    /** The {@code video.url} of a done job. */
    URI resultUrl(String requestId) throws IOException {
        HttpResponse<byte[]> response = poll(requestId);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return URI.create(Http.json(response).object("video").flatMap(video -> video.string("url")).get());
    }

    /** Downloads a result the way clients must: a plain GET, no credential. */
    byte[] download(URI url) throws IOException {
        HttpResponse<byte[]> response = http.get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static String dataUri(String mediaType, byte[] content) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(content);
    }

    static String[] withKey(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** An xAI error body: flat, exactly {@code code} and {@code error} (and {@code usage} where billed). */
    static void assertFlatError(HttpResponse<byte[]> response, int status, String code, String messagePart) {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonObject body = Http.json(response);
        assertThat(Set.copyOf(body.members().keySet())).isEqualTo(Set.of("code", "error"));
        assertThat(body.string("code")).contains(code);
        assertThat(body.string("error").get()).contains(messagePart);
    }
}
