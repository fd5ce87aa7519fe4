package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.sim.Reply;
import io.imagine4j.testkit.sim.SimJob;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Oxen's answers, field for field ({@code oxen-hub-ai.openapi.json}, {@code oxen-server-files.openapi.json},
 * PROTOCOLS.md §3): errors in Oxen's envelope, a rejected enqueue, queue rows with the request's
 * parameters merged in, the synchronous generate answer, models, commits and events.
 */
final class OxenResponses {

    /** Row fields the simulator writes itself: request parameters of the same name do not override them. */
    private static final Set<String> ROW_FIELDS = Set.of("generation_id", "model_name", "model", "media_type", "status",
            "result_url", "error_message", "enqueued_at", "started_at", "completed_at", "target_namespace", "target_repo",
            "target_directory");

    private OxenResponses() {
    }

    // ------------------------------------------------------------------ errors

    /** {@code {"error":{"type","title","detail"},"status":"error","status_message":type}} with a code fitting the status. */
    static Reply.Answer error(int status, String detail) {
        return error(status, code(status), title(status), detail);
    }

    static Reply.Answer error(int status, String code, String title, String detail) {
        JsonObject body = JsonObject.builder()
                .put("error", JsonObject.builder().put("type", code).put("title", title).put("detail", detail).build())
                .put("status", "error")
                .put("status_message", code)
                .build();
        return Reply.json(status, body);
    }

    /** The models endpoints' own shape (OpenAI-compatible): {@code {"error":{"message":"Model not found: x"}}}. */
    static Reply.Answer modelNotFound(String id) {
        return Reply.json(404, JsonObject.builder()
                .put("error", JsonObject.builder().put("message", "Model not found: " + id).build()).build());
    }

    /** A refused enqueue: no generations, and why. */
    static Reply.Answer rejected(int status, String message) {
        return Reply.json(status, JsonObject.builder()
                .put("generations", new JsonArray(List.of()))
                .put("error", message)
                .build());
    }

    // ------------------------------------------------------------------ queue

    static Reply.Answer enqueued(List<SimJob<OxenJob>> jobs, boolean legacy) {
        List<JsonObject> generations = jobs.stream()
                .map(job -> JsonObject.builder()
                        .put("generation_id", job.id())
                        // Older servers answered "processing" here; today's answer "queued".
                        .put("status", legacy ? GenerationState.PROCESSING : GenerationState.QUEUED)
                        .build())
                .toList();
        return Reply.json(200, JsonObject.builder().put("generations", generations).build());
    }

    /** One generation as the queue shows it, request parameters merged in at the top level. */
    static JsonObject row(SimJob<OxenJob> job, GenerationState state) {
        OxenJob spec = job.params();
        JsonObject params = (JsonObject) JsonReader.parse(spec.params());
        JsonObject.Builder row = JsonObject.builder()
                .put("generation_id", job.id())
                // Older servers called the field "model".
                .put(spec.legacy() ? "model" : "model_name", spec.model().id())
                .put("media_type", "video")
                .put("status", state.status());
        params.get("prompt").forEach(prompt -> row.put("prompt", prompt));
        row.put("result_url", nullable(state.resultUrl().map(URI::toString)))
                .put("error_message", nullable(state.error()))
                .put("enqueued_at", job.submittedAt().getEpochSecond())
                .put("started_at", nullableSeconds(state.startedAt()))
                .put("completed_at", nullableSeconds(state.completedAt()))
                .put("target_namespace", spec.target().namespace())
                .put("target_repo", nullable(spec.target().repo()))
                .put("target_directory", nullable(spec.target().directory()));
        params.members().forEach((name, value) -> {
            if (!ROW_FIELDS.contains(name) && !name.equals("prompt")) {
                row.put(name, value);
            }
        });
        return row.build();
    }

    /**
     * {@code GenerationsShowResponse}: the row under {@code generation}, with {@code cost} (a decimal
     * string: what a succeeded generation was charged, its model's price per output second times its
     * length; {@code null} when nothing was charged) and the owner's {@code username}.
     */
    static JsonObject historyEntry(SimJob<OxenJob> job, GenerationState state) {
        OxenJob spec = job.params();
        JsonObject.Builder generation = JsonObject.builder();
        row(job, state).members().forEach(generation::put);
        JsonValue cost = state.status().equals(GenerationState.SUCCEEDED)
                ? new JsonString(spec.model().costPerSecond().multiply(BigDecimal.valueOf(spec.length().toMillis(), 3))
                        .setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString())
                : JsonNull.INSTANCE;
        generation.put("cost", cost).put("user_id", JsonNull.INSTANCE).put("username", spec.owner().namespace());
        return JsonObject.builder()
                .put("status", "success")
                .put("status_message", "resource_found")
                .put("generation", generation.build())
                .build();
    }

    static Reply.Answer list(List<JsonObject> rows) {
        return Reply.json(200, JsonObject.builder().put("count", rows.size()).put("generations", rows).build());
    }

    static Reply.Answer cancelled(String id) {
        return Reply.json(200, JsonObject.builder().put("status", "success").put("generation_id", id).build());
    }

    // ------------------------------------------------------------------ synchronous generate

    /** {@code {"model","created","videos":[{"url"}]}}. */
    static Reply.Answer generated(OxenJob job, Instant created, URI url) {
        return generated(job, created, JsonObject.builder().put("url", url.toString()).build());
    }

    /** {@code {"model","created","videos":[{"b64_json"}]}} for {@code response_format: b64_json}. */
    static Reply.Answer generatedInline(OxenJob job, Instant created, byte[] video) {
        return generated(job, created, JsonObject.builder().put("b64_json", Base64.getEncoder().encodeToString(video)).build());
    }

    private static Reply.Answer generated(OxenJob job, Instant created, JsonObject video) {
        return Reply.json(200, JsonObject.builder()
                .put("model", job.model().id())
                .put("created", created.getEpochSecond())
                .put("videos", List.of(video))
                .build());
    }

    // ------------------------------------------------------------------ models

    static Reply.Answer models() {
        return Reply.json(200, JsonObject.builder()
                .put("object", "list")
                .put("data", Arrays.stream(OxenModel.values()).map(OxenModel::toJson).toList())
                .build());
    }

    // ------------------------------------------------------------------ files

    /** The file API's {@code CommitResponse}. */
    static Reply.Answer committed(RepoCommit commit) {
        return Reply.json(200, JsonObject.builder()
                .put("status", "success")
                .put("status_message", "resource_created")
                .put("commit", JsonObject.builder()
                        .put("id", commit.id())
                        .put("parent_ids", commit.parentIds().stream().map(JsonString::new).toList())
                        .put("message", commit.message())
                        .put("author", commit.author())
                        .put("email", commit.email())
                        .put("timestamp", commit.timestamp().toString())
                        .build())
                .build());
    }

    // ------------------------------------------------------------------ events

    /** {@code media_generation_completed}: the url when it succeeded, the error when it failed. */
    static ServerSentEvent completed(SimJob<OxenJob> job, GenerationState state) {
        JsonObject.Builder data = JsonObject.builder()
                .put("generation_id", job.id())
                .put("status", state.status())
                .put("media_type", "video")
                .put("model", job.params().model().id());
        state.resultUrl().forEach(url -> data.put("url", url.toString()));
        state.error().forEach(error -> data.put("error", error));
        return new ServerSentEvent(ServerSentEvent.COMPLETED, data.build().toJson());
    }

    /** {@code media_generation_started}: another event type on the same stream, which clients must skip. */
    static ServerSentEvent started(SimJob<OxenJob> job) {
        return new ServerSentEvent(ServerSentEvent.STARTED, JsonObject.builder()
                .put("generation_id", job.id())
                .put("status", GenerationState.PROCESSING)
                .put("media_type", "video")
                .put("model", job.params().model().id())
                .build().toJson());
    }

    /** {@code repository_updated}: an upload was committed. */
    static ServerSentEvent repositoryUpdated(String namespace, String repo, String branch, RepoCommit commit, List<String> paths) {
        return new ServerSentEvent(ServerSentEvent.REPOSITORY_UPDATED, JsonObject.builder()
                .put("namespace", namespace)
                .put("repo", repo)
                .put("branch", branch)
                .put("commit_id", commit.id())
                .put("paths", paths.stream().map(JsonString::new).toList())
                .build().toJson());
    }

    // ------------------------------------------------------------------ details

    private static JsonValue nullable(Option<String> value) {
        return value.<JsonValue>map(JsonString::new).getOrElse(JsonNull.INSTANCE);
    }

    private static JsonValue nullableSeconds(Option<Instant> value) {
        return value.<JsonValue>map(at -> JsonNumber.of(at.getEpochSecond())).getOrElse(JsonNull.INSTANCE);
    }

    /** The code and title Oxen's envelope carries for an HTTP status. */
    private record Kind(String code, String title) {
    }

    private static final Map<Integer, Kind> KINDS = Map.ofEntries(
            Map.entry(400, new Kind("invalid_params", "Invalid parameters")),
            Map.entry(401, new Kind("unauthenticated", "Unauthenticated")),
            Map.entry(402, new Kind("insufficient_credits", "Insufficient credits")),
            Map.entry(403, new Kind("forbidden", "Forbidden")),
            Map.entry(404, new Kind("resource_not_found", "Resource not found")),
            Map.entry(405, new Kind("method_not_allowed", "Method not allowed")),
            Map.entry(409, new Kind("conflict", "Conflict")),
            Map.entry(413, new Kind("payload_too_large", "Payload too large")),
            Map.entry(415, new Kind("unsupported_media_type", "Unsupported media type")),
            Map.entry(422, new Kind("invalid_params", "Invalid parameters")),
            Map.entry(429, new Kind("too_many_requests", "Too many requests")),
            Map.entry(500, new Kind("internal_server_error", "Internal server error")),
            Map.entry(502, new Kind("bad_gateway", "Bad gateway")),
            Map.entry(503, new Kind("service_unavailable", "Service unavailable")),
            Map.entry(504, new Kind("gateway_timeout", "Gateway timeout")));

    private static Kind kind(int status) {
        return KINDS.getOrDefault(status, KINDS.get(status >= 500 ? 500 : 400));
    }

    private static String code(int status) {
        return kind(status).code();
    }

    private static String title(int status) {
        return kind(status).title();
    }
}
