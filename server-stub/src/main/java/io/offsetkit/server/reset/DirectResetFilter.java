package io.offsetkit.server.reset;

import io.offsetkit.server.auth.AuthenticationFilter;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.web.ApiPaths;
import io.offsetkit.server.web.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the common case of the operation, a well-formed reset, without Spring MVC's dispatch, which
 * cost more CPU per reset than the reset itself (handler lookup, argument resolution, content
 * negotiation, return value handling). The request goes through the same steps in the same order:
 * {@link ResetPathCheck}'s checks of the path, {@link ResetRequestReader} on the body, then
 * {@link ResetConsumeOffsetHandler}; a failure of any step is answered by Spring MVC's exception
 * resolution, that is by {@code ErrorResponses}, exactly as on the dispatched path.
 *
 * <p>Only requests that Spring MVC would route to the handler without a second thought take this
 * path: {@code POST} on one of the two routes, the path made of plain characters only (no
 * percent-encoding, {@code ;}, {@code .}, empty or extra segment), {@code Content-Type:
 * application/json} (with a UTF-8 charset at most), an {@code Accept} that is absent, {@code *}{@code
 * /*} or {@code application/json}, and a non-empty body. Every other request, valid or not, goes on to
 * Spring MVC unchanged, which stays the reference for routing, 404, 405 and media types.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(DirectResetFilter.ORDER)
public class DirectResetFilter extends OncePerRequestFilter {

    /** After authentication, so that only authenticated resets get here. */
    public static final int ORDER = AuthenticationFilter.ORDER + 10;

    private static final String ROUTE_SUFFIX = "/reset-message-offset";
    private static final String OLDER_ROUTE_ENGINE = "rocketmq";

    private final ConsumerOffsetsApi handler;
    private final ResetPathCheck pathCheck;
    private final ResetRequestReader reader;
    private final ObjectWriter responseWriter;
    private final HandlerExceptionResolver exceptionResolver;

    public DirectResetFilter(
            ConsumerOffsetsApi handler,
            ResetParameters parameters,
            JsonMapper jsonMapper,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.handler = handler;
        this.pathCheck = new ResetPathCheck(parameters);
        this.reader = new ResetRequestReader(parameters);
        // The mapper Spring MVC writes with, so the body is byte for byte the dispatched path's.
        this.responseWriter = jsonMapper.writerFor(ResetConsumeOffsetResp.class);
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !ApiPaths.isApiCall(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Route route = Route.of(
                request.getRequestURI().substring(request.getContextPath().length()));
        byte[] body = CachedBodyRequest.bodyOf(request);
        if (route == null
                || body == null
                || body.length == 0
                || !isPlainJson(request.getContentType())
                || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(route.pattern()));
        ResponseEntity<ResetConsumeOffsetResp> answer;
        try {
            pathCheck.check(route.engine(), route.projectId(), route.instanceId(), route.group());
            ResetConsumeOffsetReq resetRequest = reader.read(body);
            answer = route.engine() == null
                    ? handler.resetConsumeOffsetForRocketMq(
                            route.projectId(), route.instanceId(), route.group(), resetRequest)
                    : handler.resetConsumeOffset(
                            route.engine(), route.projectId(), route.instanceId(), route.group(), resetRequest);
        } catch (RuntimeException e) {
            if (exceptionResolver.resolveException(request, response, null, e) == null) {
                throw e;
            }
            return;
        }
        write(answer, response);
    }

    private void write(ResponseEntity<ResetConsumeOffsetResp> answer, HttpServletResponse response) throws IOException {
        byte[] bytes = responseWriter.writeValueAsBytes(answer.getBody());
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** {@code application/json}, alone or with a UTF-8 charset, as the contract's clients send it. */
    private static boolean isPlainJson(String contentType) {
        return contentType != null
                && (contentType.equalsIgnoreCase("application/json")
                        || contentType.equalsIgnoreCase("application/json;charset=UTF-8")
                        || contentType.equalsIgnoreCase("application/json; charset=UTF-8"));
    }

    private static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equalsIgnoreCase("application/json");
    }

    /**
     * The path variables of a reset's route, or null when the path is not one of the two routes made
     * of plain characters. Where both routes match ({@code /v2/x/rocketmq/...}), the older one wins,
     * as in Spring MVC, whose choice is the route with fewer variables.
     *
     * @param engine null on the older route, which has none
     */
    record Route(String engine, String projectId, String instanceId, String group) {

        String pattern() {
            return engine == null
                    ? ConsumerOffsetsApi.PATH_RESET_CONSUME_OFFSET_FOR_ROCKET_MQ
                    : ConsumerOffsetsApi.PATH_RESET_CONSUME_OFFSET;
        }

        static Route of(String path) {
            if (!path.startsWith(ApiPaths.PREFIX) || !path.endsWith(ROUTE_SUFFIX) || !plain(path)) {
                return null;
            }
            // v2 / a / b / instances / instance / groups / group, between the prefix and the suffix
            String[] segments =
                    path.substring(1, path.length() - ROUTE_SUFFIX.length()).split("/", -1);
            if (segments.length != 7
                    || !segments[3].equals("instances")
                    || !segments[5].equals("groups")
                    || segments[1].isEmpty()
                    || segments[2].isEmpty()
                    || segments[4].isEmpty()
                    || segments[6].isEmpty()) {
                return null;
            }
            return segments[2].equals(OLDER_ROUTE_ENGINE)
                    ? new Route(null, segments[1], segments[4], segments[6])
                    : new Route(segments[1], segments[2], segments[4], segments[6]);
        }

        /** Letters, digits, {@code -}, {@code _} and {@code /}: nothing Spring MVC would decode or strip. */
        private static boolean plain(String path) {
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                boolean plain = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_'
                        || c == '/';
                if (!plain) {
                    return false;
                }
            }
            return true;
        }
    }
}
