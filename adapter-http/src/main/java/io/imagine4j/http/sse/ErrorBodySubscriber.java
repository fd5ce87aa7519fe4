package io.imagine4j.http.sse;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects the start of an error answer's body, at most a few kilobytes, then lets the connection go. */
final class ErrorBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final int max;
    private Flow.Subscription subscription;

    ErrorBodySubscriber(int max) {
        this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
        subscription = value;
        value.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer buffer : item) {
            while (buffer.hasRemaining() && collected.size() < max) {
                collected.write(buffer.get());
            }
        }
        if (collected.size() >= max) {
            subscription.cancel();
            body.complete(collected.toByteArray());
        }
    }

    @Override
    public void onError(Throwable error) {
        body.complete(collected.toByteArray()); // the status decides; a broken body changes nothing
    }

    @Override
    public void onComplete() {
        body.complete(collected.toByteArray());
    }
}
