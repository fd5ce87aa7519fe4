package io.imagine4j.xai.wire;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.imagine4j.http.response.ApiResponse;

/**
 * The video endpoints of xAI's REST API, relative to the base URL ({@code https://api.x.ai/v1}).
 * Every method answers an {@link ApiResponse}, so the adapter sees statuses itself: a poll answers
 * 202 with or without a body, and 400 may be a moderation verdict.
 */
public interface XaiApi {

    @RequestLine("POST /videos/generations")
    @Headers("Content-Type: application/json")
    ApiResponse<StartedJob> generate(GenerationBody body);

    @RequestLine("POST /videos/edits")
    @Headers("Content-Type: application/json")
    ApiResponse<StartedJob> edit(EditBody body);

    @RequestLine("POST /videos/extensions")
    @Headers("Content-Type: application/json")
    ApiResponse<StartedJob> extend(ExtensionBody body);

    @RequestLine("GET /videos/{request_id}")
    ApiResponse<VideoStatus> poll(@Param("request_id") String requestId);

    @RequestLine("GET /video-generation-models")
    ApiResponse<ModelList> models();

    @RequestLine("GET /video-generation-models/{model_id}")
    ApiResponse<VideoModel> model(@Param("model_id") String modelId);
}
