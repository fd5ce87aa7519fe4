package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The URL Oxen's model fetches an input from: a URL as given; local files and bytes uploaded to the
 * configured repository first; a previous result by its location (a synchronous result saved to a
 * file is uploaded like a local file), or, when the service did not know the job, by asking Oxen
 * for the generation's {@code result_url}.
 */
final class OxenInputs implements InputUrls {

    private final Option<RepositoryUploads> uploads;
    private final Function<JobId, Either<JobFailure, JobUpdate>> generations;

    OxenInputs(Option<RepositoryUploads> uploads, Function<JobId, Either<JobFailure, JobUpdate>> generations) {
        this.uploads = uploads;
        this.generations = generations;
    }

    @Override
    public Either<JobFailure, String> urlOf(MediaSource source, String field) {
        if (source instanceof MediaSource.Url url) {
            return Either.right(url.uri().toString());
        }
        if (source instanceof MediaSource.LocalFile file) {
            return uploader(field, source).flatMap(up -> up.upload(file.path())).map(URI::toString);
        }
        if (source instanceof MediaSource.Bytes bytes) {
            return uploader(field, source).flatMap(up -> up.upload(bytes.data())).map(URI::toString);
        }
        MediaSource.PreviousResult previous = (MediaSource.PreviousResult) source;
        return previous.video().map(video -> located(video, field, source)).getOrElse(() -> lookedUp(previous.jobId(), field));
    }

    private Either<JobFailure, String> located(GeneratedVideo video, String field, MediaSource source) {
        URI location = video.location();
        if ("file".equalsIgnoreCase(location.getScheme())) {
            return uploader(field, source).flatMap(up -> up.upload(Path.of(location))).map(URI::toString);
        }
        return Either.right(location.toString());
    }

    private Either<JobFailure, String> lookedUp(JobId jobId, String field) {
        if (!jobId.provider().equals(OxenCapabilities.PROVIDER)) {
            return Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "foreign_result", "The " + field + " is the result of "
                    + jobId + ", a job of another provider that Oxen cannot look up; give its video (MediaSource.of(video))"
                    + " or its URL instead."));
        }
        return generations.apply(jobId).flatMap(update -> update.status() == JobStatus.SUCCEEDED
                ? Either.right(update.result().get().location().toString())
                : Either.left(JobFailure.of(FailureKind.INVALID_REQUEST, "result_not_ready", "The " + field
                        + " is the result of job " + jobId + ", which is " + update.status() + " at Oxen, not SUCCEEDED.")));
    }

    private Either<JobFailure, RepositoryUploads> uploader(String field, MediaSource source) {
        return uploads.toEither(() -> JobFailure.of(FailureKind.INVALID_REQUEST, "no_upload_repository", "The " + field + " "
                + source.describe() + " is local, and Oxen's models fetch inputs by URL: configure a public repository to upload"
                + " it to (OxenHub.builder().uploadsTo(...), or OXEN_UPLOAD_REPOSITORY), or give a public URL."));
    }
}
