package io.imagine4j.http.transport;

import io.imagine4j.core.port.out.ContentTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body as an {@link InputStream} that holds at most five of the JDK client's chunks at a
 * time (one being read, four requested ahead, each replaced as soon as one is taken), fails a read that waits longer than the idle timeout
 * (the JDK's own timeout stops at the headers), refuses to deliver more than a limit, and cancels
 * the exchange when closed. API answers and result downloads are both read through it.
 *
 * <pre>{@code
 * StreamingBody body = new StreamingBody(Duration.ofSeconds(60));
 * HttpResponse<InputStream> response = http.send(request, info -> body);   // returns with the headers
 * body.readAllBytes();                                                      // SocketTimeoutException if the server stalls
 * }</pre>
 */
public final class StreamingBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    private static final Object END = new Object();
    /** Chunks requested ahead of the one being read: enough to keep the socket busy (64 KiB of the JDK's 16 KiB chunks; 16 did no better). */
    private static final int AHEAD = 4;

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final long idleMillis;
    private long limit = Long.MAX_VALUE;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> chunk;
    private ByteBuffer buffer;
    private long delivered;
    private boolean ended;

    public StreamingBody(Duration idleTimeout) {
        this.idleMillis = idleTimeout.toMillis();
    }

    /** How many bytes this body may deliver before a read fails; set before it is handed to a reader. */
    public void limitTo(long bytes) {
        this.limit = bytes;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
        subscription = value;
        if (closed) {
            value.cancel();
        } else {
            value.request(AHEAD);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrived.add(item);
    }

    @Override
    public void onError(Throwable error) {
        arrived.add(error);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the download stream is closed");
        }
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        // As much as has arrived, up to length: one 16 KiB chunk per read would mean one file write each.
        int count = 0;
        do {
            int part = Math.min(length - count, buffer.remaining());
            if (delivered + part > limit) {
                close();
                throw new ContentTooLargeException("the download is larger than the limit of " + limit + " bytes");
            }
            buffer.get(target, offset + count, part);
            delivered += part;
            count += part;
        } while (count < length && arrivedWithoutWaiting());
        return count;
    }

    /** Makes {@code buffer} hold unread bytes if some already arrived; never waits. */
    private boolean arrivedWithoutWaiting() throws IOException {
        if (buffer.hasRemaining()) {
            return true;
        }
        if ((chunk != null && chunk.hasNext()) || (!ended && !arrived.isEmpty())) {
            return fill();
        }
        return false;
    }

    /** Makes {@code buffer} hold unread bytes; false at the end of the body. */
    @SuppressWarnings("unchecked")
    private boolean fill() throws IOException {
        while (buffer == null || !buffer.hasRemaining()) {
            if (ended) {
                return false;
            }
            if (chunk != null && chunk.hasNext()) {
                buffer = chunk.next();
                continue;
            }
            chunk = null;
            Object next;
            try {
                next = arrived.poll(idleMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new InterruptedIOException("interrupted while waiting for the download");
            }
            if (next == null) {
                close();
                throw new SocketTimeoutException("no data arrived for " + idleMillis + " ms");
            }
            if (next == END) {
                ended = true;
                return false;
            }
            if (next instanceof Throwable error) {
                ended = true;
                throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
            }
            chunk = ((List<ByteBuffer>) next).iterator();
            // Ask for another chunk as this one is taken, not once it is used up: with chunks in flight
            // the socket keeps delivering while the reader writes (waiting for each chunk in turn cost
            // a third of the throughput of a 1 GiB download). At most AHEAD + 1 chunks are held.
            subscription.request(1);
        }
        return true;
    }

    /** Reads at most {@code max} bytes (an error body), then closes. */
    public byte[] readAtMost(int max) {
        byte[] out = new byte[max];
        int total = 0;
        try {
            int read;
            while (total < max && (read = read(out, total, max - total)) >= 0) {
                total += read;
            }
        } catch (IOException unreadable) {
            // what arrived is enough to classify the answer; the rest does not matter
        } finally {
            close();
        }
        return java.util.Arrays.copyOf(out, total);
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        arrived.clear();
    }
}
