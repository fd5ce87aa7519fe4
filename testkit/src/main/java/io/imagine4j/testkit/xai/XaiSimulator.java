package io.imagine4j.testkit.xai;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.sim.ApiKeys;
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
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A loopback HTTP simulator of xAI's native video REST API (PROTOCOLS.md §1,
 * {@code xai-videos.openapi.json}): the three submit endpoints, the poll with its 202 pending
 * answers, both moderation styles, flat error bodies, the wrong-key-is-400 quirk, the models
 * endpoints (ids, aliases, input modalities), and result URLs served without auth, with byte
 * ranges, as real H.264 MP4 files. Poll answers come in every shape a tolerant client must read
 * ({@link XaiAnswerShape}: native, the guide's flat answer, a gateway's, the OpenAI-SDK route's).
 *
 * <pre>{@code
 * try (XaiSimulator xai = XaiSimulator.start()) {         // manual clock, any non-empty key
 *     // point the client at xai.baseUrl() (http://127.0.0.1:PORT/v1), submit, then:
 *     xai.advance(Duration.ofSeconds(3));                 // the default job is done after 3 s
 *     assertThat(xai.calls(Call.SUBMIT)).isEqualTo(1);
 *     assertThat(xai.credentialLeaks()).isEmpty();
 * }
 * }</pre>
 *
 * <p>Per job, by directive in the prompt or the {@code X-Imagine4j-Sim} header (see
 * {@code Directives}), plus xAI's own: {@code moderated=400} (moderation as HTTP 400 on the poll,
 * the default style), {@code moderated=flag} (done with {@code respect_moderation:false}), and
 * {@code answer=native|flat|gateway|openai|bare} (the shape of the job's poll answers).
 *
 * <p>Edit and extension inputs are measured from the MP4 itself: a {@code data:video/mp4;base64}
 * URL, a URL of this simulator (a result, or a file {@link #publish}ed by the test), or any other
 * URL on loopback, which the simulator downloads as xAI would; a URL off this machine is taken to
 * be {@link #ASSUMED_INPUT_LENGTH} long, since the simulator never leaves loopback. Edits keep
 * their input's length; extensions add their new segment to it.
 */
public final class XaiSimulator extends HttpSimulator<XaiJob> {

    /** The length assumed for an input video at a URL the simulator cannot read. */
    public static final Duration ASSUMED_INPUT_LENGTH = Duration.ofSeconds(5);

    static final String MODERATED_400 = "moderated=400";
    static final String MODERATED_FLAG = "moderated=flag";

    private final XaiSettings settings;
    private final XaiRequests requests;

    /** A simulator not yet serving: {@link #start} it, or mount it on a {@code SimulatorServer}. */
    public XaiSimulator(SimulatorOptions options) {
        this(options, XaiSettings.defaults());
    }

    /** @param moderation how moderated jobs are reported unless a directive says otherwise */
    public XaiSimulator(SimulatorOptions options, ModerationStyle moderation) {
        this(options, XaiSettings.defaults().withModeration(moderation));
    }

    /** @param settings moderation style, answer shape and models endpoints unless a directive says otherwise */
    public XaiSimulator(SimulatorOptions options, XaiSettings settings) {
        super(options, () -> UUID.randomUUID().toString());
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requests = new XaiRequests(this::inputLength);
    }

    /** Serves on 127.0.0.1, ephemeral port, manual clock, any non-empty key. */
    public static XaiSimulator start() {
        return start(SimulatorOptions.forTests());
    }

    public static XaiSimulator start(SimulatorOptions options) {
        return serveAlone(new XaiSimulator(options));
    }

    public static XaiSimulator start(SimulatorOptions options, ModerationStyle moderation) {
        return serveAlone(new XaiSimulator(options, moderation));
    }

    public static XaiSimulator start(SimulatorOptions options, XaiSettings settings) {
        return serveAlone(new XaiSimulator(options, settings));
    }

    public XaiSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "xai";
    }

    @Override
    protected String apiRoot() {
        return "/v1";
    }

    @Override
    protected void routes(Routes routes) {
        routes.post("/v1/videos/generations", Call.SUBMIT, exchange -> submit(exchange, XaiJobKind.GENERATION))
                .post("/v1/videos/edits", Call.SUBMIT, exchange -> submit(exchange, XaiJobKind.EDIT))
                .post("/v1/videos/extensions", Call.SUBMIT, exchange -> submit(exchange, XaiJobKind.EXTENSION))
                .get("/v1/videos/{request_id}", Call.POLL, this::poll)
                .get("/v1/video-generation-models", Call.MODELS, this::models)
                .get("/v1/video-generation-models/{model_id}", Call.MODELS, this::model);
    }

    @Override
    protected Reply.Answer error(RejectedCall rejection) {
        return XaiResponses.error(rejection.status(), rejection.getMessage());
    }

    @Override
    protected Option<String> presentedKey(SimRequest request) {
        return request.bearerToken();
    }

    /** Missing key: 401. Wrong key: 400 "Incorrect API key provided", as the live service answers. */
    @Override
    protected Reply authFailure(ApiKeys.Verdict verdict, SimExchange exchange) {
        if (verdict == ApiKeys.Verdict.MISSING) {
            return XaiResponses.error(401, "No API key provided. Send it in the Authorization header as 'Bearer <key>'. "
                    + "You can obtain an API key from https://console.x.ai.");
        }
        String masked = mask(presentedKey(exchange.request()).getOrElse(""));
        return XaiResponses.error(400, "Incorrect API key provided: " + masked + ". You can obtain an API key from https://console.x.ai.");
    }

    @Override
    protected Set<String> dialectDirectives() {
        Set<String> tokens = new HashSet<>(XaiAnswerShape.directives());
        tokens.add(MODERATED_400);
        tokens.add(MODERATED_FLAG);
        return Set.copyOf(tokens);
    }

    @Override
    protected String dialectVocabulary() {
        return "The xAI simulator also knows: moderated=400 (moderation as HTTP 400 on the poll, the default), "
                + "moderated=flag (done with respect_moderation:false and an empty url), and answer=native, answer=flat, "
                + "answer=gateway, answer=openai or answer=bare (the shape of poll answers)";
    }

    /** On a poll, an expired-result fault reads as an expired job. */
    @Override
    protected Reply refusal(Fault fault, SimExchange exchange) {
        if (fault instanceof Fault.ExpiredResult && exchange.call() == Call.POLL) {
            return XaiResponses.expired();
        }
        return super.refusal(fault, exchange);
    }

    /** xAI's first status is {@code pending}. */
    @Override
    protected String firstStatus(SimExchange exchange) {
        return "pending";
    }

    /** On a poll, an empty-body fault is xAI's "202 with no body" (not finished, nothing said). */
    @Override
    protected Reply alter(Fault fault, Reply reply, SimExchange exchange) {
        if (fault instanceof Fault.EmptyBody && exchange.call() == Call.POLL) {
            return Reply.empty(202);
        }
        return super.alter(fault, reply, exchange);
    }

    // ------------------------------------------------------------------ endpoints

    private Reply submit(SimExchange exchange, XaiJobKind kind) {
        SimRequest request = exchange.request();
        XaiJob job = switch (kind) {
            case GENERATION -> requests.generation(request, settings);
            case EDIT -> requests.edit(request, settings);
            case EXTENSION -> requests.extension(request, settings);
        };
        DirectiveResolution directives = directives(exchange, job.prompt());
        for (XaiAnswerShape shape : XaiAnswerShape.values()) {
            if (directives.dialect().contains(shape.directive())) {
                job = job.withAnswers(shape);
            }
        }
        if (directives.dialect().contains(MODERATED_FLAG)) {
            job = job.withModeration(ModerationStyle.RESPECT_MODERATION_FALSE);
            directives = directives.withScenario(directives.scenario().withOutcome(new Outcome.Moderated()));
        } else if (directives.dialect().contains(MODERATED_400)) {
            job = job.withModeration(ModerationStyle.HTTP_400);
            directives = directives.withScenario(directives.scenario().withOutcome(new Outcome.Moderated()));
        }
        Either<Reply, SimJob<XaiJob>> admitted = admit(exchange, directives, job);
        return admitted.fold(refusal -> refusal, created -> XaiResponses.started(created.id()));
    }

    private Reply poll(SimExchange exchange) {
        String id = exchange.param("request_id");
        SimJob<XaiJob> job = registry().find(id).getOrElseThrow(() ->
                RejectedCall.notFound("No deferred video request was found with request_id " + id + "."));
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        Scenario.Moment moment = job.moment(exchange.now());
        if (!moment.isTerminal()) {
            return XaiResponses.pending(job.params(), id, moment.status() == JobStatus.QUEUED, progress(job, moment, exchange));
        }
        Outcome outcome = moment.outcome().get();
        XaiJob spec = job.params();
        if (outcome instanceof Outcome.Succeed) {
            HostedFile result = host("xai-video-" + job.id() + ".mp4", "video/mp4",
                    () -> resultVideo(spec.length(), spec.prompt(), spec.model().id()),
                    Option.some(job.id()), Option.some(job.endsAt().plus(options().resultTtl())));
            Option<JsonObject> fileOutput = spec.storage().map(storage ->
                    XaiResponses.fileOutput((JsonObject) JsonReader.parse(storage), job.id(), result.url(), job.endsAt()));
            return XaiResponses.done(spec, id, result.url(), fileOutput);
        }
        if (outcome instanceof Outcome.Moderated) {
            return spec.moderation() == ModerationStyle.HTTP_400 ? XaiResponses.moderated400(spec) : XaiResponses.moderatedFlag(spec);
        }
        if (outcome instanceof Outcome.Fail failure) {
            return XaiResponses.failed(failure);
        }
        return XaiResponses.expired();
    }

    private Reply models(SimExchange exchange) {
        requireModelsEndpoint(exchange);
        return XaiResponses.models();
    }

    /** One model, by its id or an alias (answered under its id). */
    private Reply model(SimExchange exchange) {
        requireModelsEndpoint(exchange);
        String id = exchange.param("model_id");
        return XaiModel.named(id).map(model -> (Reply) Reply.json(200, model.toJson()))
                .getOrElseThrow(() -> RejectedCall.notFound("The model " + id + " does not exist or your team does not have access to it."));
    }

    /** A gateway without the models endpoints answers them as any path it does not know. */
    private void requireModelsEndpoint(SimExchange exchange) {
        if (!settings.modelsEndpoint()) {
            throw RejectedCall.notFound("No endpoint GET " + exchange.request().path() + ".");
        }
    }

    // ------------------------------------------------------------------ details

    /** The scenario's progress while pending, else a linear estimate; never 100 before done. */
    private static int progress(SimJob<XaiJob> job, Scenario.Moment moment, SimExchange exchange) {
        long total = job.scenario().processingTime().toMillis();
        int estimate = total == 0 ? 0 : (int) (job.elapsed(exchange.now()).toMillis() * 100 / total);
        int progress = moment.progress().getOrElse(moment.status() == JobStatus.QUEUED ? 0 : estimate);
        return Math.max(0, Math.min(99, progress));
    }

    private Duration inputLength(String field, String url) {
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            String prefix = "data:video/mp4;base64,";
            if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                throw RejectedCall.badRequest(field, field + " must be a data:video/mp4;base64 URL or a public http(s) URL.");
            }
            byte[] video;
            try {
                video = Base64.getDecoder().decode(url.substring(prefix.length()));
            } catch (IllegalArgumentException badBase64) {
                throw RejectedCall.badRequest(field, field + " holds invalid base64 data.");
            }
            return readable(field, video);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            throw RejectedCall.badRequest(field, field + " is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw RejectedCall.badRequest(field, field + " must be a data:video/mp4;base64 URL or a public http(s) URL.");
        }
        if (pointsHere(uri)) {
            HostedFile file = hostedAt(uri).getOrElseThrow(() ->
                    RejectedCall.badRequest(field, "The input video could not be downloaded from " + field + " (HTTP 404)."));
            if (file.isExpired(clock().now())) {
                throw RejectedCall.badRequest(field, "The input video could not be downloaded from " + field + " (HTTP 403).");
            }
            return readable(field, file.content());
        }
        if (LoopbackInputs.isLoopback(uri)) {
            return readable(field, LoopbackInputs.fetch(uri, field));
        }
        return ASSUMED_INPUT_LENGTH;
    }

    private boolean pointsHere(URI uri) {
        URI root = rootUrl();
        String host = uri.getHost() == null ? "" : uri.getHost();
        return uri.getPort() == root.getPort() && (host.equals(root.getHost()) || host.equalsIgnoreCase("localhost"));
    }

    private static Duration readable(String field, byte[] video) {
        return Mp4Header.duration(video).getOrElseThrow(unreadable ->
                RejectedCall.badRequest(field, "The input video at " + field + " is not a readable MP4 file."));
    }

    /** The first and last two characters, as xAI shows a wrong key; short keys are not shown at all. */
    private static String mask(String key) {
        return key.length() < 8 ? "***" : key.substring(0, 2) + "***" + key.substring(key.length() - 2);
    }
}
