package io.imagine4j.testkit.fake;

import io.imagine4j.core.job.FailureKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCodesTest {

    @ParameterizedTest
    @CsvSource({
            "internal_error, PROVIDER_ERROR",
            "service_unavailable, PROVIDER_ERROR",
            "invalid_argument, INVALID_REQUEST",
            "failed_precondition, INVALID_REQUEST",
            "Invalid_Request_Error, INVALID_REQUEST",
            "permission_denied, PERMISSION",
            "unauthenticated, AUTHENTICATION",
            "insufficient_quota, QUOTA",
            "rate_limit_exceeded, RATE_LIMITED",
            "deadline_exceeded, TIMEOUT",
            "expired, EXPIRED",
            "resource_not_found, NOT_FOUND",
            "imagine:content-moderated, MODERATION",
            "moderation_blocked, MODERATION",
            "content_policy_violation, MODERATION"})
    void known_codes_have_their_kind(String code, FailureKind kind) {
        assertThat(FailureCodes.kindOf(code)).isEqualTo(kind);
    }

    @Property
    void any_other_code_is_a_provider_error(@ForAll("unknownCodes") String code) {
        assertThat(FailureCodes.kindOf(code)).isEqualTo(FailureKind.PROVIDER_ERROR);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> unknownCodes() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(12)
                .map(s -> "x" + s) // no known code starts with x
                .filter(s -> !s.contains("moderat") && !s.contains("safety"));
    }
}
