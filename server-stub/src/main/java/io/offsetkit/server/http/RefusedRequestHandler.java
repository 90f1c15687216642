package io.offsetkit.server.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for the requests Jetty answers before the engine sees them (a request line
 * or header that is not HTTP, headers or a URI too large, a request that arrives while the server
 * stops): in place of Jetty's HTML page, the answer of the request path's one error writer ({@link
 * io.offsetkit.server.engine.RequestPath#refused}), with its request id, access-log line and metrics.
 * Nothing is decided here.
 */
final class RefusedRequestHandler implements Request.Handler {

    private final EngineHandler engine;

    /** @param engine the handler whose request path answers every request, the refused ones too */
    RefusedRequestHandler(EngineHandler engine) {
        this.engine = engine;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status =
                request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        EngineHandler.write(
                engine.path().refused(request.getMethod(), status, reason == null ? null : reason.toString()),
                request,
                response,
                callback);
        return true;
    }
}
