package io.imagine4j.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing API key into Spring Boot's startup report: what is missing, and the ways to give it. */
final class ApiKeyNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<ApiKeyNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ApiKeyNotConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the property " + cause.property() + " or the environment variable " + cause.variable()
                        + " to your " + cause.provider() + " API key; or choose another provider with imagine4j.provider"
                        + " (xai, openai, oxen), declare your own VideoProvider bean, or turn imagine4j off with"
                        + " imagine4j.enabled=false.",
                cause);
    }
}
