package io.imagine4j.cli;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobRecord;
import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.SubmissionKey;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.port.in.VideoJob;
import io.imagine4j.store.jdbc.JdbcJobStore;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code imagine4j resume}: follows every unfinished job of the store to its end, provider by
 * provider (each with its key from the environment). Jobs no live process holds are taken up at
 * once; those of a run that was killed, as soon as its leases lapse. A job whose submit was never
 * acknowledged ends as "submission outcome unknown": it is never sent again.
 */
final class ResumeRun {

    private final CommonOptions options;
    private final CliEnvironment env;
    private final Messages messages;
    private final StoreLocation location;

    ResumeRun(CommonOptions options, CliEnvironment env) {
        this.options = options;
        this.env = env;
        this.messages = new Messages(env, options);
        this.location = StoreLocation.of(options, env);
    }

    int run() {
        Instant deadline = Instant.now().plus(options.timeout());
        List<Map<String, Object>> reports = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean stillRunning = false;
        try (JdbcJobStore store = location.open(env)) {
            Map<String, List<JobRecord>> byProvider = new LinkedHashMap<>();
            store.unfinished().forEach(record -> byProvider.computeIfAbsent(record.provider(), p -> new ArrayList<>()).add(record));
            if (byProvider.isEmpty()) {
                messages.info("No unfinished job in " + location.describe() + ".");
            }
            for (Map.Entry<String, List<JobRecord>> entry : byProvider.entrySet()) {
                List<JobRecord> records = entry.getValue();
                Option<Api> api = Api.byLabel(entry.getKey());
                if (api.isEmpty()) {
                    skipped.add(count(records.size()) + " of provider '" + entry.getKey() + "', which this command does not know");
                    continue;
                }
                Backend backend;
                try {
                    backend = Backends.forApi(api.get(), options, env, messages);
                } catch (UsageException e) {
                    skipped.add(count(records.size()) + " at " + api.get().title() + ": " + e.getMessage());
                    continue;
                }
                try (Session session = Session.open(backend, store, Session.takingOver(env.settings()))) {
                    messages.info("Resuming " + count(records.size()) + " on " + backend.description() + " …");
                    Map<SubmissionKey, StoredJobFollow.Taken> taken = StoredJobFollow.takeUp(session, store, records, deadline,
                            messages);
                    for (JobRecord record : records) {
                        Map<String, Object> report = outcome(record, taken.get(record.key()), deadline);
                        stillRunning |= !JobStatus.valueOf(((String) report.get("status")).toUpperCase(Locale.ROOT)).isTerminal();
                        reports.add(report);
                    }
                }
            }
        } catch (InterruptedException e) {
            messages.error("interrupted; the jobs not yet ended stay in " + location.describe() + " for the next resume.");
            if (options.json) {
                env.out().println(document(reports, skipped).put("failure", JsonDocument.failureObject(
                        FailureKind.CANCELLED, "interrupted", "resume was interrupted")));
            }
            return ExitCodes.INTERRUPTED;
        }
        skipped.forEach(reason -> messages.error("not resumed: " + reason));
        if (options.json) {
            env.out().println(document(reports, skipped));
        }
        if (!skipped.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        return stillRunning ? ExitCodes.TIMED_OUT : ExitCodes.SUCCESS;
    }

    private Map<String, Object> outcome(JobRecord record, StoredJobFollow.Taken taken, Instant deadline)
            throws InterruptedException {
        JobState state;
        String name = record.jobId().map(Object::toString).getOrElse(() -> "job " + record.key().value());
        if (taken instanceof StoredJobFollow.Taken.Followed followed) {
            VideoJob job = followed.job();
            Duration left = Duration.between(Instant.now(), deadline);
            job.await(left.isNegative() ? Duration.ZERO : left);
            state = job.state();
            name = job.jobId().map(Object::toString).getOrElse(name);
        } else if (taken instanceof StoredJobFollow.Taken.EndedElsewhere ended) {
            state = ended.record().state();
        } else {
            state = record.state();
        }
        tell(name, state);
        if (!options.json) {
            env.out().println(name.replace("job ", "") + " " + state.status().name().toLowerCase(Locale.ROOT));
        }
        return JobsCommand.row(record.withState(state));
    }

    private void tell(String name, JobState state) {
        if (state.status() == JobStatus.SUCCEEDED) {
            GeneratedVideo video = state.result().get();
            messages.info(name + " succeeded: save it with `imagine4j download " + video.jobId() + " -o FILE`"
                    + video.expiresAt().map(at -> " (its URL is valid until " + at + ")").getOrElse(""));
        } else if (state.isTerminal()) {
            JobFailure failure = state.failure().getOrElse(() -> JobFailure.of(FailureKind.CANCELLED,
                    state.rawStatus(), "ended as " + state.status()));
            messages.info(name + " " + state.status().name().toLowerCase(Locale.ROOT) + " (" + failure.kind().name()
                    .toLowerCase(Locale.ROOT) + "): " + failure.message());
        } else {
            messages.info(name + " is still " + ProgressLines.describe(state) + "; run resume again later.");
        }
    }

    private JsonDocument document(List<Map<String, Object>> reports, List<String> skipped) {
        return new JsonDocument().put("store", location.describe()).put("jobs", reports).put("not_resumed", skipped);
    }

    private static String count(int jobs) {
        return jobs == 1 ? "1 job" : jobs + " jobs";
    }
}
