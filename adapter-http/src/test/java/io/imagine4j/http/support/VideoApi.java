package io.imagine4j.http.support;

import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.imagine4j.http.response.ApiResponse;

import java.util.Map;

/** A small provider API, shaped like xAI's, for tests. The base URL ends in {@code /v1}. */
public interface VideoApi {

    @RequestLine("POST /videos/generations")
    @Headers("Content-Type: application/json")
    ApiResponse<Created> generate(Map<String, Object> body);

    @RequestLine("GET /videos/{id}")
    ApiResponse<Poll> poll(@Param("id") String id);

    @RequestLine("GET /videos/{id}/content")
    ApiResponse<Poll> redirected(@Param("id") String id);

    @RequestLine("POST /videos/{id}/remix")
    @Headers("Content-Type: application/json")
    ApiResponse<Created> remix(@Param("id") String id, Map<String, Object> body);

    /** Feign's way to call an absolute URL: the URI argument replaces the base URL. */
    @RequestLine("GET")
    ApiResponse<Poll> fetch(java.net.URI url);

    @RequestLine("GET /models")
    Models models();

    @RequestLine("GET /videos/{id}")
    @Headers("api-key: {key}")
    ApiResponse<Poll> pollWithOwnHeader(@Param("id") String id, @Param("key") String key);

    record Created(@JsonProperty("request_id") String requestId) {
    }

    record Poll(String status, Integer progress) {
    }

    record Models(java.util.List<String> data) {
    }
}
