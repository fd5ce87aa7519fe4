package io.imagine4j.cli;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobSummary;
import io.imagine4j.core.port.out.JobQuery;
import io.vavr.control.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code imagine4j list}: the provider's own job list, whoever submitted the jobs (OpenAI-compatible servers, Oxen). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the provider's own jobs, whoever submitted them (OpenAI-compatible servers and Oxen; xAI has"
                + " no job list: exit 2, and `imagine4j jobs` lists yours).",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @picocli.CommandLine.Option(names = "--status", paramLabel = "S",
            description = "Only jobs of this status: queued, running, succeeded, failed, cancelled, expired.")
    String status;

    @picocli.CommandLine.Option(names = "--model", paramLabel = "M", description = "Only jobs of this model.")
    String model;

    @picocli.CommandLine.Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N jobs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    ListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit: give a positive number, not " + limit);
        }
        JobQuery query = JobQuery.all().withPageSize(Math.min(limit, 100));
        query = Option.of(status).map(ListCommand::status).map(query::withStatus).getOrElse(query);
        query = Option.of(model).map(query::withModel).getOrElse(query);
        Messages messages = new Messages(env, common);
        try (ProviderAccess access = ProviderAccess.open(common, env, messages, Option.none());
             Stream<JobSummary> jobs = access.session().jobs().list(query)) {
            List<JobSummary> listed = jobs.limit(limit).collect(Collectors.toList());
            if (common.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                listed.forEach(job -> rows.add(row(job)));
                env.out().println(new JsonDocument().put("provider", access.session().backend().provider().name())
                        .put("jobs", rows));
                return ExitCodes.SUCCESS;
            }
            if (listed.isEmpty()) {
                messages.info("No job at " + access.session().backend().description() + ".");
            } else {
                env.out().printf("%-44s %-14s %-28s %-19s %s%n", "JOB", "STATUS", "MODEL", "CREATED", "PROMPT");
            }
            for (JobSummary job : listed) {
                env.out().printf("%-44s %-14s %-28s %-19s %s%n", job.jobId(), job.status().name().toLowerCase(Locale.ROOT)
                                + job.progress().filter(p -> !job.status().isTerminal()).map(p -> " " + p + "%").getOrElse(""),
                        job.model().getOrElse(""), job.createdAt().map(at -> TIME.format(at.atZone(ZoneId.systemDefault())))
                                .getOrElse(""), JobsCommand.shortened(job.prompt().getOrElse(""), 50));
            }
            return ExitCodes.SUCCESS;
        }
    }

    private static Map<String, Object> row(JobSummary job) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("job_id", job.jobId().toString());
        row.put("status", job.status().name().toLowerCase(Locale.ROOT));
        row.put("raw_status", job.rawStatus());
        row.put("progress", job.progress().getOrNull());
        row.put("model", job.model().getOrNull());
        row.put("prompt", job.prompt().getOrNull());
        row.put("created_at", job.createdAt().map(Object::toString).getOrNull());
        return row;
    }

    private static JobStatus status(String text) {
        try {
            return JobStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--status: '" + text + "' is not a status; use queued, running, succeeded, failed,"
                    + " cancelled or expired");
        }
    }
}
