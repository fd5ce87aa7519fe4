package io.imagine4j.cli;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.Resolution;
import io.vavr.control.Either;
import io.vavr.control.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code imagine4j models}: the provider's models, and what each accepts. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the provider's models and what each accepts: request kinds, durations, aspect ratios,"
                + " resolutions (its run-time list merged with imagine4j's built-in table).",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class ModelsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    ModelsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(env, common);
        try (ProviderAccess access = ProviderAccess.open(common, env, messages, Option.none())) {
            Either<JobFailure, List<ModelInfo>> models = access.session().jobs().models();
            if (models.isLeft()) {
                JobFailure failure = models.getLeft();
                messages.error("the models could not be listed (" + failure.kind().name().toLowerCase(Locale.ROOT)
                        + "): " + failure.message());
                if (common.json) {
                    env.out().println(JsonDocument.failure(failure.kind(), failure.code(), failure.message()));
                }
                return ExitCodes.of(failure, true);
            }
            if (common.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                models.get().forEach(model -> rows.add(row(model)));
                env.out().println(new JsonDocument().put("provider", access.session().backend().provider().name())
                        .put("models", rows));
                return ExitCodes.SUCCESS;
            }
            for (ModelInfo model : models.get()) {
                env.out().println(model.id() + (model.aliases().isEmpty() ? "" : " (also " + String.join(", ", model.aliases()) + ")"));
                if (model.capabilities().isDefined()) {
                    model.capabilities().get().kinds().forEach((kind, limits) ->
                            env.out().printf("  %-15s %s%n", kind.label(), describe(limits)));
                } else if (!model.kinds().isEmpty()) {
                    env.out().println("  " + model.kinds().stream().map(RequestKind::label).collect(Collectors.joining(", ")));
                }
            }
            return ExitCodes.SUCCESS;
        }
    }

    private static String describe(RequestLimits limits) {
        List<String> parts = new ArrayList<>();
        if (!limits.durations().isEmpty()) {
            parts.add(limits.describeDurations());
        }
        if (!limits.aspectRatios().isEmpty()) {
            parts.add(limits.aspectRatios().stream().map(AspectRatio::toString).collect(Collectors.joining(" ")));
        }
        if (!limits.resolutions().isEmpty()) {
            parts.add(limits.resolutions().stream().map(Resolution::toString).collect(Collectors.joining(" ")));
        }
        limits.inputDuration().forEach(range -> parts.add("input " + range));
        if (limits.audio()) {
            parts.add("audio");
        }
        if (limits.maxGenerations() > 1) {
            parts.add("up to " + limits.maxGenerations() + " videos");
        }
        return String.join(" · ", parts);
    }

    private static Map<String, Object> row(ModelInfo model) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", model.id());
        row.put("aliases", model.aliases());
        row.put("kinds", model.kinds().stream().map(RequestKind::label).collect(Collectors.toList()));
        Map<String, Object> accepts = new LinkedHashMap<>();
        model.capabilities().forEach(capabilities -> capabilities.kinds().forEach((kind, limits) -> {
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("durations_s", List.copyOf(limits.durations()));
            limit.put("aspect_ratios", limits.aspectRatios().stream().map(AspectRatio::toString).collect(Collectors.toList()));
            limit.put("resolutions", limits.resolutions().stream().map(Resolution::toString).collect(Collectors.toList()));
            limit.put("audio", limits.audio());
            limit.put("max_generations", limits.maxGenerations());
            limit.put("default_duration_s", limits.defaultDuration().getOrNull());
            accepts.put(kind.label(), limit);
        }));
        row.put("accepts", accepts);
        row.put("details", model.details());
        return row;
    }
}
