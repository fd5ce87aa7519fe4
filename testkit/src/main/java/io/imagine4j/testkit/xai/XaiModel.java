package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.List;

/**
 * The video models the xAI simulator knows, with what each accepts and what it costs.
 *
 * <p>Prices are the simulator's, plausible rather than official: 0.05 USD per second of output
 * for {@code grok-imagine-video} and 0.07 USD for {@code grok-imagine-video-1.5}, doubled at
 * 1080p, reported in ticks (10,000,000,000 ticks = 1 USD), so an 8 s clip on the first model
 * costs 4,000,000,000 ticks.
 */
public enum XaiModel {

    GROK_IMAGINE_VIDEO("grok-imagine-video", "1.0.0", List.of("480p", "720p"), 500_000_000L, 1_743_724_800L),
    GROK_IMAGINE_VIDEO_1_5("grok-imagine-video-1.5", "1.5.0", List.of("480p", "720p", "1080p"), 700_000_000L, 1_767_225_600L);

    /** USD ticks in one dollar. */
    public static final long TICKS_PER_USD = 10_000_000_000L;

    private final String id;
    private final String version;
    private final List<String> resolutions;
    private final long ticksPerSecond;
    private final long created;

    XaiModel(String id, String version, List<String> resolutions, long ticksPerSecond, long created) {
        this.id = id;
        this.version = version;
        this.resolutions = resolutions;
        this.ticksPerSecond = ticksPerSecond;
        this.created = created;
    }

    public static Option<XaiModel> byId(String id) {
        return Option.ofOptional(Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst());
    }

    public String id() {
        return id;
    }

    public List<String> resolutions() {
        return resolutions;
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
                .put("input_modalities", JsonArray.of(new JsonString("text"), new JsonString("image"), new JsonString("video")))
                .put("output_modalities", JsonArray.of(new JsonString("video")))
                .put("aliases", new JsonArray(List.of()))
                .build();
    }
}
