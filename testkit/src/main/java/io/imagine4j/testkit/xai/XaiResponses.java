package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonBoolean;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.internal.sim.Reply;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The bodies the xAI API sends, field for field as {@code xai-videos.openapi.json} names them, and
 * its flat error shape {@code {"code","error"}} where {@code code} is the gRPC status description
 * the live service uses.
 */
final class XaiResponses {

    static final String MODERATION_CODE = "imagine:content-moderated";
    static final String MODERATION_MESSAGE = "Generated video rejected by content moderation.";

    private XaiResponses() {
    }

    /** {@code 200 {"request_id": …}} */
    static Reply.Answer started(String requestId) {
        return Reply.json(200, JsonObject.builder().put("request_id", requestId).build());
    }

    /**
     * Pending, in the job's answer shape: natively HTTP 202 with status and progress; a gateway says
     * {@code queued} then {@code processing}, the OpenAI-SDK route {@code queued} then {@code in_progress}.
     */
    static Reply.Answer pending(XaiJob job, String requestId, boolean queued, int progress) {
        switch (job.answers()) {
            case GATEWAY:
                return Reply.json(200, queued ? JsonObject.builder().put("status", "queued").build()
                        : JsonObject.builder().put("status", "processing").put("progress", progress).build());
            case OPENAI_SDK:
                return Reply.json(200, openAiObject(job, requestId, queued ? "queued" : "in_progress").put("progress", progress).build());
            default:
                return Reply.json(202, JsonObject.builder().put("status", "pending").put("progress", progress).build());
        }
    }

    /**
     * Done, in the job's answer shape: natively the video under {@code video} (not at top level),
     * model, usage, progress 100; see {@link XaiAnswerShape} for the others.
     */
    static Reply.Answer done(XaiJob job, String requestId, URI url, Option<JsonObject> fileOutput) {
        JsonObject video = JsonObject.builder()
                .put("url", url.toString())
                .put("duration", job.reportedSeconds())
                .put("respect_moderation", true)
                .putIfPresent("file_output", fileOutput)
                .build();
        switch (job.answers()) {
            case GUIDE:
                return Reply.json(200, JsonObject.builder().put("url", url.toString()).put("duration", job.reportedSeconds()).build());
            case GATEWAY:
                return finished(job, "completed", video);
            case OPENAI_SDK:
                return Reply.json(200, openAiObject(job, requestId, "completed").put("progress", 100)
                        .put("data", List.of(JsonObject.builder().put("url", url.toString()).put("duration", job.reportedSeconds()).build()))
                        .build());
            case DONE_WITHOUT_VIDEO:
                return Reply.json(200, JsonObject.builder().put("status", "done").put("model", job.model().id())
                        .put("usage", usage(job)).put("progress", 100).build());
            default:
                return finished(job, "done", video);
        }
    }

    /** Moderated, reported as done with {@code respect_moderation:false} and an empty url (flat in the guide's shape). */
    static Reply.Answer moderatedFlag(XaiJob job) {
        JsonObject.Builder video = JsonObject.builder()
                .put("url", "")
                .put("duration", job.reportedSeconds())
                .put("respect_moderation", false);
        if (job.answers() == XaiAnswerShape.GUIDE) {
            return Reply.json(200, video.build());
        }
        return finished(job, job.answers() == XaiAnswerShape.GATEWAY ? "completed" : "done", video.build());
    }

    private static Reply.Answer finished(XaiJob job, String status, JsonObject video) {
        return Reply.json(200, JsonObject.builder()
                .put("status", status)
                .put("video", video)
                .put("model", job.model().id())
                .put("usage", usage(job))
                .put("progress", 100)
                .build());
    }

    /** The OpenAI-style object the OpenAI-SDK route answers with. */
    private static JsonObject.Builder openAiObject(XaiJob job, String requestId, String status) {
        return JsonObject.builder().put("id", requestId).put("object", "video").put("model", job.model().id()).put("status", status);
    }

    /** Moderated, reported as HTTP 400 on the poll (billed: usage included). */
    static Reply.Answer moderated400(XaiJob job) {
        return Reply.json(400, JsonObject.builder()
                .put("code", MODERATION_CODE)
                .put("error", MODERATION_MESSAGE)
                .put("usage", usage(job))
                .build());
    }

    /** Failed: HTTP 200 with a structured error; no model, video or progress. */
    static Reply.Answer failed(Outcome.Fail failure) {
        return Reply.json(200, JsonObject.builder()
                .put("status", "failed")
                .put("error", JsonObject.builder().put("code", failure.code()).put("message", failure.message()).build())
                .build());
    }

    static Reply.Answer expired() {
        return Reply.json(200, JsonObject.builder().put("status", "expired").build());
    }

    /** The flat error body: {@code {"code": "<gRPC description>", "error": "<message>"}}. */
    static Reply.Answer error(int status, String message) {
        if (status == 502 || status == 504) {
            return gatewayPage(status);
        }
        return Reply.json(status, JsonObject.builder().put("code", code(status)).put("error", message).build());
    }

    /** {@code GET /v1/video-generation-models}: every model, with its aliases and input modalities. */
    static Reply.Answer models() {
        return Reply.json(200, JsonObject.builder()
                .put("models", new JsonArray(Arrays.stream(XaiModel.values()).<JsonValue>map(XaiModel::toJson).toList()))
                .build());
    }

    /** The {@code file_output} of a job submitted with {@code storage_options}. */
    static JsonObject fileOutput(JsonObject storage, String requestId, URI url, Instant endedAt) {
        JsonObject.Builder output = JsonObject.builder()
                .put("file_id", "file-" + requestId)
                .put("filename", storage.string("filename").getOrElse("video.mp4"));
        storage.number("expires_after").forEach(seconds ->
                output.put("expires_at", new JsonNumber(BigDecimal.valueOf(endedAt.getEpochSecond()).add(seconds))));
        boolean publicUrl = storage.get("public_url").exists(value -> !(value instanceof JsonNull)
                && !value.equals(JsonBoolean.FALSE));
        if (publicUrl) {
            output.put("public_url", url.toString());
        }
        return output.build();
    }

    private static JsonObject usage(XaiJob job) {
        return JsonObject.builder().put("cost_in_usd_ticks", job.costTicks()).build();
    }

    /** What a load balancer in front of the API sends for 502/504: HTML, not JSON. */
    private static Reply.Answer gatewayPage(int status) {
        String title = status == 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
        return Reply.text(status, "text/html", "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
                + title + "</h1></center>\r\n</body>\r\n</html>\r\n");
    }

    private static String code(int status) {
        switch (status) {
            case 401:
                return "The request does not have valid authentication credentials";
            case 403:
                return "The caller does not have permission to execute the specified operation";
            case 404:
                return "Some requested entity was not found";
            case 405:
                return "Method not allowed";
            case 429:
                return "Some resource has been exhausted";
            case 503:
                return "The service is currently unavailable";
            default:
                return status >= 500 ? "Internal error" : "Client specified an invalid argument";
        }
    }
}
