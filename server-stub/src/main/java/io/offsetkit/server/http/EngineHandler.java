package io.offsetkit.server.http;

import io.offsetkit.server.engine.Answer;
import io.offsetkit.server.engine.RequestPath;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
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

    /** Serves the requests that arrive from now on with {@code path}; those under way finish on theirs. */
    void serve(RequestPath path) {
        requestPath = CompletableFuture.completedFuture(path);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Answer answer = requestPath.join().serve(new JettyCall(request));
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        if (answer.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        boolean withBody = answer.body().length > 0 && !HttpMethod.HEAD.is(request.getMethod());
        response.write(true, withBody ? ByteBuffer.wrap(answer.body()) : null, callback);
        return true;
    }
}
