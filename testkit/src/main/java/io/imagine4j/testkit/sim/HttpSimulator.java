package io.imagine4j.testkit.sim;

import com.sun.net.httpserver.HttpExchange;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.internal.sim.Access;
import io.imagine4j.testkit.internal.sim.DirectiveResolution;
import io.imagine4j.testkit.internal.sim.HostedFile;
import io.imagine4j.testkit.internal.sim.JobRegistry;
import io.imagine4j.testkit.internal.sim.RejectedCall;
import io.imagine4j.testkit.internal.sim.Reply;
import io.imagine4j.testkit.internal.sim.ReplyWriter;
import io.imagine4j.testkit.internal.sim.Route;
import io.imagine4j.testkit.internal.sim.Routes;
import io.imagine4j.testkit.internal.sim.SimExchange;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.imagine4j.testkit.internal.sim.StorageHost;
import io.imagine4j.testkit.internal.sim.WireNoise;
import io.imagine4j.testkit.media.RequestCaption;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.BackendControl;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.scenario.FaultPlan;
import io.imagine4j.testkit.scenario.Scenario;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What every HTTP simulator shares: serving on loopback (alone, or mounted with others under a
 * prefix of one {@link SimulatorServer}), the request {@link Journal}, credential checks and leak
 * records, the {@link JobRegistry} on a {@link SimulatorClock}, scenario choice (scripted by
 * {@link #enqueue}, else the request's directives, else {@link Scenario#succeeds()}), faults (from
 * {@link #failNext}, else the job's scenario), and public result files with byte ranges.
 *
 * <p>A simulator of one provider extends it and supplies only the provider's own parts:
 * <ul>
 *   <li>{@link #name()} and {@link #apiRoot()} ({@code "xai"}, {@code "/v1"});</li>
 *   <li>{@link #routes(Routes)}: its endpoints, each with the {@link Call} kind it counts as;</li>
 *   <li>{@link #error(RejectedCall)}: its error body shape;</li>
 *   <li>{@link #presentedKey(SimRequest)} and {@link #authFailure}: where its key travels, and how it refuses one;</li>
 *   <li>optionally {@link #refusal}, {@link #alter}, {@link #dialectDirectives()}, {@link #commonHeaders},
 *       {@link #hostedPath()}, {@link #forget()}.</li>
 * </ul>
 * A submit handler validates the body (throwing {@link RejectedCall}), reads the directives with
 * {@link #directives}, and calls {@link #admit}, which applies submit faults and creates the job;
 * a poll handler finds the job and calls {@link SimExchange#faultOf} before answering from
 * {@link SimJob#moment}. Results are put online with {@link #host}.
 *
 * <pre>{@code
 * try (XaiSimulator xai = XaiSimulator.start()) {        // 127.0.0.1, ephemeral port, manual clock
 *     URI api = xai.baseUrl();                           // http://127.0.0.1:PORT/v1
 *     xai.enqueue(Scenario.moderated());
 *     xai.advance(Duration.ofSeconds(5));
 *     assertThat(xai.credentialLeaks()).isEmpty();
 * }
 * }</pre>
 *
 * @param <P> the simulator's own record of a submitted request
 */
public abstract class HttpSimulator<P> implements BackendControl, AutoCloseable {

    /** The status an {@link Fault.UnknownStatus} answer carries: no provider defines it. */
    public static final String UNKNOWN_STATUS = "imagine4j_sim_unknown_status";

    private final SimulatorOptions options;
    private final JobRegistry<P> jobs;
    private final Journal journal = new Journal();
    private final Set<Long> leaks = ConcurrentHashMap.newKeySet();
    private final FaultBook faults = new FaultBook();
    private final Object submissions = new Object();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final Map<String, FaultBook> directiveSubmitFaults = new HashMap<>();
    private final Map<String, HostedFile> hosted = new ConcurrentHashMap<>();
    private final Set<String> redirectTargets = ConcurrentHashMap.newKeySet();
    private final ReplyWriter writer;
    private volatile List<Route> routes;
    private volatile URI origin;
    private volatile String prefix;
    private volatile SimulatorServer ownServer;

    protected HttpSimulator(SimulatorOptions options, Supplier<String> ids) {
        this.options = Objects.requireNonNull(options, "options");
        this.jobs = new JobRegistry<>(ids);
        this.writer = new ReplyWriter(options.clock());
    }

    // ---------------------------------------------------------------- what a provider supplies

    /** A short lower-case name ({@code xai}), for people: the standalone server prints it before the base URL. */
    public abstract String name();

    /** The path below the mount where the provider's base URL points ({@code /v1}, {@code /api}). */
    protected abstract String apiRoot();

    /** Declares the provider's endpoints; paths include the API root. */
    protected abstract void routes(Routes routes);

    /** The provider's error body for a refused call, with the rejection's status. */
    protected abstract Reply.Answer error(RejectedCall rejection);

    /** The credential the request presents in the provider's style (a bearer token, an {@code api-key} header…). */
    protected abstract Option<String> presentedKey(SimRequest request);

    /** How the provider refuses a missing or wrong credential. */
    protected abstract Reply authFailure(ApiKeys.Verdict verdict, SimExchange exchange);

    /** Tokens this simulator understands beyond the shared directive vocabulary. */
    protected Set<String> dialectDirectives() {
        return Set.of();
    }

    /** A sentence naming {@link #dialectDirectives()}, added to the error for an unknown directive. */
    protected String dialectVocabulary() {
        return "";
    }

    /** Where public files are served below the mount (result URLs point there). */
    protected String hostedPath() {
        return "/results";
    }

    /** Headers every answer carries, whatever it is (OpenAI's {@code x-request-id}…). None by default. */
    protected Map<String, String> commonHeaders(SimRequest request) {
        return Map.of();
    }

    /** Forgets the provider's own state on {@link #reset()}. */
    protected void forget() {
    }

    /**
     * Whether {@code fault} refuses the call outright (the handler's work is not done: no job is
     * created) rather than altering a normal answer. By default 429, 5xx, auth, 400, 404 and an
     * expired result refuse; a reset, slow body, malformed JSON, empty body and dropped stream alter.
     */
    protected boolean refuses(Fault fault, SimExchange exchange) {
        return fault instanceof Fault.RateLimited || fault instanceof Fault.ServerError
                || fault instanceof Fault.Unauthorized || fault instanceof Fault.BadRequest
                || fault instanceof Fault.NotFound || fault instanceof Fault.ExpiredResult
                || fault instanceof Fault.CrossOriginRedirect;
    }

    /**
     * The answer to a refusing fault. Public files answer as a storage host does ({@link StorageHost});
     * API calls in the provider's error shape, 429 with {@code Retry-After} in whole seconds.
     */
    protected Reply refusal(Fault fault, SimExchange exchange) {
        if (fault instanceof Fault.CrossOriginRedirect) {
            return redirectElsewhere(exchange);
        }
        if (exchange.route().access() == Access.PUBLIC) {
            return StorageHost.refusal(fault, exchange.now());
        }
        if (fault instanceof Fault.RateLimited limited) {
            Reply.Answer answer = error(new RejectedCall(429, "Rate limit exceeded. Please retry later.", Option.none()));
            return retryAfterValue(limited, exchange.now()).map(value -> answer.withHeader("Retry-After", value))
                    .getOrElse(answer);
        }
        if (fault instanceof Fault.ServerError server) {
            return error(new RejectedCall(server.status(), "The server had an error while processing your request (simulated "
                    + server.status() + ").", Option.none()));
        }
        if (fault instanceof Fault.Unauthorized) {
            return authFailure(ApiKeys.Verdict.WRONG, exchange);
        }
        if (fault instanceof Fault.BadRequest bad) {
            return error(RejectedCall.badRequest(bad.message()));
        }
        if (fault instanceof Fault.ExpiredResult) {
            return error(RejectedCall.notFound("The requested result has expired."));
        }
        return error(RejectedCall.notFound("The requested resource was not found."));
    }

    /**
     * Applies an altering fault to the normal answer: a reset drops the connection, a slow body
     * delays the body (on the simulator clock), malformed JSON turns the body into a 200 with a
     * truncated document, an empty body removes the body, a dropped stream cuts the body in half
     * (an event stream: opens, then drops before its first event). A deferred answer gets the
     * fault once it is ready, except a reset, which drops the connection at once.
     */
    protected Reply alter(Fault fault, Reply reply, SimExchange exchange) {
        if (fault instanceof Fault.ConnectionReset) {
            return new Reply.Drop();
        }
        if (fault instanceof Fault.NoAnswer silent) {
            // Nothing is sent until the clock has moved on: the answer then is whatever it would have been.
            Instant readyAt = exchange.now().plus(silent.delay());
            Reply later = reply instanceof Reply.Deferred deferred && deferred.readyAt().isAfter(readyAt) ? deferred.answer().get() : reply;
            return new Reply.Deferred(readyAt, () -> later);
        }
        if (reply instanceof Reply.Deferred deferred) {
            // The fault shapes the answer the deferred reply gives once it is ready.
            return new Reply.Deferred(deferred.readyAt(), () -> alter(fault, deferred.answer().get(), exchange));
        }
        if (reply instanceof Reply.Stream stream && fault instanceof Fault.StreamDrop) {
            // The stream opens, then the connection drops before any event.
            return new Reply.Stream(stream.status(), stream.headers(), out -> {
                throw new ReplyWriter.DroppedConnection();
            });
        }
        if (reply instanceof Reply.Stream stream && fault instanceof Fault.Garbage) {
            // The stream opens, sends bytes that are no event stream, then drops.
            return new Reply.Stream(stream.status(), stream.headers(), out -> {
                out.write(WireNoise.garbage());
                out.flush();
                throw new ReplyWriter.DroppedConnection();
            });
        }
        if (!(reply instanceof Reply.Answer answer)) {
            return reply;
        }
        if (fault instanceof Fault.SlowBody slow) {
            return new Reply.Delayed(answer, slow.delay());
        }
        if (fault instanceof Fault.MalformedJson) {
            return Reply.bytes(200, "application/json", malformed(answer.body()));
        }
        if (fault instanceof Fault.EmptyBody) {
            Map<String, String> headers = new LinkedHashMap<>(answer.headers());
            headers.remove("Content-Type");
            return new Reply.Answer(answer.status(), headers, new byte[0]);
        }
        if (fault instanceof Fault.StreamDrop) {
            return answer.body().length > 1 ? new Reply.Truncated(answer, answer.body().length / 2) : new Reply.Drop();
        }
        if (fault instanceof Fault.TruncatedJson) {
            return new Reply.Answer(answer.status(), answer.headers(), WireNoise.truncated(answer.body()));
        }
        if (fault instanceof Fault.WrongContentType) {
            return Reply.text(200, "text/html; charset=utf-8", WireNoise.PORTAL_PAGE);
        }
        if (fault instanceof Fault.Garbage) {
            return new Reply.Answer(answer.status(), answer.headers(), WireNoise.garbage());
        }
        if (fault instanceof Fault.OversizedBody oversized) {
            return new Reply.Stream(answer.status(), answer.headers(), out -> WireNoise.padded(answer.body(), oversized.bytes(), out));
        }
        if (fault instanceof Fault.UnknownStatus) {
            return WireNoise.withStatus(answer, UNKNOWN_STATUS, false);
        }
        if (fault instanceof Fault.StatusBackwards) {
            return WireNoise.withStatus(answer, firstStatus(exchange), true);
        }
        return reply;
    }

    /**
     * The provider's first status word, which a {@link Fault.StatusBackwards} answer goes back to
     * ({@code queued} unless a simulator says otherwise).
     */
    protected String firstStatus(SimExchange exchange) {
        return "queued";
    }

    // ---------------------------------------------------------------- helpers for handlers

    /** This request's directives (prompt and header); an unknown one is a 400 naming the vocabulary. */
    protected final DirectiveResolution directives(SimExchange exchange, String prompt) {
        return DirectiveResolution.of(prompt, exchange.request().header(Directives.HEADER).getOrNull(),
                dialectDirectives(), dialectVocabulary());
    }

    /**
     * Admits a validated submit: picks the job's scenario (the next {@link #enqueue}d one, else the
     * directives'), applies a submit fault (a {@code failNext} one already chosen, else the
     * scenario's), and creates the job unless that fault refuses the call. A refused submit leaves
     * the scripted scenario in place for the retry.
     *
     * @return the refusal to send, or the new job
     */
    protected final Either<Reply, SimJob<P>> admit(SimExchange exchange, DirectiveResolution directives, P params) {
        synchronized (submissions) {
            Scripted head = scripted.peek();
            Scenario scenario = head != null ? head.scenario() : directives.scenario();
            if (exchange.fault().isEmpty()) {
                FaultBook submitFaults = head != null ? head.submitFaults()
                        : directiveSubmitFaults.computeIfAbsent(directives.source(), source -> submitFaultsOf(directives.scenario()));
                Option<Fault> fault = submitFaults.take(Call.SUBMIT);
                if (fault.isDefined()) {
                    Option<Reply> refusal = exchange.adopt(fault.get());
                    if (refusal.isDefined()) {
                        return Either.left(refusal.get());
                    }
                }
            }
            if (head != null) {
                scripted.poll();
            }
            return Either.right(jobs.create(params, scenario, exchange.now()));
        }
    }

    /**
     * Puts a file online at {@code hostedPath()/name}, without auth; its bytes are made on first
     * download. Hosting a name twice keeps the first file.
     *
     * @param jobId     the job whose result it is (its content faults then apply), if any
     * @param expiresAt when the URL stops serving it (403, as a signed URL does), if ever
     */
    protected final HostedFile host(String name, String contentType, Supplier<byte[]> content, Option<String> jobId,
                                    Option<Instant> expiresAt) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a hosted file name uses letters, digits, '.', '_' and '-' only: " + name);
        }
        return hosted.computeIfAbsent(name, n -> new HostedFile(n, hostedUrl(n), contentType, content, jobId, expiresAt));
    }

    /**
     * A result video of {@code length}: with {@link SimulatorOptions#captions()}, it shows the
     * prompt, model and length of the request that made it; otherwise the shared sample.
     */
    protected final byte[] resultVideo(Duration length, String prompt, String model) {
        return options.captions() ? SampleMp4.captioned(length, RequestCaption.lines(prompt, model, length))
                : SampleMp4.of(length);
    }

    /** Takes every file hosted for job {@code jobId} offline: its URLs answer 404 from now on. */
    protected final void unhostJob(String jobId) {
        hosted.values().removeIf(file -> file.jobId().contains(jobId));
    }

    /** The file this simulator hosts at {@code url}, if the URL points here. */
    protected final Option<HostedFile> hostedAt(URI url) {
        URI root = rootUrl();
        String wanted = root.getRawPath() + hostedPath() + "/";
        if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase(root.getScheme())
                || url.getPort() != root.getPort() || url.getRawPath() == null || !url.getRawPath().startsWith(wanted)) {
            return Option.none();
        }
        String host = url.getHost() == null ? "" : url.getHost();
        if (!host.equals(root.getHost()) && !host.equalsIgnoreCase("localhost")) {
            return Option.none();
        }
        return Option.of(hosted.get(url.getRawPath().substring(wanted.length())));
    }

    /** Retry-After and similar headers count whole seconds, rounded up. */
    public static long seconds(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return (millis + 999) / 1000;
    }

    /**
     * The {@code Retry-After} value of a 429 fault at simulator time {@code now}, if it has one:
     * whole seconds, or an HTTP date that far ahead, rounded up to the second.
     */
    public static Option<String> retryAfterValue(Fault.RateLimited limited, Instant now) {
        return limited.retryAfter().map(after -> {
            if (!limited.asHttpDate()) {
                return String.valueOf(seconds(after));
            }
            Instant at = now.plus(after);
            Instant whole = at.getNano() == 0 ? at : at.plusSeconds(1).minusNanos(at.getNano());
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(whole.atZone(ZoneOffset.UTC));
        });
    }

    /** A 307 to the same path and query at this simulator's other loopback origin, remembered for leak records. */
    private Reply redirectElsewhere(SimExchange exchange) {
        SimRequest request = exchange.request();
        String host = request.header("Host").map(h -> h.replaceFirst(":\\d+$", "")).getOrElse("127.0.0.1");
        String otherHost = host.equalsIgnoreCase("localhost") ? "127.0.0.1" : "localhost";
        URI root = rootUrl();
        String pathAndQuery = root.getRawPath() + request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        redirectTargets.add(otherHost.toLowerCase(Locale.ROOT) + " " + pathAndQuery);
        URI target = URI.create(root.getScheme() + "://" + otherHost + ":" + root.getPort() + pathAndQuery);
        return new Reply.Answer(307, Map.of("Location", target.toString()), new byte[0]);
    }

    /** Whether {@code request} follows a redirect this simulator made to another origin. */
    private boolean followsRedirect(HttpExchange http) {
        String host = Option.of(http.getRequestHeaders().getFirst("Host")).map(h -> h.replaceFirst(":\\d+$", ""))
                .getOrElse("").toLowerCase(Locale.ROOT);
        return redirectTargets.contains(host + " " + http.getRequestURI().getRawPath()
                + (http.getRequestURI().getRawQuery() == null ? "" : "?" + http.getRequestURI().getRawQuery()));
    }

    // ---------------------------------------------------------------- public API

    /** The base URL a client of this provider is configured with ({@code http://127.0.0.1:PORT/v1}). */
    public URI baseUrl() {
        return URI.create(rootUrl() + apiRoot());
    }

    /** Where this simulator is mounted: origin plus prefix ({@code http://127.0.0.1:PORT/xai}). */
    public URI rootUrl() {
        if (origin == null) {
            throw new IllegalStateException(name() + " simulator is not serving yet: start it or mount it on a SimulatorServer");
        }
        return URI.create(origin + prefix);
    }

    public SimulatorOptions options() {
        return options;
    }

    public SimulatorClock clock() {
        return options.clock();
    }

    /** Every request received, in order. */
    public Journal journal() {
        return journal;
    }

    /**
     * Requests that carried a credential ({@link HeaderMap#CREDENTIAL_HEADERS}) to a public file URL,
     * or on to another origin after a {@link Fault.CrossOriginRedirect}.
     */
    public List<JournalEntry> credentialLeaks() {
        return journal.entries(entry -> leaks.contains(entry.sequence()));
    }

    /** Every job so far, oldest first. */
    public List<SimJob<P>> jobs() {
        return jobs.all();
    }

    public Option<SimJob<P>> job(String id) {
        return jobs.find(id);
    }

    /**
     * How many answers are being held back right now: bodies delayed by a slow-body fault (waiting
     * for the clock), deferred answers (a blocking endpoint waiting for its job) and open event
     * streams. A test can await this before moving the clock.
     */
    public int heldResponses() {
        return writer.held();
    }

    protected final JobRegistry<P> registry() {
        return jobs;
    }

    /**
     * Serves {@code content} publicly at a URL of this simulator, as a public bucket would (for
     * inputs given by URL). The file stays until {@link #reset()}.
     */
    public URI publish(String fileName, String contentType, byte[] content) {
        byte[] copy = content.clone();
        return host(fileName, contentType, () -> copy, Option.none(), Option.none()).url();
    }

    @Override
    public void enqueue(Scenario scenario) {
        synchronized (submissions) {
            scripted.add(new Scripted(scenario, submitFaultsOf(scenario)));
        }
    }

    @Override
    public void failNext(Call call, Fault fault, int times) {
        faults.add(new FaultPlan(call, fault, times));
    }

    @Override
    public void advance(Duration delay) {
        options.clock().advance(delay);
    }

    @Override
    public int calls(Call call) {
        return journal.calls(call);
    }

    /**
     * Forgets scripted scenarios, pending faults, jobs, hosted files, the journal and leak records;
     * bodies held back by a slow-body fault and open streams are cut. The clock keeps its time.
     */
    @Override
    public void reset() {
        synchronized (submissions) {
            scripted.clear();
            directiveSubmitFaults.clear();
        }
        faults.clear();
        jobs.clear();
        hosted.clear();
        redirectTargets.clear();
        journal.clear();
        leaks.clear();
        writer.cutHeld();
        forget();
    }

    /** Stops serving: the whole server when this simulator started its own, else only its held bodies. */
    @Override
    public void close() {
        writer.cutHeld();
        SimulatorServer server = ownServer;
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return name() + " simulator at " + (origin == null ? "(not serving)" : baseUrl());
    }

    // ---------------------------------------------------------------- serving

    /** Starts {@code simulator} alone on its own server (port from its options), mounted at the root. */
    protected static <S extends HttpSimulator<?>> S serveAlone(S simulator) {
        SimulatorServer server = SimulatorServer.start(simulator.options().port());
        try {
            server.mount("", simulator);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        ((HttpSimulator<?>) simulator).ownServer = server;
        return simulator;
    }

    synchronized void attach(URI serverOrigin, String mountPrefix) {
        if (origin != null) {
            throw new IllegalStateException(name() + " simulator is already serving at " + rootUrl());
        }
        Routes table = new Routes();
        routes(table);
        table.publicGet(hostedPath() + "/{file}", Call.CONTENT, this::download);
        routes = table.all();
        prefix = mountPrefix;
        origin = serverOrigin;
    }

    /** Answers one request whose path below the mount is {@code path}. */
    final void serve(HttpExchange http, String path) throws IOException {
        byte[] body = http.getRequestBody().readAllBytes();
        String rawQuery = http.getRequestURI().getRawQuery();
        SimRequest request = new SimRequest(http.getRequestMethod().toUpperCase(Locale.ROOT), path,
                rawQuery == null ? "" : rawQuery, new HeaderMap(http.getRequestHeaders()), body);
        Instant now = options.clock().now();
        Option<Tuple2<Route, Map<String, String>>> match = match(request);
        Call call = match.map(found -> found._1.call()).getOrElse(Call.OTHER);
        JournalEntry entry = journal.arrived(new JournalEntry(0, now, request.method(), path, request.rawQuery(),
                request.headers(), body.length, call, Option.none()));
        boolean credentialElsewhere = match.exists(found -> found._1.access() == Access.PUBLIC) || followsRedirect(http);
        if (credentialElsewhere && request.headers().carriesCredential()) {
            leaks.add(entry.sequence());
        }
        Reply reply = answer(request, match, now);
        // Every answer, faulted or not, carries the provider's common headers (set first, so an answer's own win).
        commonHeaders(request).forEach((name, value) -> http.getResponseHeaders().set(name, value));
        writer.send(http, reply, request.method().equals("HEAD"), status -> journal.answered(entry, status));
    }

    private Reply answer(SimRequest request, Option<Tuple2<Route, Map<String, String>>> match, Instant now) {
        Route route = match.map(Tuple2::_1).getOrElse(() -> unrouted(request));
        Map<String, String> params = match.map(Tuple2::_2).getOrElse(Map.of());
        SimExchange exchange = new SimExchange(this::refusalFor, request, route, params, now, faults.take(route.call()));
        if (exchange.fault().isDefined() && refuses(exchange.fault().get(), exchange)) {
            return refusal(exchange.fault().get(), exchange);
        }
        Reply reply;
        ApiKeys.Verdict verdict = route.access() == Access.PUBLIC ? ApiKeys.Verdict.ACCEPTED
                : options.keys().check(presentedKey(request));
        if (verdict != ApiKeys.Verdict.ACCEPTED) {
            reply = authFailure(verdict, exchange);
        } else {
            try {
                reply = route.handler().handle(exchange);
            } catch (RejectedCall rejected) {
                reply = error(rejected);
            } catch (RuntimeException bug) {
                // A simulator defect must still answer in the provider's shape, and loudly.
                bug.printStackTrace();
                reply = error(new RejectedCall(500, "The simulator failed: " + bug, Option.none()));
            }
        }
        reply = guarded(reply);
        if (exchange.fault().isDefined() && !refuses(exchange.fault().get(), exchange)) {
            reply = alter(exchange.fault().get(), reply, exchange);
        }
        return reply;
    }

    /** The answer to send instead of doing the call's work, when {@code fault} refuses the call. */
    private Option<Reply> refusalFor(Fault fault, SimExchange exchange) {
        return refuses(fault, exchange) ? Option.some(refusal(fault, exchange)) : Option.none();
    }

    /** A deferred answer decided later still answers a rejection, or a simulator defect, in the provider's shape. */
    private Reply guarded(Reply reply) {
        if (!(reply instanceof Reply.Deferred deferred)) {
            return reply;
        }
        return new Reply.Deferred(deferred.readyAt(), () -> {
            try {
                return guarded(deferred.answer().get());
            } catch (RejectedCall rejected) {
                return error(rejected);
            } catch (RuntimeException bug) {
                bug.printStackTrace();
                return error(new RejectedCall(500, "The simulator failed: " + bug, Option.none()));
            }
        });
    }

    /** The best route for a request: the most literal pattern that fits the path, then the method (405 if none). */
    private Option<Tuple2<Route, Map<String, String>>> match(SimRequest request) {
        List<Tuple2<Route, Map<String, String>>> fitting = new ArrayList<>();
        for (Route route : routes) {
            route.match(request.path()).forEach(params -> fitting.add(Tuple.of(route, params)));
        }
        int fewestParams = fitting.stream().mapToInt(found -> found._2.size()).min().orElse(0);
        return Option.ofOptional(fitting.stream()
                .filter(found -> found._2.size() == fewestParams)
                .filter(found -> found._1.method().equals(request.method()) || isHeadOfPublicGet(found._1, request))
                .findFirst());
    }

    /** A storage host answers HEAD on its files: the GET's status and headers, no body. */
    private static boolean isHeadOfPublicGet(Route route, SimRequest request) {
        return request.method().equals("HEAD") && route.method().equals("GET") && route.access() == Access.PUBLIC;
    }

    /** A route that answers requests nothing else matches: 405 if the path exists, else 404, in the provider's shape. */
    private Route unrouted(SimRequest request) {
        boolean pathExists = routes.stream().anyMatch(route -> route.match(request.path()).isDefined());
        return new Route(request.method(), "/", Call.OTHER, Access.AUTHENTICATED, exchange -> {
            if (pathExists) {
                throw new RejectedCall(405, "Method " + request.method() + " is not allowed on " + request.path() + ".", Option.none());
            }
            throw RejectedCall.notFound("No endpoint " + request.method() + " " + request.path() + ".");
        });
    }

    private Reply download(SimExchange exchange) {
        HostedFile file = hosted.get(exchange.param("file"));
        if (file == null) {
            return StorageHost.noSuchKey();
        }
        Option<SimJob<P>> job = file.jobId().flatMap(jobs::find);
        if (job.isDefined()) {
            Option<Reply> refusal = exchange.faultOf(job.get());
            if (refusal.isDefined()) {
                return refusal.get();
            }
        }
        if (file.isExpired(exchange.now())) {
            return StorageHost.expired();
        }
        return StorageHost.serve(exchange.request(), file.content(), file.contentType(),
                Integer.toHexString(file.name().hashCode()) + "-" + file.content().length);
    }

    private URI hostedUrl(String name) {
        return URI.create(rootUrl() + hostedPath() + "/" + name);
    }

    private static FaultBook submitFaultsOf(Scenario scenario) {
        return new FaultBook(scenario.faults().stream().filter(plan -> plan.call() == Call.SUBMIT).toList());
    }

    /** The first half of a JSON body: never a whole document, so never valid. */
    private static byte[] malformed(byte[] body) {
        byte[] half = Arrays.copyOf(body, body.length / 2);
        try {
            JsonReader.parse(half);
        } catch (JsonSyntaxException invalid) {
            return half;
        }
        return "{\"status\":".getBytes(StandardCharsets.UTF_8);
    }

    /** An enqueued scenario with what is left of its submit faults (a refused submit keeps it at the head). */
    private record Scripted(Scenario scenario, FaultBook submitFaults) {
    }
}
