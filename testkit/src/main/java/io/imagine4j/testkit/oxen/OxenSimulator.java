package io.imagine4j.testkit.oxen;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.scenario.Scenario;
import io.imagine4j.testkit.internal.sim.Access;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.internal.sim.DirectiveResolution;
import io.imagine4j.testkit.internal.sim.HostedFile;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.internal.sim.RejectedCall;
import io.imagine4j.testkit.internal.sim.Reply;
import io.imagine4j.testkit.internal.sim.Route;
import io.imagine4j.testkit.internal.sim.Routes;
import io.imagine4j.testkit.internal.sim.SimExchange;
import io.imagine4j.testkit.sim.SimJob;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.internal.sim.StorageHost;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A loopback HTTP simulator of the Oxen.ai hub's generation API (PROTOCOLS.md §3,
 * {@code oxen-hub-ai.openapi.json}, {@code oxen-server-files.openapi.json}): the async queue
 * (enqueue up to 12 generations, poll, list, cancel; the generations history), the per-user server-sent event stream with
 * keep-alives and no replay, the blocking synchronous generate, models with their
 * {@code request_schema}, and repository uploads served publicly so they can be an
 * {@code input_video}. Results are real H.264 MP4 files at public URLs.
 *
 * <pre>{@code
 * try (OxenSimulator oxen = OxenSimulator.start()) {       // manual clock, any non-empty key
 *     // point the client at oxen.baseUrl() (http://127.0.0.1:PORT/api), open GET /events, enqueue, then:
 *     oxen.advance(Duration.ofSeconds(3));                  // the default job ends: its event goes out
 *     assertThat(oxen.calls(Call.SUBMIT)).isEqualTo(1);
 *     assertThat(oxen.credentialLeaks()).isEmpty();
 * }
 * }</pre>
 *
 * <p>Oxen's quirks, simulated: a parameter the model's schema refuses is accepted at enqueue and
 * fails the generation when it runs ({@code failed} + {@code error_message}); a rejected enqueue
 * is an empty {@code generations} array with an {@code error}; events reach only streams open when
 * the job ends, never for a cancelled job, among other event types. Per job, beyond the shared
 * directives: {@code #sim:legacy} answers as an older server ({@code "processing"} at enqueue,
 * {@code model} instead of {@code model_name}, 404 once the job is terminal) and
 * {@code #sim:no-credits} refuses the enqueue with 402.
 */
public final class OxenSimulator extends HttpSimulator<OxenJob> {

    /** Directive: answer as an older Oxen server. */
    public static final String LEGACY = "legacy";
    /** Directive: refuse the enqueue for want of credits (402, no generations). */
    public static final String NO_CREDITS = "no-credits";
    /** The length assumed for an input video at a URL off this machine, which the simulator never fetches. */
    public static final Duration ASSUMED_INPUT_LENGTH = OxenRequests.ASSUMED_INPUT_LENGTH;

    static final String QUEUE = "/api/ai/queue";
    static final String REPO_FILE = "/api/repos/{namespace}/{repo_name}/file/{resource...}";

    private final OxenOptions oxen;
    private final OxenRequests requests;
    private final EventFeed feed;
    private final RepoFiles files = new RepoFiles();
    private final LoopbackDownloads downloads = new LoopbackDownloads();

    /** A simulator not yet serving: {@link #start} it, or mount it on a {@code SimulatorServer}. */
    public OxenSimulator(SimulatorOptions options) {
        this(options, OxenOptions.defaults());
    }

    public OxenSimulator(SimulatorOptions options, OxenOptions oxen) {
        super(options, () -> UUID.randomUUID().toString());
        this.oxen = oxen;
        this.requests = new OxenRequests(this::inputLength);
        this.feed = new EventFeed(options.clock(), this::state);
    }

    /** Serves on 127.0.0.1, ephemeral port, manual clock, any non-empty key, keep-alives every 15 s. */
    public static OxenSimulator start() {
        return start(SimulatorOptions.forTests());
    }

    public static OxenSimulator start(SimulatorOptions options) {
        return serveAlone(new OxenSimulator(options));
    }

    public static OxenSimulator start(SimulatorOptions options, OxenOptions oxen) {
        return serveAlone(new OxenSimulator(options, oxen));
    }

    public OxenOptions oxenOptions() {
        return oxen;
    }

    /** How many event streams are open (subscribed) right now. */
    public int openEventStreams() {
        return feed.subscriptions();
    }

    /** Every file uploaded since the last reset, the latest version of each path. */
    public List<RepoFile> uploads() {
        return files.all();
    }

    /** The public URL of a repository file: {@code …/api/repos/{ns}/{repo}/file/{branch}/{path}}. */
    public URI fileUrl(String namespace, String repo, String branch, String path) {
        String encodedPath = Arrays.stream(path.split("/")).map(OxenSimulator::encode).collect(Collectors.joining("/"));
        return URI.create(baseUrl() + "/repos/" + encode(namespace) + "/" + encode(repo) + "/file/" + encode(branch) + "/" + encodedPath);
    }

    @Override
    public String name() {
        return "oxen";
    }

    @Override
    protected String apiRoot() {
        return "/api";
    }

    @Override
    protected void routes(Routes routes) {
        routes.post(QUEUE, Call.SUBMIT, this::enqueue)
                .get(QUEUE, Call.LIST, this::list)
                .get(QUEUE + "/{generation_id}", Call.POLL, this::poll)
                .get("/api/ai/generations/{generation_id}", Call.POLL, this::history)
                .delete(QUEUE + "/{generation_id}", Call.CANCEL, this::cancel)
                .post("/api/ai/videos/generate", Call.SUBMIT, this::generate)
                .get("/api/ai/models", Call.MODELS, exchange -> OxenResponses.models())
                .get("/api/ai/models/{id}", Call.MODELS, this::model)
                .get("/api/events", Call.EVENTS, this::events)
                .add(new Route("PUT", REPO_FILE, Call.OTHER, Access.AUTHENTICATED, this::upload))
                .publicGet(REPO_FILE, Call.CONTENT, this::download);
    }

    @Override
    protected Reply.Answer error(RejectedCall rejection) {
        return OxenResponses.error(rejection.status(), rejection.getMessage());
    }

    @Override
    protected Option<String> presentedKey(SimRequest request) {
        return request.bearerToken();
    }

    /** Missing or wrong, a key is refused with 401 {@code unauthenticated}. */
    @Override
    protected Reply authFailure(ApiKeys.Verdict verdict, SimExchange exchange) {
        return OxenResponses.error(401, verdict == ApiKeys.Verdict.MISSING
                ? "Authentication required: send your API key as 'Authorization: Bearer <key>'."
                : "Invalid API key.");
    }

    @Override
    protected Set<String> dialectDirectives() {
        return Set.of(LEGACY, NO_CREDITS);
    }

    @Override
    protected String dialectVocabulary() {
        return "The Oxen simulator also knows: legacy (an older server: enqueue answers \"processing\", the field is model "
                + "instead of model_name, a terminal generation is 404) and no-credits (the enqueue is refused with 402)";
    }

    /** Repository files are Oxen's own API: its faults come in Oxen's error shape, not a bucket's. */
    @Override
    protected Reply refusal(Fault fault, SimExchange exchange) {
        if (!exchange.route().pattern().equals(REPO_FILE) || fault instanceof Fault.CrossOriginRedirect) {
            return super.refusal(fault, exchange);
        }
        if (fault instanceof Fault.RateLimited limited) {
            Reply.Answer answer = OxenResponses.error(429, "Rate limit exceeded. Please retry later.");
            return retryAfterValue(limited, exchange.now()).map(value -> answer.withHeader("Retry-After", value)).getOrElse(answer);
        }
        if (fault instanceof Fault.ServerError server) {
            return OxenResponses.error(server.status(), "The server had an error (simulated " + server.status() + ").");
        }
        if (fault instanceof Fault.Unauthorized) {
            return authFailure(ApiKeys.Verdict.WRONG, exchange);
        }
        if (fault instanceof Fault.BadRequest bad) {
            return OxenResponses.error(400, bad.message());
        }
        return OxenResponses.error(404, "File not found.");
    }

    /** A stream a fault replaces never runs: it must not keep collecting events. */
    @Override
    protected Reply alter(Fault fault, Reply reply, SimExchange exchange) {
        Reply altered = super.alter(fault, reply, exchange);
        if (altered != reply && reply instanceof Reply.Stream stream && stream.body() instanceof EventStream events) {
            events.abandon();
        }
        return altered;
    }

    @Override
    protected void forget() {
        feed.clear();
        files.clear();
    }

    // ------------------------------------------------------------------ queue

    private Reply enqueue(SimExchange exchange) {
        JsonObject body = OxenRequests.body(exchange.request());
        OxenUser user = user(exchange);
        Either<String, OxenModel> model = OxenRequests.modelName(body)
                .flatMap(name -> OxenModel.byId(name).toEither(() -> "Model not found: " + name));
        Either<String, Integer> count = OxenRequests.generations(body);
        Either<String, OxenTarget> target = OxenRequests.target(body, user);
        Option<String> refused = model.swap().toOption().orElse(count.swap().toOption()).orElse(target.swap().toOption());
        if (refused.isDefined()) {
            return OxenResponses.rejected(400, refused.get());
        }
        OxenJob job = requests.job(OxenJob.Mode.QUEUED, model.get(), body, user, target.get());
        DirectiveResolution directives = directives(exchange, job.prompt());
        if (directives.dialect().contains(NO_CREDITS)) {
            return OxenResponses.rejected(402, "Insufficient credits for namespace " + job.target().namespace()
                    + ": add credits or lower num_generations.");
        }
        OxenJob spec = directives.dialect().contains(LEGACY) ? job.asLegacy() : job;
        Either<Reply, SimJob<OxenJob>> admitted = admit(exchange, directives, spec);
        if (admitted.isLeft()) {
            return admitted.getLeft();
        }
        // One request, one scenario (scripted or by directive): every generation of it follows it.
        List<SimJob<OxenJob>> created = new ArrayList<>(List.of(admitted.get()));
        for (int i = 1; i < count.get(); i++) {
            created.add(registry().create(spec, admitted.get().scenario(), exchange.now()));
        }
        created.forEach(feed::track);
        feed.sweep(exchange.now());
        clock().wake(); // open streams now have new jobs to wait for
        return OxenResponses.enqueued(created, spec.legacy());
    }

    private Reply poll(SimExchange exchange) {
        SimJob<OxenJob> job = owned(exchange);
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        GenerationState state = state(job, exchange.now());
        if (job.params().legacy() && state.isTerminal()) {
            throw gone(job);
        }
        return Reply.json(200, OxenResponses.row(job, state));
    }

    /**
     * The generations history ({@code GET /ai/generations/{id}}): the caller's queued generation in
     * any state, finished ones included, with what it cost, wrapped in Oxen's success envelope. It
     * keeps what an older server's queue forgets once a generation ends.
     */
    private Reply history(SimExchange exchange) {
        SimJob<OxenJob> job = owned(exchange);
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        return Reply.json(200, OxenResponses.historyEntry(job, state(job, exchange.now())));
    }

    /** Cancels an active generation; on a finished one, succeeds and changes nothing. */
    private Reply cancel(SimExchange exchange) {
        SimJob<OxenJob> job = owned(exchange);
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        if (job.params().legacy() && state(job, exchange.now()).isTerminal()) {
            throw gone(job);
        }
        if (job.cancel(exchange.now())) {
            feed.sweep(exchange.now());
            clock().wake();
        }
        return OxenResponses.cancelled(job.id());
    }

    /** Active generations by default; an explicit {@code status} shows rows in that state, terminal ones included. */
    private Reply list(SimExchange exchange) {
        Map<String, String> query = exchange.request().query();
        Option<String> status = Option.of(query.get("status")).filter(value -> !value.isEmpty());
        Option<String> mediaType = Option.of(query.get("media_type")).filter(value -> !value.isEmpty());
        status.filter(value -> !GenerationState.STATUSES.contains(value)).forEach(value -> {
            throw RejectedCall.badRequest("status must be one of queued, processing, succeeded, failed, cancelled; got " + value);
        });
        mediaType.filter(value -> !value.equals("video") && !value.equals("image")).forEach(value -> {
            throw RejectedCall.badRequest("media_type must be image or video; got " + value);
        });
        Option<String> model = Option.of(query.get("model")).filter(value -> !value.isEmpty());
        Option<String> namespace = Option.of(query.get("namespace")).filter(value -> !value.isEmpty());
        OxenUser user = user(exchange);
        List<SimJob<OxenJob>> newestFirst = new ArrayList<>(registry().all()); // the registry keeps submission order
        Collections.reverse(newestFirst);
        List<JsonObject> rows = new ArrayList<>();
        for (SimJob<OxenJob> job : newestFirst) {
            OxenJob spec = job.params();
            if (spec.mode() != OxenJob.Mode.QUEUED || !spec.owner().equals(user)
                    || !model.forAll(spec.model().id()::equals) || !mediaType.forAll("video"::equals)
                    || !namespace.forAll(spec.target().namespace()::equals)) {
                continue;
            }
            GenerationState state = state(job, exchange.now());
            boolean shown = status.isDefined() ? status.get().equals(state.status()) : !state.isTerminal();
            if (shown && !(spec.legacy() && state.isTerminal())) {
                rows.add(OxenResponses.row(job, state));
            }
        }
        return OxenResponses.list(rows);
    }

    private Reply events(SimExchange exchange) {
        // Subscribed before the headers leave: a client that enqueues once it sees them misses nothing.
        EventFeed.Subscription subscription = feed.subscribe(user(exchange), exchange.now());
        return new Reply.Stream(200, Map.of("Content-Type", "text/event-stream", "Cache-Control", "no-cache"),
                new EventStream(feed, subscription, clock(), oxen.keepAlive(), exchange.now()));
    }

    // ------------------------------------------------------------------ synchronous generate

    /** Blocks until the generation ends on the simulator's clock (a deferred answer), then answers with the video. */
    private Reply generate(SimExchange exchange) {
        JsonObject body = OxenRequests.body(exchange.request());
        OxenUser user = user(exchange);
        String name = OxenRequests.modelName(body).getOrElseThrow(RejectedCall::badRequest);
        Option<OxenModel> model = OxenModel.byId(name);
        if (model.isEmpty()) {
            return OxenResponses.modelNotFound(name);
        }
        String format = OxenRequests.responseFormat(body).getOrElseThrow(RejectedCall::badRequest);
        OxenTarget target = OxenRequests.target(body, user).getOrElseThrow(RejectedCall::badRequest);
        OxenJob job = requests.job(OxenJob.Mode.SYNCHRONOUS, model.get(), body, user, target);
        DirectiveResolution directives = directives(exchange, job.prompt());
        if (directives.dialect().contains(NO_CREDITS)) {
            return OxenResponses.error(402, "Insufficient credits for namespace " + target.namespace() + ".");
        }
        return admit(exchange, directives, job).fold(refusal -> refusal,
                created -> new Reply.Deferred(created.endsAt(), () -> generated(created, format)));
    }

    private Reply generated(SimJob<OxenJob> job, String format) {
        GenerationState state = state(job, clock().now());
        OxenJob spec = job.params();
        if (state.status().equals(GenerationState.SUCCEEDED)) {
            return format.equals("b64_json")
                    ? OxenResponses.generatedInline(spec, job.submittedAt(),
                            resultVideo(spec.length(), spec.prompt(), spec.model().id()))
                    : OxenResponses.generated(spec, job.submittedAt(), state.resultUrl().get());
        }
        String message = state.error().getOrElse("The generation did not finish.");
        if (spec.runtimeError().isDefined()) {
            return OxenResponses.error(400, message);
        }
        Outcome outcome = job.moment(clock().now()).outcome().getOrElse(new Outcome.Fail("internal_error", message));
        if (outcome instanceof Outcome.Moderated) {
            return OxenResponses.error(400, "content_moderated", "Content moderated", message);
        }
        if (outcome instanceof Outcome.Expire) {
            return OxenResponses.error(504, message);
        }
        String code = outcome instanceof Outcome.Fail failure ? failure.code() : "internal_error";
        return OxenResponses.error(500, code, "Generation failed", message);
    }

    // ------------------------------------------------------------------ models

    private Reply model(SimExchange exchange) {
        String id = exchange.param("id");
        return OxenModel.byId(id).<Reply>map(found -> Reply.json(200, found.toJson())).getOrElse(() -> OxenResponses.modelNotFound(id));
    }

    // ------------------------------------------------------------------ repository files

    /**
     * {@code files[]} uploads each file into the directory {@code resource} names; {@code file}
     * (deprecated) puts one file at the full path, or into the directory when the path is one.
     */
    private Reply upload(SimExchange exchange) {
        String namespace = exchange.param("namespace");
        String repo = exchange.param("repo_name");
        BranchPath target = BranchPath.of(exchange.param("resource"));
        UploadForm form = UploadForm.read(exchange.request(), target.path(),
                path -> files.isDirectory(namespace, repo, target.branch(), path));
        OxenUser user = user(exchange);
        RepoCommit commit = files.commit(namespace, repo, target.branch(), form.uploads(),
                form.message().getOrElse("Upload " + form.uploads().size() + " file(s)"), form.author().getOrElse(user.namespace()),
                form.email().getOrElse(user.namespace() + "@users.oxen.ai"), exchange.now(),
                path -> fileUrl(namespace, repo, target.branch(), path));
        feed.publish(user, OxenResponses.repositoryUpdated(namespace, repo, target.branch(), commit,
                form.uploads().stream().map(RepoFiles.Upload::path).toList()), exchange.now());
        return OxenResponses.committed(commit);
    }

    /** A repository file, publicly, with byte ranges. */
    private Reply download(SimExchange exchange) {
        BranchPath target = BranchPath.of(exchange.param("resource"));
        Option<RepoFile> file = files.find(exchange.param("namespace"), exchange.param("repo_name"), target.branch(), target.path());
        if (file.isEmpty()) {
            return OxenResponses.error(404, "File not found: " + exchange.param("resource"));
        }
        return StorageHost.serve(exchange.request(), file.get().content(), file.get().contentType(),
                file.get().commitId() + "-" + Integer.toHexString(target.path().hashCode()));
    }

    // ------------------------------------------------------------------ jobs as Oxen shows them

    /** A generation at {@code now}: the request's own run-time error wins over the scenario's outcome. */
    GenerationState state(SimJob<OxenJob> job, Instant now) {
        Scenario.Moment moment = job.moment(now);
        Instant start = GenerationState.startsAt(job);
        switch (moment.status()) {
            case QUEUED:
                return GenerationState.queued();
            case RUNNING:
                return GenerationState.processing(start);
            case CANCELLED:
                Instant cancelledAt = job.cancelledAt().get();
                return GenerationState.cancelled(start.isBefore(cancelledAt) ? Option.some(start) : Option.none(), cancelledAt);
            default:
                break;
        }
        Instant end = job.endsAt();
        OxenJob spec = job.params();
        if (spec.runtimeError().isDefined()) {
            return GenerationState.failed(start, end, spec.runtimeError().get());
        }
        Outcome outcome = moment.outcome().get();
        if (outcome instanceof Outcome.Succeed) {
            HostedFile result = host("oxen-video-" + job.id() + ".mp4", "video/mp4",
                    () -> resultVideo(spec.length(), spec.prompt(), spec.model().id()),
                    Option.some(job.id()), Option.none());
            return GenerationState.succeeded(start, end, result.url());
        }
        if (outcome instanceof Outcome.Moderated) {
            return GenerationState.failed(start, end, "The generated video was rejected by the provider's content moderation.");
        }
        if (outcome instanceof Outcome.Fail failure) {
            return GenerationState.failed(start, end, failure.message());
        }
        return GenerationState.failed(start, end, "The generation timed out before the provider returned a video.");
    }

    // ------------------------------------------------------------------ details

    private static OxenUser user(SimExchange exchange) {
        // Routes that reach a handler have passed the key check, so the key is there.
        return OxenUser.of(exchange.request().bearerToken().getOrElse(""));
    }

    /** The caller's own queued generation; anyone else's, a synchronous one or an unknown id is a 404. */
    private SimJob<OxenJob> owned(SimExchange exchange) {
        String id = exchange.param("generation_id");
        OxenUser user = user(exchange);
        return registry().find(id)
                .filter(job -> job.params().mode() == OxenJob.Mode.QUEUED && job.params().owner().equals(user))
                .getOrElseThrow(() -> RejectedCall.notFound("Generation not found: " + id));
    }

    private static RejectedCall gone(SimJob<OxenJob> job) {
        return RejectedCall.notFound("Generation not found: " + job.id());
    }

    /**
     * How long the {@code input_video} is, read from the MP4 itself: a data URI, a file of this
     * simulator (an upload, a result, a published file), or a file of another server on this machine,
     * fetched as Oxen fetches inputs. Only a URL off this machine is taken on trust.
     */
    private Either<String, Duration> inputLength(String url) {
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            String prefix = "data:video/mp4;base64,";
            if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Either.left("input_video must be a public URL or a data:video/mp4;base64 URI.");
            }
            try {
                return readable(Base64.getDecoder().decode(url.substring(prefix.length())));
            } catch (IllegalArgumentException badBase64) {
                return Either.left("input_video holds invalid base64 data.");
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            return Either.left("input_video is not a valid URL.");
        }
        if (pointsHere(uri)) {
            Option<HostedFile> hosted = hostedAt(uri);
            if (hosted.isDefined()) {
                return hosted.get().isExpired(clock().now())
                        ? Either.left("Could not download input_video from " + url + ": HTTP 403.")
                        : readable(hosted.get().content());
            }
            Option<RepoFile> file = repoFileAt(uri);
            if (file.isDefined()) {
                return readable(file.get().content());
            }
            // Not this simulator's file: another simulator mounted on the same server may serve it.
        }
        if (!LoopbackDownloads.isLoopback(uri)) {
            return Either.right(ASSUMED_INPUT_LENGTH);
        }
        return downloads.fetch(uri).flatMap(OxenSimulator::readable);
    }

    private static Either<String, Duration> readable(byte[] video) {
        return Mp4Header.duration(video).toEither().mapLeft(unreadable -> "input_video is not a readable MP4 video.");
    }

    private boolean pointsHere(URI uri) {
        URI root = rootUrl();
        String host = uri.getHost() == null ? "" : uri.getHost();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        return scheme.equalsIgnoreCase(root.getScheme()) && uri.getPort() == root.getPort()
                && (host.equals(root.getHost()) || host.equalsIgnoreCase("localhost"));
    }

    /** The uploaded file a URL of this simulator points to. */
    private Option<RepoFile> repoFileAt(URI uri) {
        String prefix = rootUrl().getRawPath() + "/api/repos/";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.startsWith(prefix)) {
            return Option.none();
        }
        List<String> segments = Arrays.stream(path.substring(prefix.length()).split("/", -1))
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        if (segments.size() < 5 || !segments.get(2).equals("file")) {
            return Option.none();
        }
        return files.find(segments.get(0), segments.get(1), segments.get(3), String.join("/", segments.subList(4, segments.size())));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
