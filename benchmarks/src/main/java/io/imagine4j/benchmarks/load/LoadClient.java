package io.imagine4j.benchmarks.load;

/**
 * One way of running the harness's jobs against the simulator: imagine4j, or plain HTTP. A client
 * is built fresh for each measured phase and closed after it.
 */
interface LoadClient extends AutoCloseable {

    /** Hands job {@code index} to the client without waiting for it; the client reports its fate to {@code tally}. */
    void submit(int index, String prompt, JobTally tally);

    @Override
    void close();
}
