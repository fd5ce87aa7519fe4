package io.imagine4j.oxen.wire;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.imagine4j.http.response.ApiResponse;

/**
 * The Oxen hub endpoints the adapter calls with Feign, relative to the base URL
 * ({@code https://hub.oxen.ai/api}). Every method answers an {@link ApiResponse}, so the adapter
 * sees each status itself: a 404 on the queue may be a finished job on an older server, and a
 * rejected enqueue may come as an empty {@code generations} array. The synchronous generate, the
 * uploads and the event stream stream their bodies, so they go through the JDK client instead.
 */
public interface OxenApi {

    @RequestLine("POST /ai/queue")
    @Headers("Content-Type: application/json")
    ApiResponse<Enqueued> enqueue(GenerationBody body);

    @RequestLine("GET /ai/queue/{generation_id}")
    ApiResponse<GenerationRow> generation(@Param("generation_id") String generationId);

    @RequestLine("DELETE /ai/queue/{generation_id}")
    ApiResponse<Cancelled> cancel(@Param("generation_id") String generationId);

    /** Active generations by default; {@code status} shows that status only, finished ones included. Null filters are left out. */
    @RequestLine("GET /ai/queue?status={status}&model={model}&media_type=video")
    ApiResponse<QueueList> queue(@Param("status") String status, @Param("model") String model);

    /** The history view, which keeps finished generations (with their cost) after the queue of an older server forgot them. */
    @RequestLine("GET /ai/generations/{generation_id}")
    ApiResponse<HistoryEntry> history(@Param("generation_id") String generationId);

    @RequestLine("GET /ai/models")
    ApiResponse<ModelList> models();

    @RequestLine("GET /ai/models/{id}")
    ApiResponse<ModelBody> model(@Param("id") String id);
}
