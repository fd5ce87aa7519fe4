package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.internal.sim.CallHandler;
import io.imagine4j.testkit.internal.sim.DirectiveResolution;
import io.imagine4j.testkit.internal.sim.HostedFile;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.internal.sim.RejectedCall;
import io.imagine4j.testkit.internal.sim.Reply;
import io.imagine4j.testkit.internal.sim.Routes;
import io.imagine4j.testkit.internal.sim.SimExchange;
import io.imagine4j.testkit.sim.SimJob;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.internal.sim.StorageHost;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback HTTP simulator of the OpenAI-compatible video API (PROTOCOLS.md §2,
 * {@code openai-videos.openapi.json}): {@code POST /videos} as multipart (as every official SDK
 * sends it) or JSON, the Video object with {@code seconds} as a string, the
 * {@code openai-poll-after-ms} hint, cursor-paginated listing, delete, remix, edits and extensions,
 * and {@code /content} downloads (video with byte ranges, a WebP thumbnail, a JPEG spritesheet) that
 * need the key. Every answer carries an {@code x-request-id}; errors are
 * {@code {"error":{"message","type","param","code"}}}. The key is accepted as
 * {@code Authorization: Bearer …} or as Azure's {@code api-key: …}.
 *
 * <pre>{@code
 * try (OpenAiSimulator openai = OpenAiSimulator.start()) {   // manual clock, any non-empty key
 *     // point the client at openai.baseUrl() (http://127.0.0.1:PORT/v1), create a video, then:
 *     openai.advance(Duration.ofSeconds(3));                  // the default job is completed after 3 s
 *     assertThat(openai.calls(Call.SUBMIT)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Per job, by directive in the prompt or the {@code X-Imagine4j-Sim} header, the shared
 * vocabulary ({@code Directives}) plus this simulator's own: {@code gateway} (all gateway quirks:
 * statuses {@code pending/processing/succeeded/expired/cancelled}, timestamps in milliseconds, ids
 * rewritten to {@code vid-<uuid>}), each quirk alone ({@code gateway=statuses}, {@code gateway=ms},
 * {@code gateway=ids}), and {@code content=redirect} / {@code content=direct} ({@link ContentDelivery}).
 * Moderation fails the job with {@code error.code} {@code moderation_blocked}.
 *
 * <p>In redirect mode {@code /content} answers {@code 302} to a signed storage URL whose host is
 * {@value #STORAGE_HOST} rather than {@code 127.0.0.1}: the same server, but another origin for
 * every HTTP client, so a client that keeps its key across a cross-origin redirect sends it there,
 * and {@link #credentialLeaks()} records it.
 */
public final class OpenAiSimulator extends HttpSimulator<OpenAiJob> {

    /** The host name of redirect targets: another origin than the API's {@code 127.0.0.1}, the same loopback server. */
    public static final String STORAGE_HOST = "localhost";
    /** {@code limit} of a list without one, as OpenAI's list endpoints default. */
    public static final int DEFAULT_LIST_LIMIT = 20;
    public static final int MAX_LIST_LIMIT = 100;

    static final String GATEWAY = "gateway";
    static final String CONTENT_REDIRECT = "content=redirect";
    static final String CONTENT_DIRECT = "content=direct";
    static final List<String> VARIANTS = List.of("video", "thumbnail", "spritesheet");

    // The id is drawn inside admit(), after the directives chose its style; the choice travels on
    // the submitting thread, so concurrent submits of both styles never mix.
    private static final ThreadLocal<Boolean> GATEWAY_IDS = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final OpenAiSettings settings;
    private final OpenAiRequests requests;

    /** A simulator not yet serving: {@link #start} it, or mount it on a {@code SimulatorServer}. */
    public OpenAiSimulator(SimulatorOptions options) {
        this(options, OpenAiSettings.defaults());
    }

    public OpenAiSimulator(SimulatorOptions options, OpenAiSettings settings) {
        super(options, OpenAiSimulator::nextId);
        this.settings = settings;
        this.requests = new OpenAiRequests(url -> hostedAt(url).map(HostedFile::content));
    }

    /** Serves on 127.0.0.1, ephemeral port, manual clock, any non-empty key, OpenAI's own behaviour. */
    public static OpenAiSimulator start() {
        return start(SimulatorOptions.forTests());
    }

    public static OpenAiSimulator start(SimulatorOptions options) {
        return serveAlone(new OpenAiSimulator(options));
    }

    public static OpenAiSimulator start(SimulatorOptions options, OpenAiSettings settings) {
        return serveAlone(new OpenAiSimulator(options, settings));
    }

    public OpenAiSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    protected String apiRoot() {
        return "/v1";
    }

    @Override
    protected void routes(Routes routes) {
        routes.post("/v1/videos", Call.SUBMIT, guarded(this::create))
                .get("/v1/videos", Call.LIST, guarded(this::list))
                .get("/v1/videos/{video_id}", Call.POLL, guarded(this::retrieve))
                .delete("/v1/videos/{video_id}", Call.DELETE, guarded(this::delete))
                .post("/v1/videos/{video_id}/remix", Call.SUBMIT, guarded(this::remix))
                .get("/v1/videos/{video_id}/content", Call.CONTENT, guarded(this::content))
                .post("/v1/videos/edits", Call.SUBMIT, guarded(exchange -> derive(exchange, OpenAiJobKind.EDIT)))
                .post("/v1/videos/extensions", Call.SUBMIT, guarded(exchange -> derive(exchange, OpenAiJobKind.EXTENSION)));
    }

    /** OpenAI's envelope; 429 is a {@code requests} error with {@code rate_limit_exceeded}, 5xx a {@code server_error}. */
    @Override
    protected Reply.Answer error(RejectedCall rejection) {
        int status = rejection.status();
        String type = status == 429 ? "requests" : status >= 500 ? "server_error" : OpenAiRejection.INVALID_REQUEST;
        Option<String> code = status == 429 ? Option.some("rate_limit_exceeded") : Option.none();
        return OpenAiResponses.error(status, type, rejection.getMessage(), rejection.param(), code);
    }

    /** {@code Authorization: Bearer …} (OpenAI, LiteLLM, vLLM) or {@code api-key: …} (Azure). */
    @Override
    protected Option<String> presentedKey(SimRequest request) {
        return request.bearerToken().orElse(() -> request.header("api-key").map(String::trim));
    }

    /** 401 either way: no code for a missing key, {@code invalid_api_key} for a wrong one. */
    @Override
    protected Reply authFailure(ApiKeys.Verdict verdict, SimExchange exchange) {
        if (verdict == ApiKeys.Verdict.MISSING) {
            return OpenAiResponses.error(401, OpenAiRejection.INVALID_REQUEST, "You didn't provide an API key. Send it in an "
                    + "Authorization header as 'Bearer YOUR_KEY' (Azure: an 'api-key' header).", Option.none(), Option.none());
        }
        String masked = mask(presentedKey(exchange.request()).getOrElse(""));
        return OpenAiResponses.error(401, OpenAiRejection.INVALID_REQUEST, "Incorrect API key provided: " + masked
                + ". You can find your API key at https://platform.openai.com/account/api-keys.", Option.none(), Option.some("invalid_api_key"));
    }

    /** {@code x-request-id} on every API answer, errors and faults included (not on storage downloads). */
    @Override
    protected Map<String, String> commonHeaders(SimRequest request) {
        if (request.path().startsWith(hostedPath() + "/")) {
            return Map.of();
        }
        return Map.of("x-request-id", "req_" + HexFormat.of().formatHex(randomBytes(16)));
    }

    @Override
    protected Set<String> dialectDirectives() {
        Set<String> tokens = new LinkedHashSet<>(List.of(GATEWAY, CONTENT_REDIRECT, CONTENT_DIRECT));
        for (GatewayQuirk quirk : GatewayQuirk.values()) {
            tokens.add(quirk.directive());
        }
        return tokens;
    }

    @Override
    protected String dialectVocabulary() {
        return "The OpenAI simulator also knows: gateway (statuses pending/processing/succeeded/expired/cancelled, "
                + "timestamps in milliseconds, ids rewritten), gateway=statuses, gateway=ms, gateway=ids (one quirk each), "
                + "content=redirect (/content answers 302 to a storage URL on another origin) and content=direct";
    }

    // ------------------------------------------------------------------ endpoints

    private Reply create(SimExchange exchange) {
        OpenAiRequests.Create create = requests.create(exchange.request());
        OpenAiJob job = new OpenAiJob(OpenAiJobKind.CREATE, create.model().id(), create.prompt(), create.size(), create.seconds(),
                Duration.ofSeconds(Integer.parseInt(create.seconds())), Option.none(), create.inputReference(), Set.of(),
                settings.contentDelivery());
        return submit(exchange, job);
    }

    private Reply remix(SimExchange exchange) {
        String prompt = requests.remixPrompt(exchange.request());
        SimJob<OpenAiJob> source = completed(exchange.param("video_id"), exchange.now(), "remixed");
        OpenAiJob from = source.params();
        OpenAiJob job = new OpenAiJob(OpenAiJobKind.REMIX, from.model(), prompt, from.size(), from.seconds(), from.length(),
                Option.some(source.id()), Option.none(), Set.of(), settings.contentDelivery());
        return submit(exchange, job);
    }

    private Reply derive(SimExchange exchange, OpenAiJobKind kind) {
        OpenAiRequests.Derivation derivation = kind == OpenAiJobKind.EDIT ? requests.edit(exchange.request())
                : requests.extension(exchange.request());
        Duration input;
        String model = SoraModel.SORA_2.id();
        String size = SoraModel.DEFAULT_SIZE;
        Option<String> sourceId = Option.none();
        if (derivation.video() instanceof VideoInput.Reference reference) {
            SimJob<OpenAiJob> source = completed(reference.id(), exchange.now(), kind == OpenAiJobKind.EDIT ? "edited" : "extended");
            input = source.params().length();
            model = source.params().model();
            size = source.params().size();
            sourceId = Option.some(source.id());
        } else {
            input = ((VideoInput.Upload) derivation.video()).length();
        }
        Duration length = derivation.seconds().map(segment -> input.plusSeconds(Integer.parseInt(segment))).getOrElse(input);
        OpenAiJob job = new OpenAiJob(kind, model, derivation.prompt(), size, wholeSeconds(length), length, sourceId, Option.none(),
                Set.of(), settings.contentDelivery());
        return submit(exchange, job);
    }

    private Reply retrieve(SimExchange exchange) {
        SimJob<OpenAiJob> job = find(exchange.param("video_id"));
        return exchange.faultOf(job).getOrElse(() -> video(job, exchange.now()));
    }

    private Reply list(SimExchange exchange) {
        Map<String, String> query = exchange.request().query();
        int limit = limit(query.get("limit"));
        String order = query.getOrDefault("order", "desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw OpenAiRejection.invalidValue("order", order, List.of("asc", "desc"));
        }
        List<SimJob<OpenAiJob>> ordered = new ArrayList<>(registry().all());
        if (order.equals("desc")) {
            Collections.reverse(ordered);
        }
        int start = 0;
        String after = query.get("after");
        if (after != null && !after.isEmpty()) {
            int at = indexOf(ordered, after);
            if (at < 0) {
                throw OpenAiRejection.badRequest("after", "invalid_value", "Invalid 'after': no video with id '" + after + "' to list after.");
            }
            start = at + 1;
        }
        int end = Math.min(ordered.size(), start + limit);
        List<JsonObject> page = new ArrayList<>();
        for (SimJob<OpenAiJob> job : ordered.subList(start, end)) {
            page.add(OpenAiResponses.videoObject(job, VideoState.of(job, exchange.now(), options().resultTtl())));
        }
        return OpenAiResponses.list(page, end < ordered.size());
    }

    /**
     * A completed or failed video is forgotten, and with it its content; an unfinished one cannot be
     * deleted, except through a gateway that cancels it instead.
     */
    private Reply delete(SimExchange exchange) {
        SimJob<OpenAiJob> job = find(exchange.param("video_id"));
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        VideoState state = VideoState.of(job, exchange.now(), options().resultTtl());
        if (state.isFinished()) {
            registry().remove(job.id());
            unhostJob(job.id()); // a deleted video's signed storage URLs stop serving too
            return OpenAiResponses.deleted(job.id());
        }
        if (job.params().shows(GatewayQuirk.STATUSES)) {
            job.cancel(exchange.now());
            return video(job, exchange.now());
        }
        throw OpenAiRejection.badRequest(null, null, "Video " + job.id() + " is " + state.wireStatus(false)
                + "; only completed or failed videos can be deleted.");
    }

    private Reply content(SimExchange exchange) {
        SimJob<OpenAiJob> job = find(exchange.param("video_id"));
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        String variant = exchange.request().query().getOrDefault("variant", "video");
        if (!VARIANTS.contains(variant)) {
            throw OpenAiRejection.invalidValue("variant", variant, VARIANTS);
        }
        VideoState state = VideoState.of(job, exchange.now(), options().resultTtl());
        boolean gateway = job.params().shows(GatewayQuirk.STATUSES);
        if (!state.isCompleted()) {
            throw OpenAiRejection.notFound(null, "Video " + job.id() + " has no content: it is " + state.wireStatus(gateway)
                    + (state.isFinished() ? "." : ". Download it once it is completed."));
        }
        if (state.hasExpired(exchange.now())) {
            throw OpenAiRejection.notFound(null, "The content of video " + job.id() + " has expired.");
        }
        Asset asset = asset(job, variant);
        if (job.params().contentDelivery() == ContentDelivery.REDIRECT) {
            HostedFile file = host(asset.fileName(), asset.contentType(), asset.bytes()::get, Option.some(job.id()), state.expiresAt());
            return new Reply.Answer(302, Map.of("Location", signed(file.url(), state.expiresAt().get()).toString()), new byte[0]);
        }
        String etag = job.id() + "-" + variant;
        if (variant.equals("video")) {
            Reply.Answer served = StorageHost.serve(exchange.request(), asset.bytes().get(), asset.contentType(), etag);
            if (served.status() == 416) {
                return OpenAiResponses.error(416, OpenAiRejection.INVALID_REQUEST, "The requested range is not satisfiable.",
                        Option.none(), Option.none()).withHeader("Content-Range", served.headers().get("Content-Range"));
            }
            return served;
        }
        return Reply.bytes(200, asset.contentType(), asset.bytes().get()).withHeader("ETag", "\"" + etag + "\"");
    }

    // ------------------------------------------------------------------ details

    /** Reads the directives, shapes the job by this simulator's own tokens, and admits it. */
    private Reply submit(SimExchange exchange, OpenAiJob job) {
        DirectiveResolution directives = directives(exchange, job.prompt());
        OpenAiJob spoken = job.speaking(quirks(directives), delivery(directives));
        Either<Reply, SimJob<OpenAiJob>> admitted;
        GATEWAY_IDS.set(spoken.shows(GatewayQuirk.IDS));
        try {
            admitted = admit(exchange, directives, spoken);
        } finally {
            GATEWAY_IDS.remove();
        }
        return admitted.fold(refusal -> refusal, created -> video(created, exchange.now()));
    }

    private Set<GatewayQuirk> quirks(DirectiveResolution directives) {
        Set<GatewayQuirk> quirks = settings.gatewayQuirks().isEmpty() ? EnumSet.noneOf(GatewayQuirk.class)
                : EnumSet.copyOf(settings.gatewayQuirks());
        if (directives.dialect().contains(GATEWAY)) {
            quirks.addAll(EnumSet.allOf(GatewayQuirk.class));
        }
        for (GatewayQuirk quirk : GatewayQuirk.values()) {
            if (directives.dialect().contains(quirk.directive())) {
                quirks.add(quirk);
            }
        }
        return quirks;
    }

    private ContentDelivery delivery(DirectiveResolution directives) {
        if (directives.dialect().contains(CONTENT_REDIRECT)) {
            return ContentDelivery.REDIRECT;
        }
        return directives.dialect().contains(CONTENT_DIRECT) ? ContentDelivery.DIRECT : settings.contentDelivery();
    }

    private Reply.Answer video(SimJob<OpenAiJob> job, Instant now) {
        return OpenAiResponses.video(job, now, options().resultTtl(), settings.pollAfter());
    }

    private SimJob<OpenAiJob> find(String id) {
        return registry().find(id).getOrElseThrow(() -> OpenAiRejection.notFound(null, "Video with id '" + id + "' not found."));
    }

    /** The video a remix, edit or extension starts from: it must exist and be completed. */
    private SimJob<OpenAiJob> completed(String id, Instant now, String verb) {
        SimJob<OpenAiJob> source = find(id);
        VideoState state = VideoState.of(source, now, options().resultTtl());
        if (!state.isCompleted()) {
            throw OpenAiRejection.badRequest(null, null, "Video " + id + " is " + state.wireStatus(source.params().shows(GatewayQuirk.STATUSES))
                    + "; only a completed video can be " + verb + ".");
        }
        return source;
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIST_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw OpenAiRejection.badRequest("limit", "invalid_type", "Invalid 'limit': expected an integer, but got '" + text + "' instead.");
        }
        if (limit < 0 || limit > MAX_LIST_LIMIT) {
            throw OpenAiRejection.badRequest("limit", limit < 0 ? "integer_below_min_value" : "integer_above_max_value",
                    "Invalid 'limit': integer " + (limit < 0 ? "below minimum value. Expected a value >= 0" : "above maximum value. "
                            + "Expected a value <= " + MAX_LIST_LIMIT) + ", but got " + limit + " instead.");
        }
        return limit;
    }

    private static int indexOf(List<SimJob<OpenAiJob>> jobs, String id) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** One downloadable asset of a completed job. */
    private record Asset(String fileName, String contentType, Lazy<byte[]> bytes) {
    }

    private Asset asset(SimJob<OpenAiJob> job, String variant) {
        Duration length = job.params().length();
        return switch (variant) {
            case "thumbnail" -> new Asset("openai-" + job.id() + "-thumbnail.webp", "image/webp", Lazy.of(VideoPreviews::thumbnail));
            case "spritesheet" -> new Asset("openai-" + job.id() + "-spritesheet.jpg", "image/jpeg",
                    Lazy.of(() -> VideoPreviews.spritesheet(length)));
            default -> new Asset("openai-" + job.id() + ".mp4", "video/mp4",
                    Lazy.of(() -> resultVideo(length, job.params().prompt(), job.params().model())));
        };
    }

    /** The storage URL of a redirect: another origin (host {@value #STORAGE_HOST}), with a signed-URL look. */
    private static URI signed(URI url, Instant expiresAt) {
        try {
            String query = "se=" + expiresAt.getEpochSecond() + "&sp=r&sig=" + HexFormat.of().formatHex(randomBytes(16));
            return new URI(url.getScheme(), null, STORAGE_HOST, url.getPort(), url.getPath(), query, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot build a storage URL from " + url, e);
        }
    }

    /** Whole seconds, as {@code seconds} reports a length (at least 1). */
    static String wholeSeconds(Duration length) {
        return String.valueOf(Math.max(1, Math.round(length.toMillis() / 1000.0)));
    }

    /** A handler whose {@link OpenAiRejection} becomes OpenAI's error envelope. */
    private static CallHandler guarded(CallHandler handler) {
        return exchange -> {
            try {
                return handler.handle(exchange);
            } catch (OpenAiRejection rejection) {
                return OpenAiResponses.error(rejection);
            }
        };
    }

    private static String nextId() {
        if (GATEWAY_IDS.get()) {
            return "vid-" + UUID.randomUUID();
        }
        return "video_" + HexFormat.of().formatHex(randomBytes(24));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** The first three and last four characters, as OpenAI shows a wrong key; short keys are not shown at all. */
    private static String mask(String key) {
        return key.length() < 12 ? "***" : key.substring(0, 3) + "*".repeat(Math.min(20, key.length() - 7)) + key.substring(key.length() - 4);
    }
}
