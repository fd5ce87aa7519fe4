package io.imagine4j.reliability.matrix;

/**
 * One cell of the fault matrix: a fault (and the call it hits) and what must come of it, run on a
 * provider's {@link Lab}.
 *
 * @param call  the call the fault hits ({@code submit}, {@code poll}, {@code download}, {@code events}, {@code store})
 * @param fault the fault, in words
 * @param body  arranges the fault, runs the job and checks its outcome, wait and submits
 */
public record Cell(String call, String fault, Body body) {

    /** What a cell does on a lab. */
    @FunctionalInterface
    public interface Body {
        void run(Lab lab) throws Exception;
    }

    @Override
    public String toString() {
        return call + ": " + fault;
    }
}
