package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.support.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

/** Talks to a {@link ToySimulator} with a key, as a client of that made-up protocol would. */
final class ToyClient {

    static final String KEY = "toy-secret-key";

    private final ToySimulator toy;
    final Http http = new Http();

    ToyClient(ToySimulator toy) {
        this.toy = toy;
    }

    HttpResponse<byte[]> submit(String prompt, String... headers) throws IOException {
        String body = JsonObject.builder().put("prompt", new JsonString(prompt)).build().toJson();
        return http.post(api("/jobs"), body, withKey(headers));
    }

    /** Submits and returns the new job's id. */
    String submitted(String prompt, String... headers) throws IOException {
        HttpResponse<byte[]> response = submit(prompt, headers);
        if (response.statusCode() != 201) {
            throw new AssertionError("submit answered " + response.statusCode() + ": " + Http.text(response));
        }
        return Http.json(response).string("id").get();
    }

    HttpResponse<byte[]> poll(String id) throws IOException {
        return http.get(api("/jobs/" + id), withKey());
    }

    JsonObject polled(String id) throws IOException {
        return Http.json(poll(id));
    }

    URI api(String path) {
        return URI.create(toy.baseUrl() + path);
    }

    static String[] withKey(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "api-key";
        all[1] = KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
