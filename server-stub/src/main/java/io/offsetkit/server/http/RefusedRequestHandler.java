package io.offsetkit.server.http;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.ErrorBodies;
import io.offsetkit.server.ops.AccessLog;
import io.offsetkit.server.ops.RequestIds;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for the requests Jetty answers before the engine sees them (a request line
 * or header that is not HTTP, headers too large, a request that arrives while the server stops): in
 * place of Jetty's HTML page,
 * the contract's error body with a documented code for the status, an {@code X-Request-Id}, and the
 * access-log line.
 */
final class RefusedRequestHandler implements Request.Handler {

    private final RequestIds requestIds;
    private final AccessLog accessLog;

    RefusedRequestHandler(RequestIds requestIds, AccessLog accessLog) {
        this.requestIds = requestIds;
        this.accessLog = accessLog;
    }

    /** What the client can do about a refusal of this status. */
    static String detail(int status, Object reason) {
        String why = reason == null ? "" : " (" + reason + ")";
        if (status == 503) {
            return "The server is stopping and takes no new request" + why + "; send it again to a running server.";
        }
        if (status >= 500) {
            return "The HTTP layer failed with status " + status + why + "; quote the X-Request-Id when reporting it.";
        }
        return "The request was refused by the HTTP layer with status " + status + why
                + ": check that the request line and headers are well-formed and within their size limits.";
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        int status =
                request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        DmsError error = DmsError.forClientStatus(status);
        String message = error.message() + " " + detail(status, reason);
        String requestId = requestIds.next();
        byte[] body = ErrorBodies.of(error, message);
        response.setStatus(status);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        accessLog.log(requestId, request.getMethod(), "(refused by the HTTP layer)", null, status, started);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
