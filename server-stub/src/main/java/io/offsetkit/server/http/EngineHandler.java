package io.offsetkit.server.http;

import io.offsetkit.server.call.Answer;
import io.offsetkit.server.engine.RequestPath;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The whole HTTP surface of the server: a Jetty core handler that hands every request to the
 * engine's {@link RequestPath} and writes the answer it gets. No servlet layer, no filter chain,
 * nothing decided here.
 */
final class EngineHandler extends Handler.Abstract {

    private volatile CompletableFuture<RequestPath> requestPath;

    /** @param requestPath the engine's path; a request that arrives before it is ready waits for it */
    EngineHandler(CompletableFuture<RequestPath> requestPath) {
        this.requestPath = requestPath;
    }

    /** The path requests are served with now; waits until the engine has started. */
    RequestPath path() {
        return requestPath.join();
    }

    /** Serves the requests that arrive from now on with {@code path}; those under way finish on theirs. */
    void serve(RequestPath path) {
        requestPath = CompletableFuture.completedFuture(path);
    }

    /**
     * Hands the request to the engine's path and returns at once: the answer is written when the path
     * completes it, on this thread for most requests, on the thread that forced the offsets to disk
     * for a reset on the embedded store, never before they are durable.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        requestPath.join().answer(new JettyCall(request)).whenComplete((answer, failure) -> {
            if (failure != null) {
                callback.failed(failure); // Jetty answers 500; the path answers every failure it knows
                return;
            }
            try {
                write(answer, request, response, callback);
            } catch (RuntimeException e) {
                callback.failed(e);
            }
        });
        return true;
    }

    /** Writes an answer of the path (or drops the connection, as a fault on demand asks). */
    static void write(Answer answer, Request request, Response response, Callback callback) {
        if (answer.delivery() != Answer.Delivery.WRITE) {
            drop(request, answer.delivery(), callback);
            return;
        }
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        if (answer.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        boolean withBody = answer.body().length > 0 && !HttpMethod.HEAD.is(request.getMethod());
        response.write(true, withBody ? ByteBuffer.wrap(answer.body()) : null, callback);
    }

    /**
     * Ends the connection without an answer (a fault set on demand): reset, when the socket's linger is
     * set to zero first so that its close sends a TCP RST; or closed, a FIN after nothing. The callback
     * fails so that Jetty writes nothing more on the connection, which is closed already.
     */
    private static void drop(Request request, Answer.Delivery delivery, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (delivery == Answer.Delivery.RESET_CONNECTION && endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // The socket is gone already: the client sees it closed, which is what was asked, near enough.
            }
        }
        endPoint.close();
        callback.failed(new EofException(
                "the connection was " + (delivery == Answer.Delivery.RESET_CONNECTION ? "reset" : "closed")
                        + " on purpose: a fault set on demand"));
    }
}
