package io.imagine4j.spring.autoconfigure;

import io.imagine4j.http.auth.AuthScheme;
import io.imagine4j.openai.BodyEncoding;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code imagine4j.*} properties: which provider runs the jobs, its key, endpoint and default
 * options, how jobs are polled, the budget, the job store and the health check. The defaults are
 * the library's own ({@code ServiceSettings.defaults()}).
 *
 * <pre>{@code
 * imagine4j.provider=xai
 * imagine4j.xai.api-key=${XAI_API_KEY}          # or leave it out: XAI_API_KEY is read anyway
 * imagine4j.xai.defaults.duration=6s
 * imagine4j.polling.watch-timeout=30m
 * imagine4j.budget.per-submit=2.00
 * }</pre>
 *
 * <p>API keys never appear in {@link #toString()}, in the actuator's {@code env} and
 * {@code configprops} output (a sanitizing function masks them even when values are shown), nor in
 * a log line.
 */
@ConfigurationProperties("imagine4j")
public class Imagine4jProperties {

    /** Whether imagine4j is auto-configured at all. */
    private boolean enabled = true;

    /** The provider that runs the jobs: xai, openai or oxen. */
    private ProviderChoice provider = ProviderChoice.XAI;

    /**
     * This instance's name in the leases of a store shared by several instances (a host name helps
     * operators); random when unset. Never put a secret in it.
     */
    private String instance;

    /** Threads of the service's scheduler, which polls every job; jobs do not get a thread each. */
    private int threads = 4;

    /** Whether the store's unfinished jobs are followed again once the application has started. */
    private boolean resumeOnStart = true;

    private final Xai xai = new Xai();

    private final OpenAi openai = new OpenAi();

    private final Oxen oxen = new Oxen();

    private final Polling polling = new Polling();

    private final Budget budget = new Budget();

    private final Store store = new Store();

    private final Health health = new Health();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public ProviderChoice getProvider() {
        return provider;
    }

    public void setProvider(ProviderChoice provider) {
        this.provider = provider;
    }

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public boolean isResumeOnStart() {
        return resumeOnStart;
    }

    public void setResumeOnStart(boolean resumeOnStart) {
        this.resumeOnStart = resumeOnStart;
    }

    public Xai getXai() {
        return xai;
    }

    public OpenAi getOpenai() {
        return openai;
    }

    public Oxen getOxen() {
        return oxen;
    }

    public Polling getPolling() {
        return polling;
    }

    public Budget getBudget() {
        return budget;
    }

    public Store getStore() {
        return store;
    }

    public Health getHealth() {
        return health;
    }

    @Override
    public String toString() {
        return "Imagine4jProperties[enabled=" + enabled + ", provider=" + provider + ", xai=" + xai + ", openai=" + openai
                + ", oxen=" + oxen + "]";
    }

    /** The providers the starter can configure. */
    public enum ProviderChoice {
        /** xAI's Grok Imagine API. */
        XAI,
        /** An OpenAI-compatible {@code /v1/videos} server: OpenAI, Azure, LiteLLM, vLLM, gateways. */
        OPENAI,
        /** The Oxen.ai hub. */
        OXEN
    }

    /** What every provider is configured with. */
    public abstract static class ProviderSettings {

        /** The API key; when unset, the provider's usual environment variable is read. Never logged. */
        private String apiKey;

        /** The API's base URL; when unset, the provider's base-URL environment variable, else its public API. */
        private URI baseUrl;

        /** How long to wait for a connection. */
        private Duration connectTimeout = Duration.ofSeconds(10);

        /** How long to wait for an answer's headers. */
        private Duration readTimeout = Duration.ofSeconds(60);

        private final RequestDefaults defaults = new RequestDefaults();

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public URI getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public RequestDefaults getDefaults() {
            return defaults;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[apiKey=" + (apiKey == null ? "(from the environment)" : "(set, redacted)")
                    + ", baseUrl=" + baseUrl + ", defaults=" + defaults + "]";
        }
    }

    /** The xAI provider ({@code imagine4j.xai.*}); the key falls back to {@code XAI_API_KEY}. */
    public static class Xai extends ProviderSettings {

        /** The largest local image sent inline as a data: URI. */
        private DataSize maxInlineImageSize = DataSize.ofMegabytes(10);

        /** The largest local video sent inline as a data: URI; larger inputs need a public URL. */
        private DataSize maxInlineVideoSize = DataSize.ofMegabytes(32);

        public DataSize getMaxInlineImageSize() {
            return maxInlineImageSize;
        }

        public void setMaxInlineImageSize(DataSize maxInlineImageSize) {
            this.maxInlineImageSize = maxInlineImageSize;
        }

        public DataSize getMaxInlineVideoSize() {
            return maxInlineVideoSize;
        }

        public void setMaxInlineVideoSize(DataSize maxInlineVideoSize) {
            this.maxInlineVideoSize = maxInlineVideoSize;
        }
    }

    /** An OpenAI-compatible server ({@code imagine4j.openai.*}); the key falls back to {@code OPENAI_API_KEY}. */
    public static class OpenAi extends ProviderSettings {

        /** The provider's name in job ids and prices; give each server its own. */
        private String name = "openai";

        /** How the key travels: bearer (Authorization: Bearer) or api-key-header (Azure's api-key header). */
        private AuthScheme authScheme = AuthScheme.BEARER;

        /** How submits are sent: multipart (as the official SDKs do) or json. */
        private BodyEncoding encoding = BodyEncoding.MULTIPART;

        /** Whether an input image of another pixel size than the video is scaled and padded instead of refused. */
        private boolean fitInputImages;

        /** Headers sent with every call, only to the API's origin (OpenAI-Organization, a gateway's routing header); never a credential. */
        private final Map<String, String> headers = new LinkedHashMap<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public AuthScheme getAuthScheme() {
            return authScheme;
        }

        public void setAuthScheme(AuthScheme authScheme) {
            this.authScheme = authScheme;
        }

        public BodyEncoding getEncoding() {
            return encoding;
        }

        public void setEncoding(BodyEncoding encoding) {
            this.encoding = encoding;
        }

        public boolean isFitInputImages() {
            return fitInputImages;
        }

        public void setFitInputImages(boolean fitInputImages) {
            this.fitInputImages = fitInputImages;
        }

        public Map<String, String> getHeaders() {
            return headers;
        }
    }

    /** The Oxen.ai hub ({@code imagine4j.oxen.*}); the key falls back to {@code OXEN_API_KEY}. */
    public static class Oxen extends ProviderSettings {

        /** The public repository local inputs are uploaded to, as namespace/name (models fetch inputs without your key). */
        private String uploadRepository;

        /** Whether completion events are pushed over server-sent events, with polling as a slow safety net. */
        private boolean push = true;

        public String getUploadRepository() {
            return uploadRepository;
        }

        public void setUploadRepository(String uploadRepository) {
            this.uploadRepository = uploadRepository;
        }

        public boolean isPush() {
            return push;
        }

        public void setPush(boolean push) {
            this.push = push;
        }
    }

    /** Options given to every request that leaves them unset ({@code imagine4j.<provider>.defaults.*}). */
    public static class RequestDefaults {

        /** The model of requests that name none; else the provider's own default. */
        private String model;

        /** The length of videos whose request asks for none. */
        private Duration duration;

        /** The frame shape of requests that ask for none, written W:H (16:9, 9:16, 1:1...). */
        private String aspectRatio;

        /** The resolution of requests that ask for none (480p, 720p, 1080p...). */
        private String resolution;

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public Duration getDuration() {
            return duration;
        }

        public void setDuration(Duration duration) {
            this.duration = duration;
        }

        public String getAspectRatio() {
            return aspectRatio;
        }

        public void setAspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
        }

        public String getResolution() {
            return resolution;
        }

        public void setResolution(String resolution) {
            this.resolution = resolution;
        }

        @Override
        public String toString() {
            return "RequestDefaults[model=" + model + ", duration=" + duration + ", aspectRatio=" + aspectRatio
                    + ", resolution=" + resolution + "]";
        }
    }

    /** How jobs are followed ({@code imagine4j.polling.*}). */
    public static class Polling {

        /** The first wait between polls of a job that reports no progress. */
        private Duration initialInterval = Duration.ofSeconds(1);

        /** How much each wait grows over the previous one. */
        private double multiplier = 1.5;

        /** The longest wait between polls of a job that reports no progress. */
        private Duration maxInterval = Duration.ofSeconds(8);

        /** How much each wait is spread, as a fraction, so that jobs started together do not poll in lockstep. */
        private double jitter = 0.2;

        /** Whether a job that reports progress is polled near its predicted end instead of on the backoff. */
        private boolean progressAware = true;

        /** The longest wait between polls that a prediction may choose. */
        private Duration maxPredictedWait = Duration.ofSeconds(30);

        /** How long a job is followed before it ends as TIMEOUT (the provider may still finish it). */
        private Duration watchTimeout = Duration.ofHours(1);

        /** How often jobs are polled while the provider's push channel is healthy. */
        private Duration pushSafetyInterval = Duration.ofSeconds(60);

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        public double getJitter() {
            return jitter;
        }

        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        public boolean isProgressAware() {
            return progressAware;
        }

        public void setProgressAware(boolean progressAware) {
            this.progressAware = progressAware;
        }

        public Duration getMaxPredictedWait() {
            return maxPredictedWait;
        }

        public void setMaxPredictedWait(Duration maxPredictedWait) {
            this.maxPredictedWait = maxPredictedWait;
        }

        public Duration getWatchTimeout() {
            return watchTimeout;
        }

        public void setWatchTimeout(Duration watchTimeout) {
            this.watchTimeout = watchTimeout;
        }

        public Duration getPushSafetyInterval() {
            return pushSafetyInterval;
        }

        public void setPushSafetyInterval(Duration pushSafetyInterval) {
            this.pushSafetyInterval = pushSafetyInterval;
        }
    }

    /** A ceiling on estimated spending, in US dollars ({@code imagine4j.budget.*}); none unless set. */
    public static class Budget {

        /** The most one submit (all its generations) may cost. */
        private BigDecimal perSubmit;

        /** The most all submits of the application's life may cost together. */
        private BigDecimal total;

        public BigDecimal getPerSubmit() {
            return perSubmit;
        }

        public void setPerSubmit(BigDecimal perSubmit) {
            this.perSubmit = perSubmit;
        }

        public BigDecimal getTotal() {
            return total;
        }

        public void setTotal(BigDecimal total) {
            this.total = total;
        }
    }

    /** Where jobs are recorded ({@code imagine4j.store.*}). */
    public static class Store {

        /** Which store: auto (JDBC on the application's DataSource when imagine4j-store-jdbc is present, else memory), jdbc or memory. */
        private StoreType type = StoreType.AUTO;

        /** How long a lease on a job in a shared store lasts without renewal. */
        private Duration leaseDuration = Duration.ofMinutes(2);

        /** How often to claim the unfinished jobs of instances that died; unset: never (set it where instances share a store). */
        private Duration takeoverInterval;

        public StoreType getType() {
            return type;
        }

        public void setType(StoreType type) {
            this.type = type;
        }

        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        public Duration getTakeoverInterval() {
            return takeoverInterval;
        }

        public void setTakeoverInterval(Duration takeoverInterval) {
            this.takeoverInterval = takeoverInterval;
        }
    }

    /** The job stores the starter can configure. */
    public enum StoreType {
        /** JDBC on the application's DataSource when there is one and imagine4j-store-jdbc is present, else memory. */
        AUTO,
        /** The JDBC store on the application's DataSource; startup fails without one. */
        JDBC,
        /** In memory: jobs do not survive a restart. */
        MEMORY
    }

    /** The actuator health check of the provider ({@code imagine4j.health.*}). */
    public static class Health {

        /** How long one check's answer is reused; checks are free calls (the model list, or a poll of an unknown id). */
        private Duration cacheTime = Duration.ofMinutes(1);

        public Duration getCacheTime() {
            return cacheTime;
        }

        public void setCacheTime(Duration cacheTime) {
            this.cacheTime = cacheTime;
        }
    }
}
