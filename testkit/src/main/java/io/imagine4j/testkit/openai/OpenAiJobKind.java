package io.imagine4j.testkit.openai;

/**
 * Which endpoint created a job of the OpenAI simulator.
 *
 * <pre>{@code
 * assertThat(openai.jobs()).extracting(job -> job.params().kind()).containsExactly(OpenAiJobKind.CREATE, OpenAiJobKind.REMIX);
 * }</pre>
 */
public enum OpenAiJobKind {
    /** {@code POST /videos}: text to video, or image to video with an {@code input_reference}. */
    CREATE,
    /** {@code POST /videos/{id}/remix}: a new prompt on a completed video. */
    REMIX,
    /** {@code POST /videos/edits}: keeps the input's length. */
    EDIT,
    /** {@code POST /videos/extensions}: the input followed by a new segment. */
    EXTENSION
}
