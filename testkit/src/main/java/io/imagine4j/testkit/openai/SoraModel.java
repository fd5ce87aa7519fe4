package io.imagine4j.testkit.openai;

import io.vavr.control.Option;

import java.util.Arrays;
import java.util.List;

/**
 * The models {@code openai-videos.openapi.json} names, with the sizes each renders: the
 * {@code sora-2} family only 720p portrait and landscape, the {@code sora-2-pro} family also the
 * tall and wide 1024x1792 / 1792x1024.
 *
 * <pre>{@code
 * SoraModel.byId("sora-2-pro").get().sizes();   // [720x1280, 1280x720, 1024x1792, 1792x1024]
 * }</pre>
 */
public enum SoraModel {
    SORA_2("sora-2", false),
    SORA_2_PRO("sora-2-pro", true),
    SORA_2_2025_10_06("sora-2-2025-10-06", false),
    SORA_2_PRO_2025_10_06("sora-2-pro-2025-10-06", true),
    SORA_2_2025_12_08("sora-2-2025-12-08", false);

    /** Every size the API knows, the default first. */
    public static final List<String> ALL_SIZES = List.of("720x1280", "1280x720", "1024x1792", "1792x1024");
    public static final String DEFAULT_SIZE = "720x1280";

    private final String id;
    private final boolean pro;

    SoraModel(String id, boolean pro) {
        this.id = id;
        this.pro = pro;
    }

    public String id() {
        return id;
    }

    /** The sizes this model renders. */
    public List<String> sizes() {
        return pro ? ALL_SIZES : ALL_SIZES.subList(0, 2);
    }

    public static Option<SoraModel> byId(String id) {
        return Option.ofOptional(Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst());
    }

    /** The ids, in the spec's order, for error messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SoraModel::id).toList();
    }
}
