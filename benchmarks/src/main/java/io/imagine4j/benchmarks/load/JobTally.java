package io.imagine4j.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fate of the {@code n} jobs of one phase, as the client saw them: when each was submitted,
 * whether the backend accepted it, when and how it ended. Jobs are numbered 0 to n-1 by the
 * harness; every method is safe to call from any thread.
 *
 * <pre>{@code
 * JobTally tally = new JobTally(100);
 * tally.submitted(0);  ...  tally.accepted(0);  ...  tally.succeeded(0);
 * tally.awaitAllFinished(Duration.ofMinutes(1));
 * }</pre>
 */
final class JobTally {

    private static final int FAILURES_KEPT = 5;

    private final int jobs;
    private final long[] submittedAt;
    private final long[] timeToResult;
    private final long[] endedAtEpochMicros;
    private final boolean[] ended;
    private final AtomicInteger endedTwice = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong firstSubmit = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastFinish = new AtomicLong(Long.MIN_VALUE);
    private final CountDownLatch settled;
    private final CountDownLatch finished;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    JobTally(int jobs) {
        this.jobs = jobs;
        this.submittedAt = new long[jobs];
        this.timeToResult = new long[jobs];
        this.endedAtEpochMicros = new long[jobs];
        this.ended = new boolean[jobs];
        this.settled = new CountDownLatch(jobs);
        this.finished = new CountDownLatch(jobs);
    }

    int jobs() {
        return jobs;
    }

    /** Job {@code index} is handed to the client now. */
    void submitted(int index) {
        long now = System.nanoTime();
        synchronized (submittedAt) {
            submittedAt[index] = now;
        }
        firstSubmit.accumulateAndGet(now, Math::min);
    }

    /** The backend gave job {@code index} an id. */
    void accepted(int index) {
        accepted.incrementAndGet();
        settled.countDown();
    }

    void succeeded(int index) {
        if (end(index)) {
            succeeded.incrementAndGet();
        }
    }

    /** Job {@code index} ended otherwise; {@code beforeAcceptance} when the backend never gave it an id. */
    void failed(int index, String why, boolean beforeAcceptance) {
        if (!end(index)) {
            return;
        }
        failed.incrementAndGet();
        if (failures.size() < FAILURES_KEPT) {
            failures.add("job " + index + ": " + why);
        }
        if (beforeAcceptance) {
            settled.countDown();
        }
    }

    /** Waits until every job was accepted or refused: the moment the most jobs are in flight. */
    boolean awaitAllSettled(Duration timeout) throws InterruptedException {
        return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitAllFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int acceptedCount() {
        return accepted.get();
    }

    int succeededCount() {
        return succeeded.get();
    }

    int failedCount() {
        return failed.get();
    }

    int finishedCount() {
        return succeeded.get() + failed.get();
    }

    /** Jobs accepted and not yet ended. */
    int inFlight() {
        return accepted.get() - finishedCount();
    }

    List<String> someFailures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** From the first submit to the last end. */
    Duration wallTime() {
        return Duration.ofNanos(Math.max(0, lastFinish.get() - firstSubmit.get()));
    }

    /** Times from submit to end of every finished job, in nanoseconds, sorted. */
    long[] sortedTimesToResult() {
        long[] copy;
        synchronized (submittedAt) {
            copy = Arrays.copyOf(timeToResult, jobs);
        }
        Arrays.sort(copy);
        return Arrays.copyOfRange(copy, jobs - finishedCount(), jobs);
    }

    /**
     * Completion-detection lag of every finished job the backend told the end of: from when the
     * backend finished it ({@code backendEnds}: index to microseconds since the epoch, the same
     * machine's clock) to when the client reported its end, in microseconds, sorted.
     */
    long[] sortedDetectionLags(Map<Integer, Long> backendEnds) {
        List<Long> lags = new ArrayList<>();
        synchronized (submittedAt) {
            for (int i = 0; i < jobs; i++) {
                Long end = backendEnds.get(i);
                if (ended[i] && end != null) {
                    lags.add(endedAtEpochMicros[i] - end);
                }
            }
        }
        return lags.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Jobs reported as ended more than once: a client bug the harness refuses to hide. */
    int endedTwice() {
        return endedTwice.get();
    }

    private boolean end(int index) {
        long now = System.nanoTime();
        Instant wall = Instant.now();
        synchronized (submittedAt) {
            if (ended[index]) {
                endedTwice.incrementAndGet();
                return false;
            }
            ended[index] = true;
            timeToResult[index] = now - submittedAt[index];
            endedAtEpochMicros[index] = wall.getEpochSecond() * 1_000_000 + wall.getNano() / 1_000;
        }
        lastFinish.accumulateAndGet(now, Math::max);
        finished.countDown();
        return true;
    }
}
