package io.offsetkit.server.web;

import io.offsetkit.server.generated.model.Error;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on an error response that nothing else wrote a body for: a request Tomcat
 * refuses before any application code runs (an encoded NUL or {@code /} in the path, a malformed
 * request line). In place of Tomcat's HTML page it writes the contract's error body, and the
 * {@code X-Request-Id} header when the request never reached {@link RequestIdFilter}.
 */
public class ContainerErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.LOGGER);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String id = response.getHeader(RequestIdFilter.HEADER);
        if (id == null) {
            id = RequestIdFilter.newId();
            response.setHeader(RequestIdFilter.HEADER, id);
            log.info(
                    "{} {} (refused by the HTTP layer) {}",
                    id,
                    ErrorText.shown(String.valueOf(request.getMethod())),
                    status);
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        DmsError error = status >= 500
                ? DmsError.INTERNAL_ERROR
                : resolved == null ? DmsError.INVALID_PARAMETER : ErrorResponses.forClientStatus(resolved);
        String message = error.message() + " The request was refused by the HTTP layer with status " + status
                + ": check that the path has no encoded '/', '\\' or NUL and that the request line and headers are"
                + " well-formed.";
        try {
            byte[] body = JsonMapper.shared().writeValueAsBytes(new Error(error.code(), message));
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot take a body: nothing more to tell it.
            log.debug("error body could not be written", e);
        }
    }
}
