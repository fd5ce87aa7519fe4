package io.imagine4j.http.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body collected into one array, as {@code BodyHandlers.ofByteArray()} does, but
 * refused as soon as it passes a limit: at once when its declared length is larger, else when the
 * bytes arriving pass it. What was received is dropped and the subscription cancelled; the body
 * fails with {@link ResponseTooLargeException}, so the exchange ends and its connection goes.
 * Written here because the JDK's handlers either read everything or hand over a stream to read.
 */
final class LimitedBytes implements HttpResponse.BodySubscriber<byte[]> {

    private static final int UNKNOWN_LENGTH_START = 8 * 1024;

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final int maxBytes;
    private final long declared;
    private Flow.Subscription subscription;
    private byte[] bytes;
    private int size;

    /**
     * @param maxBytes the most the body may hold
     * @param declared its {@code Content-Length}, or -1 when none was given
     */
    LimitedBytes(int maxBytes, long declared) {
        this.maxBytes = maxBytes;
        this.declared = declared;
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
