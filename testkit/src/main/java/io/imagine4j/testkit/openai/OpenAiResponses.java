package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.sim.Reply;
import io.imagine4j.testkit.sim.SimJob;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The bodies the OpenAI video API sends, field for field as {@code openai-videos.openapi.json}
 * names them: the Video object, the list page, the deletion receipt, and the error envelope
 * {@code {"error":{"message","type","param","code"}}}.
 */
final class OpenAiResponses {

    /** The header with which OpenAI tells a client how long to wait before polling again. */
    static final String POLL_AFTER_HEADER = "openai-poll-after-ms";

    private OpenAiResponses() {
    }

    /** A Video object answer; while the job is unfinished it carries the poll hint. */
    static Reply.Answer video(SimJob<OpenAiJob> job, Instant now, Duration assetTtl, Duration pollAfter) {
        VideoState state = VideoState.of(job, now, assetTtl);
        Reply.Answer answer = Reply.json(200, videoObject(job, state));
        return state.isFinished() ? answer : answer.withHeader(POLL_AFTER_HEADER, String.valueOf(pollAfter.toMillis()));
    }

    /** The Video object, in the order of OpenAI's own example; every field present, {@code null} where unset. */
    static JsonObject videoObject(SimJob<OpenAiJob> job, VideoState state) {
        OpenAiJob spec = job.params();
        boolean millis = spec.shows(GatewayQuirk.MILLISECONDS);
        boolean gatewayStatuses = spec.shows(GatewayQuirk.STATUSES);
        return JsonObject.builder()
                .put("id", job.id())
                .put("object", "video")
                .put("model", spec.model())
                .put("status", state.wireStatus(gatewayStatuses))
                .put("progress", state.progress())
                .put("created_at", timestamp(job.submittedAt(), millis))
                .put("completed_at", state.completedAt().<JsonValue>map(at -> timestamp(at, millis)).getOrElse(JsonNull.INSTANCE))
                .put("expires_at", state.expiresAt().<JsonValue>map(at -> timestamp(at, millis)).getOrElse(JsonNull.INSTANCE))
                .put("prompt", spec.prompt())
                .put("size", spec.size())
                .put("seconds", spec.seconds())
                .put("remixed_from_video_id", spec.remixedFromVideoId().<JsonValue>map(JsonString::new).getOrElse(JsonNull.INSTANCE))
                .put("error", state.error(gatewayStatuses).<JsonValue>map(failure -> JsonObject.builder()
                        .put("code", failure.code()).put("message", failure.message()).build()).getOrElse(JsonNull.INSTANCE))
                .build();
    }

    /** {@code {"object":"list","data":[…],"first_id","last_id","has_more"}}; the ids are {@code null} on an empty page. */
    static Reply.Answer list(List<JsonObject> data, boolean hasMore) {
        JsonValue first = data.isEmpty() ? JsonNull.INSTANCE : data.get(0).get("id").get();
        JsonValue last = data.isEmpty() ? JsonNull.INSTANCE : data.get(data.size() - 1).get("id").get();
        return Reply.json(200, JsonObject.builder()
                .put("object", "list")
                .put("data", data)
                .put("first_id", first)
                .put("last_id", last)
                .put("has_more", hasMore)
                .build());
    }

    static Reply.Answer deleted(String id) {
        return Reply.json(200, JsonObject.builder().put("id", id).put("object", "video.deleted").put("deleted", true).build());
    }

    static Reply.Answer error(OpenAiRejection rejection) {
        return error(rejection.status(), rejection.type(), rejection.getMessage(), rejection.param(), rejection.code());
    }

    static Reply.Answer error(int status, String type, String message, Option<String> param, Option<String> code) {
        JsonObject error = JsonObject.builder()
                .put("message", message)
                .put("type", type)
                .put("param", param.<JsonValue>map(JsonString::new).getOrElse(JsonNull.INSTANCE))
                .put("code", code.<JsonValue>map(JsonString::new).getOrElse(JsonNull.INSTANCE))
                .build();
        return Reply.json(status, JsonObject.builder().put("error", error).build());
    }

    /** Unix seconds, as OpenAI sends them; milliseconds where a gateway does. */
    private static JsonValue timestamp(Instant at, boolean millis) {
        return JsonNumber.of(millis ? at.toEpochMilli() : at.getEpochSecond());
    }
}
