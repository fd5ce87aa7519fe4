package io.imagine4j.core.service;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.ProviderCapabilities;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.Scheduler;
import io.imagine4j.core.port.out.VideoProvider;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provider's capabilities as the service checks requests against them: the adapter's built-in
 * table, merged with the models the provider answers at run time where it has a model list. The
 * list is fetched only when needed (a request names a model the table does not know, or a kind no
 * known model runs, or the user asks for the models) and trusted for {@code modelsCacheTime}; when
 * it cannot be fetched (a gateway without the endpoint), the table stands alone until the next try.
 */
final class ModelCatalog {

    private final VideoProvider provider;
    private final Scheduler clock;
    private final Duration cacheTime;
    private volatile ProviderCapabilities current;
    private volatile Option<List<ModelInfo>> discovered = Option.none();
    private volatile Instant fetchedAt;
    private volatile Option<JobFailure> lastFailure = Option.none();

    ModelCatalog(VideoProvider provider, Scheduler clock, Duration cacheTime) {
        this.provider = provider;
        this.clock = clock;
        this.cacheTime = cacheTime;
        this.current = provider.capabilities();
    }

    /** The capabilities as known now, without asking the provider. */
    ProviderCapabilities current() {
        return current;
    }

    /** The capabilities to check {@code request} against, asking the provider first when the table cannot place it. */
    ProviderCapabilities forRequest(VideoRequest request) {
        ProviderCapabilities known = current;
        boolean placed = request.options().model()
                .map(name -> known.model(Option.some(name)).isDefined())
                .getOrElse(() -> known.defaultModelFor(request.kind()).isDefined());
        if (!placed && discovers() && stale()) {
            refresh();
        }
        return current;
    }

    /**
     * The provider's models merged with the table's, fetching them when stale; the table's alone
     * without discovery; the failure when the list could never be fetched.
     */
    Either<JobFailure, List<ModelInfo>> models() {
        if (!discovers()) {
            return Either.right(describe(current, List.of()));
        }
        if (stale()) {
            refresh();
        }
        if (discovered.isEmpty() && lastFailure.isDefined()) {
            return Either.left(lastFailure.get()); // never fetched: say why, rather than pass the table off as the list
        }
        return Either.right(describe(current, discovered.getOrElse(List.of())));
    }

    private boolean discovers() {
        return provider.capabilities().supports(ProviderFeature.MODEL_DISCOVERY);
    }

    private boolean stale() {
        Instant at = fetchedAt;
        return at == null || !clock.now().isBefore(at.plus(cacheTime));
    }

    private synchronized void refresh() {
        if (!stale()) {
            return;
        }
        fetchedAt = clock.now();
        Either<JobFailure, List<ModelInfo>> answer;
        try {
            answer = provider.models();
        } catch (RuntimeException e) {
            answer = Either.left(JobFailure.of(io.imagine4j.core.job.FailureKind.PROTOCOL, "adapter_error",
                    provider.name() + " adapter failed while listing models: " + e.getClass().getSimpleName()));
        }
        answer.peekLeft(failure -> lastFailure = Option.some(failure)).peek(models -> {
            lastFailure = Option.none();
            discovered = Option.some(models);
            current = provider.capabilities().withDiscovered(models);
        });
    }

    /** Every model the capabilities know, with its aliases, kinds and limits, and what the provider said of it. */
    private static List<ModelInfo> describe(ProviderCapabilities capabilities, List<ModelInfo> said) {
        Map<String, List<String>> aliases = capabilities.aliases().entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        return capabilities.models().values().stream()
                .map(model -> new ModelInfo(model.model(), aliases.getOrDefault(model.model(), List.of()),
                        model.supportedKinds(), Option.some(model), said.stream().filter(info -> info.id().equals(model.model()))
                                .findFirst().map(ModelInfo::details).orElse(Map.of())))
                .collect(Collectors.toUnmodifiableList());
    }
}
