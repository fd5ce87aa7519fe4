package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.internal.json.JsonSyntaxException;
import io.imagine4j.testkit.internal.json.JsonValue;
import io.imagine4j.testkit.internal.sim.DirectiveResolution;
import io.imagine4j.testkit.internal.sim.HostedFile;
import io.imagine4j.testkit.internal.sim.RejectedCall;
import io.imagine4j.testkit.internal.sim.Reply;
import io.imagine4j.testkit.internal.sim.Routes;
import io.imagine4j.testkit.internal.sim.SimExchange;
import io.imagine4j.testkit.internal.sim.SimRequest;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Outcome;
import io.imagine4j.testkit.scenario.Scenario;
import io.vavr.control.Option;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest complete simulator, exercising every part of the infrastructure through a made-up
 * protocol: key in an {@code api-key} header, nested error bodies, submit / poll / cancel, a
 * blocking outcome endpoint (a deferred answer), a result file, and an event stream with keep-alive
 * comments every 15 s of simulator time.
 */
final class ToySimulator extends HttpSimulator<String> {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    ToySimulator(SimulatorOptions options) {
        super(options, ids());
    }

    static ToySimulator start() {
        return start(SimulatorOptions.forTests());
    }

    static ToySimulator start(SimulatorOptions options) {
        return serveAlone(new ToySimulator(options));
    }

    private static java.util.function.Supplier<String> ids() {
        AtomicInteger next = new AtomicInteger();
        return () -> "job-" + next.incrementAndGet();
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    protected String apiRoot() {
        return "/api";
    }

    @Override
    protected void routes(Routes routes) {
        routes.post("/api/jobs", Call.SUBMIT, this::submit)
                .get("/api/jobs/{id}", Call.POLL, this::poll)
                .delete("/api/jobs/{id}", Call.CANCEL, this::cancel)
                .post("/api/jobs/{id}/outcome", Call.POLL, this::outcome)
                .get("/api/events", Call.EVENTS, this::events);
    }

    @Override
    protected Reply.Answer error(RejectedCall rejection) {
        JsonObject.Builder error = JsonObject.builder().put("status", rejection.status()).put("message", rejection.getMessage());
        rejection.param().forEach(param -> error.put("param", param));
        return Reply.json(rejection.status(), JsonObject.builder().put("error", error.build()).build());
    }

    @Override
    protected Option<String> presentedKey(SimRequest request) {
        return request.header("api-key");
    }

    @Override
    protected Reply authFailure(ApiKeys.Verdict verdict, SimExchange exchange) {
        return error(new RejectedCall(401, verdict == ApiKeys.Verdict.MISSING ? "missing api-key" : "wrong api-key", Option.none()));
    }

    /** Like OpenAI's {@code x-request-id}: on every answer, errors and faults included. */
    @Override
    protected java.util.Map<String, String> commonHeaders(SimRequest request) {
        return java.util.Map.of("X-Toy-Request", request.method() + " " + request.path());
    }

    @Override
    protected Set<String> dialectDirectives() {
        return Set.of("toy=blocked");
    }

    @Override
    protected String dialectVocabulary() {
        return "The toy simulator also knows: toy=blocked";
    }

    private Reply submit(SimExchange exchange) {
        JsonValue body;
        try {
            body = JsonReader.parse(exchange.request().body());
        } catch (JsonSyntaxException e) {
            throw RejectedCall.badRequest("not JSON: " + e.getMessage());
        }
        String prompt = ((JsonObject) body).string("prompt").getOrElseThrow(() -> RejectedCall.badRequest("prompt", "prompt is required"));
        DirectiveResolution directives = directives(exchange, prompt);
        if (directives.dialect().contains("toy=blocked")) {
            directives = directives.withScenario(directives.scenario().withOutcome(new Outcome.Moderated()));
        }
        return admit(exchange, directives, prompt)
                .fold(refusal -> refusal, job -> Reply.json(201, JsonObject.builder().put("id", job.id()).build()));
    }

    private Reply poll(SimExchange exchange) {
        SimJob<String> job = job(exchange.param("id")).getOrElseThrow(() -> RejectedCall.notFound("no job " + exchange.param("id")));
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        Scenario.Moment moment = job.moment(exchange.now());
        JsonObject.Builder body = JsonObject.builder()
                .put("id", job.id())
                .put("status", moment.status().name().toLowerCase(Locale.ROOT));
        moment.progress().forEach(progress -> body.put("progress", progress));
        if (moment.outcome().exists(Outcome.Succeed.class::isInstance)) {
            HostedFile result = host("toy-" + job.id() + ".mp4", "video/mp4", () -> SampleMp4.of(Duration.ofSeconds(1)),
                    Option.some(job.id()), Option.some(job.endsAt().plus(options().resultTtl())));
            body.put("url", result.url().toString());
        }
        return Reply.json(200, body.build());
    }

    /** Blocks until the job ends (a deferred answer), then tells its status; a failed job is refused with a 409. */
    private Reply outcome(SimExchange exchange) {
        SimJob<String> job = job(exchange.param("id")).getOrElseThrow(() -> RejectedCall.notFound("no job " + exchange.param("id")));
        return new Reply.Deferred(job.endsAt(), () -> {
            Scenario.Moment moment = job.moment(clock().now());
            if (moment.status() == io.imagine4j.core.job.JobStatus.FAILED) {
                throw new RejectedCall(409, "the job failed", Option.none());
            }
            return Reply.json(200, JsonObject.builder().put("status", moment.status().name().toLowerCase(Locale.ROOT)).build());
        });
    }

    private Reply cancel(SimExchange exchange) {
        SimJob<String> job = job(exchange.param("id")).getOrElseThrow(() -> RejectedCall.notFound("no job " + exchange.param("id")));
        Option<Reply> refusal = exchange.faultOf(job);
        if (refusal.isDefined()) {
            return refusal.get();
        }
        return Reply.json(200, JsonObject.builder().put("cancelled", job.cancel(exchange.now())).build());
    }

    /** A comment at once, then one every 15 s of simulator time, until the simulator cuts the stream. */
    private Reply events(SimExchange exchange) {
        return new Reply.Stream(200, java.util.Map.of("Content-Type", "text/event-stream"), (OutputStream out) -> {
            // The first keep-alive is due 15 s after the connect, whenever the client reads the greeting.
            Instant next = exchange.now().plus(KEEP_ALIVE);
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                clock().awaitUntil(next);
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                next = next.plus(KEEP_ALIVE);
            }
        });
    }
}
