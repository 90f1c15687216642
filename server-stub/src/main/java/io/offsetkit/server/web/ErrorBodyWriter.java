package io.offsetkit.server.web;

import io.offsetkit.server.generated.model.Error;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the contract's error body straight to a servlet response, for the code that runs before
 * Spring MVC (servlet filters), where {@link ErrorResponses} cannot be reached. The body is the same
 * {@code {error_code, error_msg}} as everywhere else.
 */
public final class ErrorBodyWriter {

    private ErrorBodyWriter() {}

    /**
     * Sets the status and writes the body; the response must not be committed yet.
     *
     * @param detail what exactly was wrong, appended to the vendor's message
     */
    public static void write(HttpServletResponse response, DmsError error, String detail) throws IOException {
        DmsException exception = new DmsException(error, detail);
        byte[] body = JsonMapper.shared().writeValueAsBytes(new Error(error.code(), exception.getMessage()));
        response.resetBuffer();
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
