package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.scenario.Directives;
import io.imagine4j.testkit.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The directives of one request (prompt {@code #sim:…} and the {@value Directives#HEADER} header),
 * split into the shared vocabulary, which {@link Directives} turns into a {@link Scenario}, and the
 * tokens only this simulator knows (its dialect, e.g. xAI's {@code moderated=flag}).
 *
 * <pre>{@code
 * DirectiveResolution directives = directives(exchange, prompt);  // in a submit handler
 * if (directives.dialect().contains("moderated=flag")) { … }
 * return admit(exchange, directives, params).fold(refusal -> refusal, job -> created(job));
 * }</pre>
 *
 * @param scenario the scenario the shared directives describe ({@link Scenario#succeeds()} when none)
 * @param dialect  the simulator-specific tokens present, lower case
 * @param tokens   every token, in order, lower case
 * @param source   the prompt and header they came from: retries of one request share it, so a
 *                 {@code submit-429x2} directive refuses the first two attempts, not every one
 */
public record DirectiveResolution(Scenario scenario, Set<String> dialect, List<String> tokens, String source) {

    // Tokenised the way Directives does (its tokeniser is private), so a dialect token can be set
    // aside before the shared vocabulary sees the rest.

    public DirectiveResolution {
        dialect = Set.copyOf(dialect);
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(source, "source");
    }

    /**
     * Reads the directives of a request.
     *
     * @param prompt     the prompt, or null
     * @param header     the directive header's value, or null
     * @param dialect    the tokens this simulator understands beyond the shared vocabulary
     * @param vocabulary a sentence naming the dialect tokens, appended to the error for an unknown token
     * @throws RejectedCall 400 naming the vocabulary, for an unknown directive
     */
    public static DirectiveResolution of(String prompt, String header, Set<String> dialect, String vocabulary) {
        List<String> tokens = Directives.tokens(prompt, header);
        Set<String> ours = new LinkedHashSet<>();
        List<String> shared = new ArrayList<>();
        for (String token : tokens) {
            if (dialect.contains(token)) {
                ours.add(token);
            } else {
                shared.add(token);
            }
        }
        try {
            Scenario scenario = Directives.apply(Scenario.succeeds(), shared);
            return new DirectiveResolution(scenario, ours, tokens, prompt + "\n" + header);
        } catch (IllegalArgumentException unknown) {
            String message = unknown.getMessage() + (vocabulary.isEmpty() ? "" : ". " + vocabulary);
            throw RejectedCall.badRequest(message);
        }
    }

    /** The same directives leading to another scenario (a dialect token that changes the outcome). */
    public DirectiveResolution withScenario(Scenario changed) {
        return new DirectiveResolution(changed, dialect, tokens, source);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
