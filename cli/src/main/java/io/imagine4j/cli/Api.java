package io.imagine4j.cli;

import io.imagine4j.openai.OpenAiVideos;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.xai.XaiVideo;
import io.vavr.control.Option;

import java.net.URI;
import java.util.Locale;

/**
 * The three wire APIs the command speaks, each with the variables that configure it. A job's
 * provider name in the store ({@code xai}, {@code openai}, {@code oxen}) is its API's name.
 */
enum Api {
    XAI("xai", "xAI", XaiVideo.API_KEY_VARIABLE, XaiVideo.BASE_URL_VARIABLE, XaiVideo.DEFAULT_BASE_URL),
    OPENAI("openai", "OpenAI-compatible API", OpenAiVideos.API_KEY_VARIABLE, OpenAiVideos.BASE_URL_VARIABLE,
            OpenAiVideos.DEFAULT_BASE_URL),
    OXEN("oxen", "Oxen hub", OxenHub.API_KEY_VARIABLE, OxenHub.BASE_URL_VARIABLE, OxenHub.DEFAULT_BASE_URL);

    private final String label;
    private final String title;
    private final String keyVariable;
    private final String baseUrlVariable;
    private final URI defaultBaseUrl;

    Api(String label, String title, String keyVariable, String baseUrlVariable, URI defaultBaseUrl) {
        this.label = label;
        this.title = title;
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The provider's name, as job ids and the store carry it. */
    String label() {
        return label;
    }

    /** For sentences: "the xAI simulator". */
    String title() {
        return title;
    }

    String keyVariable() {
        return keyVariable;
    }

    String baseUrlVariable() {
        return baseUrlVariable;
    }

    URI defaultBaseUrl() {
        return defaultBaseUrl;
    }

    static Option<Api> byLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Api api : values()) {
            if (api.label.equals(wanted)) {
                return Option.some(api);
            }
        }
        return Option.none();
    }

    /** The API a running simulator serves at {@code baseUrl}: the standalone simulator mounts them at /xai, /openai, /oxen. */
    static Api servedAt(String baseUrl) {
        String path = URI.create(baseUrl).getPath();
        path = path == null ? "" : path;
        if (path.startsWith("/openai")) {
            return OPENAI;
        }
        return path.startsWith("/oxen") ? OXEN : XAI;
    }

    static String labels() {
        StringBuilder names = new StringBuilder();
        for (Api api : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(api.label);
        }
        return names.toString();
    }
}
