package io.offsetkit.server.web;

import io.offsetkit.server.generated.model.Error;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container ({@value #PATH}), for failures that never reached a
 * controller (an exception escaping a filter, an error the container raised itself). It answers
 * with the contract's error body like {@link ErrorResponses}, in place of Spring Boot's own format.
 */
@RestController
public class DmsErrorController implements ErrorController {

    static final String PATH = "/error";

    @RequestMapping(PATH)
    ResponseEntity<Error> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        if (status == HttpStatus.NOT_FOUND) {
            return ErrorResponses.of(
                    DmsError.URL_NOT_FOUND,
                    new DmsException(
                                    DmsError.URL_NOT_FOUND,
                                    ErrorResponses.noRouteDetail(String.valueOf(request.getMethod()), path))
                            .getMessage());
        }
        if (status.is4xxClientError()) {
            DmsError error = ErrorResponses.forClientStatus(status);
            return ResponseEntity.status(status)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(new Error(
                            error.code(),
                            error.message() + " The request to " + ErrorText.shown(path, 200)
                                    + " was refused with HTTP " + status.value() + " " + status.getReasonPhrase()
                                    + "."));
        }
        return ErrorResponses.of(
                DmsError.INTERNAL_ERROR,
                DmsError.INTERNAL_ERROR.message() + " Quote the X-Request-Id when reporting it.");
    }
}
