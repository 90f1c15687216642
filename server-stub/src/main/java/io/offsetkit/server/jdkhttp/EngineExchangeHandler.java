package io.offsetkit.server.jdkhttp;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.engine.RequestPath;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * The whole HTTP surface of the JDK transport: hands every exchange to the engine's {@link
 * RequestPath} and writes the answer it completes, on the thread that completes it (the thread that
 * forced a reset's offsets to disk, for most resets on the embedded store; this one for the rest).
 * Nothing is decided here.
 */
final class EngineExchangeHandler implements HttpHandler {

    private final InFlight inFlight;
    private volatile CompletableFuture<RequestPath> requestPath;

    /** @param requestPath the engine's path; a request that arrives before it is ready waits for it */
    EngineExchangeHandler(CompletableFuture<RequestPath> requestPath, InFlight inFlight) {
        this.requestPath = requestPath;
        this.inFlight = inFlight;
    }

    /** Serves the requests that arrive from now on with {@code path}; those under way finish on theirs. */
    void serve(RequestPath path) {
        requestPath = CompletableFuture.completedFuture(path);
    }

    @Override
    public void handle(HttpExchange exchange) {
        if (!inFlight.enter()) {
            // The server is stopping: the connection is closed with nothing written, as a server that
            // no longer listens would; the client sends the request again to a running one.
            exchange.close();
            return;
        }
        try {
            requestPath.join().answer(new JdkCall(exchange)).whenComplete((answer, failure) -> {
                try {
                    if (failure == null) {
                        write(exchange, answer);
                    } else {
                        // The path answers every failure it knows; what is left (an Error) has no answer.
                        exchange.close();
                    }
                } catch (IOException e) {
                    exchange.close(); // the client went away while the answer was written
                } finally {
                    inFlight.exit();
                }
            });
        } catch (RuntimeException | Error e) {
            exchange.close();
            inFlight.exit();
            throw e;
        }
    }

    /**
     * Writes the answer: status, headers and body with a fixed {@code Content-Length} (the JDK server
     * chooses chunked for a length of 0, so an empty body is declared as none); to a {@code HEAD}, the
     * length of the body a {@code GET} would get, and no body. An answer dropped on purpose (a fault set
     * on demand) closes the connection with nothing written: the JDK's server gives no access to its
     * sockets, so a connection reset is a close (FIN) here, not a TCP RST.
     */
    static void write(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.delivery() != Answer.Delivery.WRITE) {
            exchange.close(); // before any header is sent, the server closes the connection itself
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        answer.headers().forEach(headers::set);
        if (answer.contentType() != null) {
            headers.set("Content-Type", answer.contentType());
        }
        byte[] body = answer.body();
        if ("HEAD".equals(exchange.getRequestMethod())) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length == 0) {
            exchange.close();
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
