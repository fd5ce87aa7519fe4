package io.imagine4j.testkit.oxen;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * What the Oxen simulator made of one generation request: which model, the parameters passed
 * through to it (echoed back by the queue), how long the result will be, whose it is, and, when
 * the parameters break the model's {@code request_schema} or its input cannot be used, the error
 * the generation fails with at run time (Oxen accepts such a request at enqueue).
 *
 * <pre>{@code
 * OxenJob job = oxen.job(generationId).get().params();
 * assertThat(job.length()).isEqualTo(Duration.ofSeconds(8));
 * assertThat(job.runtimeError()).isEmpty();
 * }</pre>
 *
 * @param mode         queued ({@code POST /ai/queue}) or synchronous ({@code POST /ai/videos/generate})
 * @param model        the model asked for
 * @param prompt       the prompt, or the prompts of {@code multi_prompt} joined by spaces ("" when neither)
 * @param params       every request field passed through to the model (all but model, num_generations,
 *                     response_format and the target fields), as sent, in one compact JSON object
 * @param length       the result's length: the requested duration (or the model's default), an edit's input length
 * @param owner        the user whose key enqueued it
 * @param target       where the result goes
 * @param legacy       answered as an older Oxen server would ({@code #sim:legacy})
 * @param runtimeError why the generation fails when it runs, if it must
 */
public record OxenJob(Mode mode, OxenModel model, String prompt, String params, Duration length, OxenUser owner,
                      OxenTarget target, boolean legacy, Option<String> runtimeError) {

    /** How a generation was asked for. */
    public enum Mode {
        /** {@code POST /ai/queue}: polled, listed, cancelled, announced on the event stream. */
        QUEUED,
        /** {@code POST /ai/videos/generate}: the request itself waits for the result; not in the queue. */
        SYNCHRONOUS
    }

    public OxenJob {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runtimeError, "runtimeError");
    }

    public OxenJob asLegacy() {
        return new OxenJob(mode, model, prompt, params, length, owner, target, true, runtimeError);
    }

    /** One passed-through parameter's text, when it was sent as a JSON string. */
    public io.vavr.control.Option<String> stringParam(String name) {
        return ((io.imagine4j.testkit.internal.json.JsonObject) io.imagine4j.testkit.internal.json.JsonReader.parse(params))
                .string(name);
    }
}
