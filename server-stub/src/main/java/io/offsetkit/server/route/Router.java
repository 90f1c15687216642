package io.offsetkit.server.route;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the route of a request: its method and raw path against path templates
 * ({@link PathTemplate}), each bound to a target. Built once at start-up; immutable and thread-safe.
 *
 * <p>A template matches a path with as many segments, each literal segment equal to the raw segment
 * (case matters), each variable segment non-empty; the variable's value is the segment as sent,
 * still percent-encoded: decoding it, and refusing what cannot be decoded, is the strict read's job
 * (after authentication, on the documented path), so a match never refuses a request but with 404 or
 * 405. Where several templates match, the one with the most
 * literal segments wins (so {@code /v2/{project_id}/rocketmq/...} wins over
 * {@code /v2/{engine}/{project_id}/...} for {@code /v2/p/rocketmq/...}), then the first added.
 * {@code HEAD} is served wherever {@code GET} is.
 *
 * @param <T> what a route leads to
 */
public final class Router<T> {

    private final List<Route<T>> routes;
    private final String noRouteHint;

    private Router(List<Route<T>> routes, String noRouteHint) {
        this.routes = List.copyOf(routes);
        this.noRouteHint = noRouteHint;
    }

    /** A new, empty builder; {@code noRouteHint} ends the message of a 404. */
    public static <T> Builder<T> builder(String noRouteHint) {
        return new Builder<>(noRouteHint);
    }

    /**
     * The route of a request.
     *
     * @param method the request's method, as sent
     * @param rawPath the request's path as sent (percent-encoded, without the query)
     * @throws DmsException 404 {@code DMS.00404001} when no template matches the path; 405
     *     {@code DMS.00405001} with {@code Allow} when templates match but not for this method
     */
    public Match<T> match(String method, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw noRoute(method, String.valueOf(rawPath));
        }
        String[] segments = rawPath.substring(1).split("/", -1); // empty segments included
        Route<T> best = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route<T> route : routes) {
            if (!route.template.matches(segments)) {
                continue;
            }
            if (route.method.equals(method) || ("HEAD".equals(method) && route.method.equals("GET"))) {
                if (best == null || route.template.literalCount() > best.template.literalCount()) {
                    best = route;
                }
            } else {
                allowed.add(route.method);
                if (route.method.equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        if (best != null) {
            return new Match<>(best.target, best.template.text(), best.template.capture(segments));
        }
        if (!allowed.isEmpty()) {
            throw new DmsException(
                    DmsError.METHOD_NOT_ALLOWED,
                    ErrorText.shown(method) + " is not allowed on " + ErrorText.shown(rawPath, 200) + "; allowed: "
                            + String.join(", ", allowed) + ".",
                    Map.of("Allow", String.join(", ", allowed)));
        }
        throw noRoute(method, rawPath);
    }

    private DmsException noRoute(String method, String rawPath) {
        return new DmsException(
                DmsError.URL_NOT_FOUND,
                "There is no route " + ErrorText.shown(String.valueOf(method)) + " " + ErrorText.shown(rawPath, 200)
                        + ". " + noRouteHint);
    }

    /**
     * A request's route.
     *
     * @param target what the route leads to
     * @param template the matched template, as written (for metrics and logs)
     * @param rawPathParameters the path parameters by name, in path order, as sent (percent-encoded)
     */
    public record Match<T>(T target, String template, Map<String, String> rawPathParameters) {}

    /** Collects the routes. */
    public static final class Builder<T> {

        private final String noRouteHint;
        private final List<Route<T>> routes = new ArrayList<>();

        private Builder(String noRouteHint) {
            this.noRouteHint = noRouteHint;
        }

        /**
         * Adds a route.
         *
         * @param method upper case, such as {@code POST}
         * @param template such as {@code /admin/instances/{instance_id}}
         */
        public Builder<T> add(String method, String template, T target) {
            routes.add(new Route<>(
                    Objects.requireNonNull(method), CompiledTemplate.of(template), Objects.requireNonNull(target)));
            return this;
        }

        public Router<T> build() {
            return new Router<>(routes, noRouteHint);
        }
    }

    private record Route<T>(String method, CompiledTemplate template, T target) {}

    /** A template with its segments in arrays, for a match without allocation. */
    private static final class CompiledTemplate {

        private final String text;
        private final String[] literals; // null where the segment is a variable
        private final String[] variables; // null where the segment is a literal
        private final int literalCount;

        private CompiledTemplate(PathTemplate template) {
            this.text = template.text();
            int n = template.segments().size();
            this.literals = new String[n];
            this.variables = new String[n];
            for (int i = 0; i < n; i++) {
                PathTemplate.Segment segment = template.segments().get(i);
                literals[i] = segment.literal();
                variables[i] = segment.variable();
            }
            this.literalCount = template.literalCount();
        }

        static CompiledTemplate of(String text) {
            return new CompiledTemplate(PathTemplate.parse(text));
        }

        String text() {
            return text;
        }

        int literalCount() {
            return literalCount;
        }

        boolean matches(String[] segments) {
            if (segments.length != literals.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (literals[i] != null ? !literals[i].equals(segments[i]) : segments[i].isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        Map<String, String> capture(String[] segments) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                if (variables[i] != null) {
                    values.put(variables[i], segments[i]);
                }
            }
            return values;
        }
    }
}
