package io.imagine4j.http.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.imagine4j.http.response.ApiResponse;

import java.util.Map;

/** An API whose Feign logger is at DEBUG in the tests' SLF4J configuration. */
interface LoggedApi {

    @RequestLine("POST /videos/generations")
    @Headers("Content-Type: application/json")
    ApiResponse<Map<String, Object>> generate(Map<String, Object> body);

    @RequestLine("GET /videos/{id}")
    @Headers({"api-key: {key}", "Cookie: session={key}"})
    ApiResponse<Map<String, Object>> pollWithOwnHeaders(@Param("id") String id, @Param("key") String key);
}
