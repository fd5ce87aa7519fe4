package io.imagine4j.http.client;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body collected into one array, as {@code BodyHandlers.ofByteArray()} does, but
 * refused as soon as it passes a limit: at once when its declared length is larger, else when the
 * bytes arriving pass it; and failed with an {@link HttpTimeoutException} when it is not whole
 * within a time from its headers. What was received is dropped and the subscription cancelled,
 * so the exchange ends and its connection goes. Written here because the JDK's handlers either
 * read everything, without bound, or hand over a stream to read.
 */
final class LimitedBytes implements HttpResponse.BodySubscriber<byte[]> {

    private static final int UNKNOWN_LENGTH_START = 8 * 1024;

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    /** Completes with the body; else fails after the time allowed, on CompletableFuture's shared timer thread. */
    private final CompletableFuture<Void> deadline = new CompletableFuture<>();
    private final int maxBytes;
    private final long declared;
    private final long withinMillis;
    private volatile Flow.Subscription subscription;
    private byte[] bytes;
    private int size;

    /**
     * @param maxBytes the most the body may hold
     * @param declared     its {@code Content-Length}, or -1 when none was given
     * @param withinMillis how long the whole body may take to arrive once its headers have
     */
    LimitedBytes(int maxBytes, long declared, long withinMillis) {
        this.maxBytes = maxBytes;
        this.declared = declared;
        this.withinMillis = withinMillis;
        body.whenComplete((bytes, failure) -> deadline.complete(null)); // cancels the timer
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
        subscription = value;
        if (declared > maxBytes) {
            refuse(declared);
            return;
        }
        bytes = new byte[(int) (declared >= 0 ? declared : Math.min(UNKNOWN_LENGTH_START, maxBytes))];
        value.request(Long.MAX_VALUE);
        if (!body.isDone()) {
            // Most API answers arrive with their headers and are whole by now: only the others need a timer.
            deadline.orTimeout(withinMillis, TimeUnit.MILLISECONDS).whenComplete((ended, late) -> {
                if (late != null && body.completeExceptionally(new HttpTimeoutException(
                        "the answer's body did not arrive whole within " + withinMillis + " ms of its headers"))) {
                    value.cancel();
                }
            });
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int count = item.remaining();
            if ((long) size + count > maxBytes) {
                refuse((long) size + count);
                return;
            }
            if (size + count > bytes.length) {
                // A declared length is a hint, not a promise (a gzip answer declares its compressed size).
                bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max((long) bytes.length * 2, (long) size + count)));
            }
            item.get(bytes, size, count);
            size += count;
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (!body.isDone()) {
            body.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
        }
    }

    private void refuse(long atLeast) {
        bytes = null;
        subscription.cancel();
        body.completeExceptionally(new ResponseTooLargeException("the answer's body is larger than " + maxBytes
                + " bytes (at least " + atLeast + "); raise maxResponseBytes if that is expected"));
    }
}
