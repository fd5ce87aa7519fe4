package io.imagine4j.testkit.scenario;

import io.vavr.control.Option;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets any client, in any language, choose how a simulated job behaves without code: by directives
 * in the prompt ({@code "A fox #sim:slow=20s,poll-503x2"}) or in the {@value #HEADER} request
 * header ({@code slow=20s, poll-503x2}). Directives stay in the prompt the simulator echoes back.
 *
 * <table>
 *   <caption>Directive vocabulary</caption>
 *   <tr><th>token</th><th>effect</th></tr>
 *   <tr><td>{@code ok}</td><td>succeed (the default)</td></tr>
 *   <tr><td>{@code moderated}</td><td>rejected by content moderation</td></tr>
 *   <tr><td>{@code fail}, {@code fail=CODE}</td><td>fail with the provider's code ({@code internal_error} by default)</td></tr>
 *   <tr><td>{@code expire}</td><td>the job expires</td></tr>
 *   <tr><td>{@code slow=DUR}, {@code time=DUR}</td><td>processing time, e.g. {@code 20s}, {@code 500ms}, {@code 2m}</td></tr>
 *   <tr><td>{@code instant}</td><td>done at the first poll</td></tr>
 *   <tr><td>{@code CALL-FAULT[=ARG][xN]}</td><td>a fault on the next N (default 1) calls of this job:
 *       CALL is {@code submit poll content cancel events}; FAULT is {@code 429} (ARG: Retry-After),
 *       {@code 429date} (ARG: Retry-After, sent as an HTTP date), {@code 500 502 503 504}, {@code reset},
 *       {@code slow} (ARG: delay), {@code hang} (ARG: how long nothing is sent), {@code malformed},
 *       {@code truncated}, {@code html}, {@code oversized}, {@code garbage}, {@code unknown},
 *       {@code backwards}, {@code redirect}, {@code empty}, {@code auth}, {@code 400}, {@code 404},
 *       {@code expired}, {@code drop}</td></tr>
 * </table>
 */
public final class Directives {

    /** The request header that carries directives. */
    public static final String HEADER = "X-Imagine4j-Sim";

    /** The size of an {@code oversized} answer: twice the 8 MiB most clients read at most. */
    public static final long OVERSIZED_BYTES = 16L * 1024 * 1024;

    private static final Pattern IN_PROMPT = Pattern.compile("#sim:(\\S+)");
    // The fault name is reluctant, so "503x2" reads as fault 503 times 2, not as a fault named "503x2".
    private static final Pattern FAULT = Pattern.compile(
            "(submit|poll|content|cancel|delete|events)-([a-z0-9]+?)(?:=([0-9.]+(?:ms|s|m|h)?))?(?:x(\\d+))?");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?");

    private Directives() {
    }

    /** Whether the prompt or header carries any directive. */
    public static boolean present(String prompt, String header) {
        return (prompt != null && IN_PROMPT.matcher(prompt).find()) || (header != null && !header.isBlank());
    }

    /**
     * The scenario that {@code base} becomes under the directives of {@code prompt} and
     * {@code header} (either may be null).
     *
     * @throws IllegalArgumentException naming the token and the vocabulary, for an unknown directive
     */
    public static Scenario apply(Scenario base, String prompt, String header) {
        Scenario scenario = base;
        for (String token : tokens(prompt, header)) {
            scenario = applyToken(scenario, token);
        }
        return scenario;
    }

    /**
     * The scenario that {@code base} becomes under {@code tokens} (as {@link #tokens} reads them).
     *
     * @throws IllegalArgumentException naming the token and the vocabulary, for an unknown token
     */
    public static Scenario apply(Scenario base, List<String> tokens) {
        Scenario scenario = base;
        for (String token : tokens) {
            scenario = applyToken(scenario, token);
        }
        return scenario;
    }

    /** {@link #apply} on the default scenario. */
    public static Scenario parse(String prompt, String header) {
        return apply(Scenario.succeeds(), prompt, header);
    }

    /** Reads {@code 20s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    public static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 20s, 500ms, 2m or 1h");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        long millis = switch (unit) {
            case "ms" -> amount.longValue();
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000)).longValue();
            case "h" -> amount.multiply(BigDecimal.valueOf(3_600_000)).longValue();
            default -> amount.multiply(BigDecimal.valueOf(1_000)).longValue();
        };
        return Duration.ofMillis(millis);
    }

    /** The directive tokens of a prompt and a header (either may be null), lower case, in order. */
    public static List<String> tokens(String prompt, String header) {
        List<String> tokens = new ArrayList<>();
        if (prompt != null) {
            Matcher matcher = IN_PROMPT.matcher(prompt);
            while (matcher.find()) {
                split(matcher.group(1), tokens);
            }
        }
        if (header != null) {
            split(header.replace(';', ','), tokens);
        }
        return tokens;
    }

    private static void split(String text, List<String> into) {
        for (String part : text.split(",")) {
            String token = part.trim().toLowerCase(Locale.ROOT);
            if (!token.isEmpty()) {
                into.add(token);
            }
        }
    }

    private static Scenario applyToken(Scenario scenario, String token) {
        if (token.equals("ok")) {
            return scenario.withOutcome(new Outcome.Succeed());
        }
        if (token.equals("moderated")) {
            return scenario.withOutcome(new Outcome.Moderated());
        }
        if (token.equals("expire")) {
            return scenario.withOutcome(new Outcome.Expire());
        }
        if (token.equals("fail")) {
            return scenario.withOutcome(new Outcome.Fail("internal_error", "Simulated failure (#sim:fail)."));
        }
        if (token.startsWith("fail=")) {
            String code = token.substring(5);
            return scenario.withOutcome(new Outcome.Fail(code, "Simulated failure (#sim:fail=" + code + ")."));
        }
        if (token.equals("instant")) {
            return scenario.withProcessingTime(Duration.ZERO);
        }
        if (token.startsWith("slow=") || token.startsWith("time=")) {
            return scenario.withProcessingTime(duration(token.substring(5)));
        }
        Matcher fault = FAULT.matcher(token);
        if (fault.matches()) {
            Call call = Call.valueOf(fault.group(1).toUpperCase(Locale.ROOT));
            int times = fault.group(4) == null ? 1 : Integer.parseInt(fault.group(4));
            return scenario.withFault(new FaultPlan(call, fault(fault.group(2), Option.of(fault.group(3)), token), times));
        }
        throw unknown(token);
    }

    private static Fault fault(String name, Option<String> argument, String token) {
        switch (name) {
            case "429":
                return new Fault.RateLimited(argument.map(Directives::duration));
            case "429date":
                return new Fault.RateLimited(argument.map(Directives::duration), true);
            case "500":
            case "502":
            case "503":
            case "504":
                return new Fault.ServerError(Integer.parseInt(name));
            case "reset":
                return new Fault.ConnectionReset();
            case "slow":
                return new Fault.SlowBody(argument.map(Directives::duration).getOrElse(Duration.ofSeconds(2)));
            case "hang":
                return new Fault.NoAnswer(argument.map(Directives::duration).getOrElse(Duration.ofSeconds(30)));
            case "malformed":
                return new Fault.MalformedJson();
            case "truncated":
                return new Fault.TruncatedJson();
            case "html":
                return new Fault.WrongContentType();
            case "oversized":
                return new Fault.OversizedBody(OVERSIZED_BYTES);
            case "garbage":
                return new Fault.Garbage();
            case "unknown":
                return new Fault.UnknownStatus();
            case "backwards":
                return new Fault.StatusBackwards();
            case "redirect":
                return new Fault.CrossOriginRedirect();
            case "empty":
                return new Fault.EmptyBody();
            case "auth":
                return new Fault.Unauthorized();
            case "400":
                return new Fault.BadRequest("Simulated invalid request (#sim:" + token + ").");
            case "404":
                return new Fault.NotFound();
            case "expired":
                return new Fault.ExpiredResult();
            case "drop":
                return new Fault.StreamDrop();
            default:
                throw unknown(token);
        }
    }

    private static IllegalArgumentException unknown(String token) {
        return new IllegalArgumentException("Unknown simulator directive '" + token + "'. Known: ok, moderated, fail, "
                + "fail=CODE, expire, slow=DUR, time=DUR, instant, and CALL-FAULT[=ARG][xN] with CALL in "
                + "submit|poll|content|cancel|events and FAULT in 429|429date|500|502|503|504|reset|slow|hang|malformed|truncated|"
                + "html|oversized|garbage|unknown|backwards|redirect|empty|auth|400|404|expired|drop");
    }
}
