package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.List;

/**
 * The video models the xAI simulator knows, with what each accepts, what it costs, and what the
 * models endpoints say of it ({@code input_modalities}, {@code aliases}).
 *
 * <p>Prices are the simulator's, plausible rather than official: 0.05 USD per second of output
 * for {@code grok-imagine-video} and 0.07 USD for the {@code grok-imagine-video-1.5} family,
 * doubled at 1080p, reported in ticks (10,000,000,000 ticks = 1 USD), so an 8 s clip on the first
 * model costs 4,000,000,000 ticks.
 *
 * <p>{@code grok-imagine-video-1.5-preview} is listed as the live service's model list shows a
 * preview id beside the released ones: a model a client's built-in table does not know, with an
 * alias, which a client discovers and runs under its family's rules. The simulator gives it the
 * limits of its family; like xAI's own example model it declares only text and image inputs.
 */
public enum XaiModel {

    GROK_IMAGINE_VIDEO("grok-imagine-video", "1.0.0", List.of("480p", "720p"), 500_000_000L, 1_743_724_800L,
            List.of("text", "image"), List.of()),
    GROK_IMAGINE_VIDEO_1_5("grok-imagine-video-1.5", "1.5.0", List.of("480p", "720p", "1080p"), 700_000_000L,
            1_767_225_600L, List.of("text", "image"), List.of()),
    GROK_IMAGINE_VIDEO_1_5_PREVIEW("grok-imagine-video-1.5-preview", "1.5.0-preview", List.of("480p", "720p", "1080p"),
            700_000_000L, 1_780_099_200L, List.of("text", "image"), List.of("grok-imagine-video-1.5-2026-05-30"));

    /** USD ticks in one dollar. */
    public static final long TICKS_PER_USD = 10_000_000_000L;

    private final String id;
    private final String version;
    private final List<String> resolutions;
    private final long ticksPerSecond;
    private final long created;
    private final List<String> inputModalities;
    private final List<String> aliases;

    XaiModel(String id, String version, List<String> resolutions, long ticksPerSecond, long created,
             List<String> inputModalities, List<String> aliases) {
        this.id = id;
        this.version = version;
        this.resolutions = resolutions;
        this.ticksPerSecond = ticksPerSecond;
        this.created = created;
        this.inputModalities = inputModalities;
        this.aliases = aliases;
    }

    /** The model whose id is {@code id}. */
    public static Option<XaiModel> byId(String id) {
        return Option.ofOptional(Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst());
    }

    /** The model a request's {@code model} field names: its id or one of its aliases, as the service accepts both. */
    public static Option<XaiModel> named(String name) {
        return Option.ofOptional(Arrays.stream(values())
                .filter(model -> model.id.equals(name) || model.aliases.contains(name)).findFirst());
    }

    public String id() {
        return id;
    }

    public List<String> resolutions() {
        return resolutions;
    }

    public List<String> aliases() {
        return aliases;
    }

    public List<String> inputModalities() {
        return inputModalities;
    }

    /** What {@code seconds} of output cost at {@code resolution}, in USD ticks. */
    public long cost(int seconds, String resolution) {
        return seconds * ticksPerSecond * ("1080p".equals(resolution) ? 2 : 1);
    }

    /** The {@code VideoGenerationModel} object of the models endpoints. */
    JsonObject toJson() {
        return JsonObject.builder()
                .put("id", id)
                .put("fingerprint", "fp_sim" + Integer.toHexString(id.hashCode() & 0xFFFFF))
                .put("created", created)
                .put("object", "model")
                .put("owned_by", "xai")
                .put("version", version)
                .put("input_modalities", strings(inputModalities))
                .put("output_modalities", strings(List.of("video")))
                .put("aliases", strings(aliases))
                .build();
    }

    private static JsonArray strings(List<String> values) {
        return new JsonArray(values.stream().<JsonValue>map(JsonString::new).toList());
    }
}
