package io.offsetkit.server.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks the path parameters of a reset ({@code engine}, {@code project_id}, {@code instance_id},
 * {@code group}) against the contract before the body is read, so that a request wrong in both is
 * told about its path first, always, and each field gets a message naming it. With
 * {@link ResetRequestReader} it is the only check of the reset's input: the generated interface is
 * generated without Bean Validation, whose second pass over the same constraints cost about a fifth
 * of a reset's CPU.
 */
public final class ResetPathCheck implements HandlerInterceptor {

    private final ResetParameters parameters;

    public ResetPathCheck(ResetParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !ResetConsumeOffsetHandler.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return true;
        }
        check(
                variables.containsKey("engine") ? variables.get("engine") : null,
                variables.get("project_id"),
                variables.get("instance_id"),
                variables.get("group"));
        return true;
    }

    /**
     * Checks the path parameters of a reset, in the order their messages are given.
     *
     * @param engine null on the older route, which has no engine
     * @throws io.offsetkit.server.web.DmsException {@code DMS.00400800} naming the first parameter
     *     outside the contract
     */
    public void check(String engine, String projectId, String instanceId, String group) {
        if (engine != null) {
            parameters.checkEngine(engine);
        }
        parameters.projectId().check(projectId);
        parameters.instanceId().check(instanceId);
        parameters.group().check(group);
    }
}
