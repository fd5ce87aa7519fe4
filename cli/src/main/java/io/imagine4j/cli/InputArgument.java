package io.imagine4j.cli;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;

/**
 * The video an edit or extension starts from: {@code --video PATH|URL}, or {@code --from JOB_ID},
 * a previous job's result (looked up in the store, so its URL is sent without downloading it again).
 */
final class InputArgument {

    private InputArgument() {
    }

    static MediaSource video(String video, String from, String defaultProvider) {
        if ((video == null) == (from == null)) {
            throw new UsageException("give the input video once: --video PATH|URL, or --from JOB_ID for a previous result");
        }
        return video != null ? MediaArgument.parse(video, "--video") : MediaSource.ofJob(jobId(from, defaultProvider));
    }

    static JobId jobId(String text, String defaultProvider) {
        try {
            return text.contains(":") ? JobId.parse(text.trim()) : JobId.of(defaultProvider, text.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--from: " + e.getMessage());
        }
    }
}
