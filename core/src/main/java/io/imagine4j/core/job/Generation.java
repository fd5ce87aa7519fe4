package io.imagine4j.core.job;

import java.util.Objects;

/**
 * Which of the videos of one submit a job is. A submit that asks for several generations (Oxen's
 * {@code num_generations}) is one POST under one submission key, and each video it makes is a job
 * of its own: stored, followed and reported on its own, under a key derived from the submission's.
 *
 * <pre>{@code
 * Generation third = Generation.of(submission, 3, 4);   // job key "<submission>#3"
 * }</pre>
 *
 * @param submission the key of the submit, sent as its idempotency key
 * @param index      this job's place among the submit's videos, from 1
 * @param count      how many videos the submit asked for
 */
public record Generation(SubmissionKey submission, int index, int count) {

    public Generation {
        Objects.requireNonNull(submission, "submission");
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("A generation is 1.." + count + " of at least 1, got " + index + " of " + count);
        }
    }

    /** The only video of a submit. */
    public static Generation single(SubmissionKey submission) {
        return new Generation(submission, 1, 1);
    }

    public static Generation of(SubmissionKey submission, int index, int count) {
        return new Generation(submission, index, count);
    }

    /** The job's own key: the submission's for the first video, {@code <submission>#N} for the others. */
    public SubmissionKey key() {
        return index == 1 ? submission : new SubmissionKey(submission.value() + "#" + index);
    }

    public boolean isFirst() {
        return index == 1;
    }
}
