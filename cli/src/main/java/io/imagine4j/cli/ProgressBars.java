package io.imagine4j.cli;

import io.imagine4j.core.job.JobState;
import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.JobId;
import io.vavr.control.Option;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress bars on a terminal (me.tongfei's progressbar): the job's status, its percentage where the
 * backend reports one, the time elapsed and an estimate of the time left; then the download's bytes.
 * A backend that reports no percentage (Oxen) gets a bar without an end, and elapsed time.
 */
final class ProgressBars implements Progress {

    private static final int REFRESH_MILLIS = 200;

    private final PrintStream err;
    private final int columns;
    private ProgressBar job;
    private ProgressBar download;
    private boolean downloading;

    ProgressBars(CliEnvironment env) {
        this.err = env.err();
        String declared = env.variable("COLUMNS");
        this.columns = declared != null && declared.matches("\\d{2,4}") ? Integer.parseInt(declared) : -1;
    }

    @Override
    public synchronized void jobStarted(JobId id, JobState state) {
        job = bar(shortName(id), state.progress().isDefined() ? 100 : -1).build();
        job(state);
    }

    @Override
    public synchronized void job(JobState state) {
        if (job == null) {
            return;
        }
        state.progress().forEach(percent -> {
            job.maxHint(100);
            job.stepTo(percent);
        });
        if (state.status() == JobStatus.SUCCEEDED) {
            job.maxHint(100);
            job.stepTo(100);
        }
        job.setExtraMessage(state.status().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void jobEnded(JobState state) {
        job(state);
        if (job != null) {
            job.close();
            job = null;
        }
    }

    @Override
    public synchronized void downloadStarted(String file) {
        downloading = true;
    }

    /** The bar appears with the first bytes, once the size (and so the unit) is known. */
    @Override
    public synchronized void downloaded(long bytes, Option<Long> total) {
        if (download == null && downloading) {
            boolean large = total.getOrElse(bytes) > 10L * 1024 * 1024;
            download = bar("Saving", total.getOrElse(-1L)).setUnit(large ? " MB" : " KB", large ? 1024 * 1024 : 1024)
                    .showSpeed().build();
        }
        if (download != null) {
            total.forEach(download::maxHint);
            download.stepTo(bytes);
        }
    }

    @Override
    public synchronized void downloadEnded() {
        downloading = false;
        if (download != null) {
            download.close();
            download = null;
        }
    }

    /** {@code xai:8b0b1f1e}: the provider and the id's first characters, so the bar has room. */
    private static String shortName(JobId id) {
        String value = id.value();
        return id.provider() + ":" + (value.length() > 12 ? value.substring(0, 12) + "…" : value);
    }

    private ProgressBarBuilder bar(String name, long max) {
        InteractiveConsoleProgressBarConsumer consumer = columns > 0
                ? new InteractiveConsoleProgressBarConsumer(err, columns) : new InteractiveConsoleProgressBarConsumer(err);
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(max).setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(REFRESH_MILLIS).continuousUpdate().setConsumer(consumer);
    }
}
