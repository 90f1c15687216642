package io.offsetkit.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the body bytes a built {@link HttpRequest} will send, so that they can be signed. The
 * generated API gives its body as {@code BodyPublishers.ofByteArray}, which may be subscribed to
 * any number of times and publishes at once; other publishers get {@value #WAIT_SECONDS} seconds.
 */
final class RequestBodies {

    static final int WAIT_SECONDS = 5;

    private RequestBodies() {}

    static byte[] bytesOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        Collector collector = new Collector();
        request.bodyPublisher().get().subscribe(collector);
        try {
            return collector.done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the request body to sign it", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the request body to sign it", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "The request body publisher gave no complete body within " + WAIT_SECONDS + " s", e);
        }
    }

    private static final class Collector implements Flow.Subscriber<ByteBuffer> {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> done = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.writeBytes(chunk);
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public synchronized void onComplete() {
            done.complete(bytes.toByteArray());
        }
    }
}
