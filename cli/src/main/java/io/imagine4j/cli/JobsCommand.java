package io.imagine4j.cli;

import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.store.jdbc.JdbcJobStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code imagine4j jobs}: the jobs in the local store, newest first; no provider is asked. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List the jobs recorded in the job store, newest first (unfinished ones, or --all). No provider is asked.",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class JobsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = {"-a", "--all"}, description = "Finished jobs too.")
    boolean all;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N jobs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    JobsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit: give a positive number, not " + limit);
        }
        StoreLocation location = StoreLocation.of(common, env);
        Messages messages = new Messages(env, common);
        try (JdbcJobStore store = location.open(env)) {
            List<JobRecord> records = store.recent(limit, all);
            if (common.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                records.forEach(record -> rows.add(row(record)));
                env.out().println(new JsonDocument().put("store", location.describe()).put("jobs", rows));
                return ExitCodes.SUCCESS;
            }
            if (records.isEmpty()) {
                messages.info("No " + (all ? "" : "unfinished ") + "job in " + location.describe()
                        + (all ? "." : "; `imagine4j jobs --all` lists the finished ones too."));
                return ExitCodes.SUCCESS;
            }
            env.out().printf("%-44s %-12s %-14s %-19s %s%n", "JOB", "STATUS", "KIND", "CREATED", "PROMPT");
            for (JobRecord record : records) {
                env.out().printf("%-44s %-12s %-14s %-19s %s%n", name(record), ProgressLines.describe(record.state()),
                        record.kind().map(k -> k.label()).getOrElse("watched"),
                        TIME.format(record.createdAt().atZone(ZoneId.systemDefault())),
                        shortened(record.request().map(VideoRequest::prompt).getOrElse(""), 50));
            }
            return ExitCodes.SUCCESS;
        }
    }

    /** A stored job for JSON: {@code job_id}, {@code key}, {@code provider}, {@code kind}, {@code status}, ... */
    static Map<String, Object> row(JobRecord record) {
        JobState state = record.state();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("job_id", record.jobId().map(Object::toString).getOrNull());
        row.put("key", record.key().value());
        row.put("provider", record.provider());
        row.put("kind", record.kind().map(k -> k.label()).getOrNull());
        row.put("status", state.status().name().toLowerCase(Locale.ROOT));
        row.put("progress", state.progress().getOrNull());
        row.put("created_at", record.createdAt().toString());
        row.put("updated_at", state.updatedAt().toString());
        row.put("prompt", record.request().map(VideoRequest::prompt).getOrNull());
        row.put("video", state.result().map(video -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("url", video.location().toString());
            v.put("duration_s", video.duration().map(d -> d.toMillis() / 1000.0).getOrNull());
            v.put("expires_at", video.expiresAt().map(Object::toString).getOrNull());
            v.put("cost_usd", video.costUsd().getOrNull());
            return v;
        }).getOrNull());
        row.put("failure", state.failure().map(JsonDocument::failureObject).getOrNull());
        return row;
    }

    private static String name(JobRecord record) {
        return record.jobId().map(Object::toString).getOrElse(() -> "(not acknowledged) " + record.key().value());
    }

    static String shortened(String text, int most) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= most ? line : line.substring(0, most - 1) + "…";
    }
}
