package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The video models the Oxen simulator serves, each with the {@code request_schema} (plain JSON
 * Schema) its parameters are checked against when a generation runs.
 *
 * <pre>{@code
 * OxenModel edit = OxenModel.byId("xai-grok-imagine-video-edit-video").get();
 * edit.editsVideo();         // true: the result keeps the input video's length
 * edit.maxInputVideo();      // Some(PT8.7S)
 * }</pre>
 */
public enum OxenModel {

    /** xAI's text-to-video, or image-to-video with {@code input_image}. */
    GROK_IMAGINE_VIDEO("xai-grok-imagine-video", "Grok Imagine Video", "xAI",
            "Text-to-video and image-to-video by xAI's Grok Imagine.", List.of("text", "image"), 0.05,
            JsonObject.builder()
                    .put("type", "object")
                    .put("properties", JsonObject.builder()
                            .put("prompt", text("What the video shows."))
                            .put("input_image", url("An image to animate (image-to-video): a public URL or a data URI."))
                            .put("duration", JsonObject.builder().put("type", "integer").put("minimum", 1).put("maximum", 15)
                                    .put("default", 8).put("description", "Length in seconds.").build())
                            .put("aspect_ratio", choice("16:9", "Frame shape.", "1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3"))
                            .put("resolution", choice("480p", "Output resolution.", "480p", "720p"))
                            .put("seed", JsonObject.builder().put("type", "integer").build())
                            .build())
                    .put("required", List.of(new JsonString("prompt")))
                    .build(),
            Option.none()),

    /**
     * xAI's video edit: the result keeps the input's length, but Oxen resizes inputs to 854x480 and
     * truncates them to their first 8 s (documented on the model's page), so longer inputs make 8 s.
     */
    GROK_IMAGINE_VIDEO_EDIT("xai-grok-imagine-video-edit-video", "Grok Imagine Video Edit", "xAI",
            "Edits a video by xAI's Grok Imagine; inputs are resized to 854x480 and truncated to 8 s, and the result keeps"
                    + " the (truncated) input's length.",
            List.of("text", "video"), 0.05,
            JsonObject.builder()
                    .put("type", "object")
                    .put("properties", JsonObject.builder()
                            .put("prompt", text("How to change the video."))
                            .put("input_video", url("The video to edit: a public URL. Resized to 854x480 and truncated to 8 s."))
                            .put("resolution", choice("auto", "Output resolution; auto keeps the input's (at most 720p).",
                                    "auto", "480p", "720p"))
                            .build())
                    .put("required", List.of(new JsonString("prompt"), new JsonString("input_video")))
                    .build(),
            Option.some(Duration.ofSeconds(8))),

    /** xAI's image-to-video: the image is the first frame; the shape follows the image. */
    GROK_IMAGINE_VIDEO_IMAGE_TO_VIDEO("xai-grok-imagine-video-image-to-video", "Grok Imagine Image to Video", "xAI",
            "Animates an image by xAI's Grok Imagine, with audio.", List.of("text", "image"), 0.05,
            JsonObject.builder()
                    .put("type", "object")
                    .put("properties", JsonObject.builder()
                            .put("prompt", text("How the image moves."))
                            .put("input_image", url("The first frame: a public URL or a data URI."))
                            .put("duration", JsonObject.builder().put("type", "integer").put("minimum", 1).put("maximum", 15)
                                    .put("default", 8).put("description", "Length in seconds.").build())
                            .put("resolution", choice("480p", "Output resolution.", "480p", "720p"))
                            .put("seed", JsonObject.builder().put("type", "integer").build())
                            .build())
                    .put("required", List.of(new JsonString("input_image")))
                    .build(),
            Option.none()),

    /** A text/image-to-video model with fixed lengths, sound, and several prompts. */
    KLING_TEXT_TO_VIDEO("kling-video-v2-6-pro-text-to-video", "Kling Video 2.6 Pro", "Kuaishou",
            "Text-to-video by Kling, 5 or 10 seconds, optionally with sound.", List.of("text", "image"), 0.07,
            JsonObject.builder()
                    .put("type", "object")
                    .put("properties", JsonObject.builder()
                            .put("prompt", text("What the video shows."))
                            .put("multi_prompt", JsonObject.builder().put("type", "array").put("items", text("One shot."))
                                    .put("minItems", 1).put("maxItems", 6)
                                    .put("description", "Several prompts, one per shot, instead of prompt.").build())
                            .put("input_image", url("A first frame: a public URL."))
                            .put("duration", JsonObject.builder().put("type", "integer")
                                    .put("enum", List.of(JsonNumber.of(5), JsonNumber.of(10))).put("default", 5)
                                    .put("description", "Length in seconds.").build())
                            .put("aspect_ratio", choice("16:9", "Frame shape.", "16:9", "9:16", "1:1"))
                            .put("generate_audio", JsonObject.builder().put("type", "boolean").put("default", false)
                                    .put("description", "Add sound.").build())
                            .put("negative_prompt", JsonObject.builder().put("type", "string").build())
                            .build())
                    .put("anyOf", List.of(
                            JsonObject.builder().put("required", List.of(new JsonString("prompt"))).build(),
                            JsonObject.builder().put("required", List.of(new JsonString("multi_prompt"))).build()))
                    .build(),
            Option.none());

    /** When the simulator says the models were registered: 2025-01-01. */
    static final long CREATED = 1_735_689_600L;

    private final String id;
    private final String displayName;
    private final String developer;
    private final String description;
    private final List<String> inputs;
    private final double costPerSecond;
    private final JsonObject requestSchema;
    private final Option<Duration> inputTruncatedTo;

    OxenModel(String id, String displayName, String developer, String description, List<String> inputs, double costPerSecond,
              JsonObject requestSchema, Option<Duration> inputTruncatedTo) {
        this.id = id;
        this.displayName = displayName;
        this.developer = developer;
        this.description = description;
        this.inputs = inputs;
        this.costPerSecond = costPerSecond;
        this.requestSchema = requestSchema;
        this.inputTruncatedTo = inputTruncatedTo;
    }

    /** The model named {@code id} (Oxen also accepts a model's UUID there; the simulator knows names only). */
    public static Option<OxenModel> byId(String id) {
        return Option.ofOptional(Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst());
    }

    public String id() {
        return id;
    }

    /** The plain JSON Schema of the model's parameters, as {@code GET /ai/models/{id}} shows it. */
    JsonObject requestSchema() {
        return requestSchema;
    }

    /** Whether the model edits an {@code input_video} (its result then keeps the input's length). */
    public boolean editsVideo() {
        return inputTruncatedTo.isDefined();
    }

    /** How much of an input video the model edits: a longer input is cut to this length, not refused. */
    public Option<Duration> inputTruncatedTo() {
        return inputTruncatedTo;
    }

    /** What the model charges per second of output, in US dollars (its {@code pricing.cost_per_second}). */
    public BigDecimal costPerSecond() {
        return BigDecimal.valueOf(costPerSecond);
    }

    /** The schema's default for {@code property}, if it declares one. */
    Option<JsonValue> defaultOf(String property) {
        return requestSchema.object("properties").flatMap(properties -> properties.object(property))
                .flatMap(schema -> schema.get("default"));
    }

    /** The model object of {@code GET /ai/models/{id}} (OpenAI-compatible, plus Oxen's fields). */
    JsonObject toJson() {
        return JsonObject.builder()
                .put("id", id)
                .put("object", "model")
                .put("created", CREATED)
                .put("owned_by", "oxen")
                .put("display_name", displayName)
                .put("description", description)
                .put("summary", description)
                .put("developer", JsonObject.builder().put("name", developer).put("logo", JsonNull.INSTANCE).build())
                .put("endpoint", "/videos/generate")
                .put("model_type", "base")
                .put("capabilities", JsonObject.builder()
                        .put("input", inputs.stream().map(JsonString::new).toList())
                        .put("output", List.of(new JsonString("video")))
                        .build())
                .put("pricing", JsonObject.builder()
                        .put("method", "per_video_output_second")
                        .put("cost_per_second", new JsonNumber(costPerSecond()))
                        .build())
                .put("request_schema", requestSchema)
                .put("deployments", new JsonArray(List.of()))
                .put("fine_tuning", JsonNull.INSTANCE)
                .put("image_url", JsonNull.INSTANCE)
                .put("released_at", JsonNull.INSTANCE)
                .put("source_model", JsonNull.INSTANCE)
                .put("showcase", JsonNull.INSTANCE)
                .build();
    }

    private static JsonObject text(String description) {
        return JsonObject.builder().put("type", "string").put("minLength", 1).put("description", description).build();
    }

    private static JsonObject url(String description) {
        return JsonObject.builder().put("type", "string").put("format", "uri").put("description", description).build();
    }

    private static JsonObject choice(String fallback, String description, String... values) {
        return JsonObject.builder()
                .put("type", "string")
                .put("enum", Arrays.stream(values).map(JsonString::new).toList())
                .put("default", fallback)
                .put("description", description)
                .build();
    }
}
