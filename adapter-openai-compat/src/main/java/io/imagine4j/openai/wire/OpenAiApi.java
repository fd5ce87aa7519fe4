package io.imagine4j.openai.wire;

import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.imagine4j.http.response.ApiResponse;

import java.util.Map;

/**
 * The JSON endpoints of the OpenAI-compatible video API, relative to the base URL
 * ({@code https://api.openai.com/v1}). Multipart creates do not go through Feign (its request body is
 * a byte array, so a file part would be read whole into memory): the adapter streams those itself.
 * Every method answers an {@link ApiResponse}, so the adapter reads statuses and headers
 * ({@code openai-poll-after-ms}, {@code x-request-id}) itself. {@code headers} are the configured
 * extra headers; credential headers among them are dropped by the transport.
 */
public interface OpenAiApi {

    @RequestLine("POST /videos")
    @Headers("Content-Type: application/json")
    ApiResponse<VideoObject> create(CreateBody body, @HeaderMap Map<String, String> headers);

    @RequestLine("POST /videos/edits")
    @Headers("Content-Type: application/json")
    ApiResponse<VideoObject> edit(DerivationBody body, @HeaderMap Map<String, String> headers);

    @RequestLine("POST /videos/extensions")
    @Headers("Content-Type: application/json")
    ApiResponse<VideoObject> extend(DerivationBody body, @HeaderMap Map<String, String> headers);

    @RequestLine("POST /videos/{video_id}/remix")
    @Headers("Content-Type: application/json")
    ApiResponse<VideoObject> remix(@Param("video_id") String videoId, RemixBody body, @HeaderMap Map<String, String> headers);

    @RequestLine("GET /videos/{video_id}")
    ApiResponse<VideoObject> retrieve(@Param("video_id") String videoId, @HeaderMap Map<String, String> headers);

    /** {@code query}: {@code limit}, {@code order}, and {@code after} (the last id of the previous page). */
    @RequestLine("GET /videos")
    ApiResponse<VideoList> list(@QueryMap Map<String, Object> query, @HeaderMap Map<String, String> headers);

    @RequestLine("DELETE /videos/{video_id}")
    ApiResponse<DeletedVideo> delete(@Param("video_id") String videoId, @HeaderMap Map<String, String> headers);
}
