package io.imagine4j.http.error;

import io.imagine4j.core.job.FailureKind;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Objects;

/**
 * An adapter's exception to the standard mapping from status and error body to a
 * {@link FailureKind}: answers a kind when it applies, none to let the next rule (and finally the
 * standard mapping) decide.
 *
 * <pre>{@code
 * ErrorClassifier xai = ErrorClassifier.forProvider("xAI")
 *         .withRule(ErrorRule.code("imagine:content-moderated", FailureKind.MODERATION))
 *         .withRule(ErrorRule.messageContains(400, "Incorrect API key", FailureKind.AUTHENTICATION));
 * }</pre>
 */
@FunctionalInterface
public interface ErrorRule {

    /** The kind this rule gives an error answer with {@code status} and body {@code error}, if it applies. */
    Option<FailureKind> kindFor(int status, ProviderError error);

    /** Any status whose body carries provider code {@code code} (compared ignoring case). */
    static ErrorRule code(String code, FailureKind kind) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        return (status, error) -> error.code().exists(c -> c.equalsIgnoreCase(code)) ? Option.some(kind) : Option.none();
    }

    /** {@code status} with a message containing {@code fragment} (ignoring case). */
    static ErrorRule messageContains(int status, String fragment, FailureKind kind) {
        Objects.requireNonNull(fragment, "fragment");
        Objects.requireNonNull(kind, "kind");
        String lower = fragment.toLowerCase(Locale.ROOT);
        return (answered, error) -> answered == status
                && error.message().exists(m -> m.toLowerCase(Locale.ROOT).contains(lower)) ? Option.some(kind) : Option.none();
    }

    /** Every answer with {@code status}. */
    static ErrorRule status(int status, FailureKind kind) {
        Objects.requireNonNull(kind, "kind");
        return (answered, error) -> answered == status ? Option.some(kind) : Option.none();
    }
}
