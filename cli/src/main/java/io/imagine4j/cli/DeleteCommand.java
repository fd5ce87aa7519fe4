package io.imagine4j.cli;

import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.JobId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code imagine4j delete JOB_ID}: deletes a job and its result at the provider (OpenAI-compatible servers). */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a job and its result at the provider (OpenAI-compatible servers; elsewhere exit 2:"
                + " results expire on their own).",
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class DeleteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id as printed, e.g. openai:video_123.")
    String jobId;

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    DeleteCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(env, common);
        JobId id = InputArgument.jobId(jobId, Backends.chosenApi(common, env).label());
        Api api = Api.byLabel(id.provider()).getOrElseThrow(() -> new UsageException("JOB_ID: unknown provider '"
                + id.provider() + "'; use one of " + Api.labels()));
        try (ProviderAccess access = ProviderAccess.open(common, env, messages, Option.some(api))) {
            Either<JobFailure, JobId> deleted = access.session().jobs().delete(id);
            JsonDocument document = new JsonDocument().put("job_id", id.toString());
            if (deleted.isLeft()) {
                JobFailure failure = deleted.getLeft();
                messages.error("job " + id + " was not deleted (" + failure.kind().name().toLowerCase(Locale.ROOT)
                        + "): " + failure.message());
                if (common.json) {
                    env.out().println(document.put("deleted", false).put("failure", JsonDocument.failureObject(failure)));
                }
                return ExitCodes.of(failure, true);
            }
            messages.info("Deleted job " + id + " and its result at " + access.session().backend().description() + ".");
            env.out().println(common.json ? document.put("deleted", true).toString() : id.toString());
            return ExitCodes.SUCCESS;
        }
    }
}
