package io.offsetkit.conformance.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the contract as the kit reads it from the document at run time ({@link
 * Operations}): its method, path template, parameters, success schema and documented errors. Every
 * request the kit sends to an operation is built from its descriptor ({@link #request}), every
 * exchange carries it, and rules, reports and coverage name operations by it; nothing of an
 * operation is restated by hand.
 *
 * @param id the contract's {@code operationId}, such as {@code resetConsumeOffset}
 * @param method the HTTP method, upper-case
 * @param pathTemplate the path as the contract writes it, {@code /v2/{project_id}/...}
 * @param parameters the path and query parameters, in the contract's order
 * @param successSchema the name of the component schema of the 200 answer ({@code
 *     ResetConsumeOffsetResp})
 * @param errors each documented error status to the error codes its examples document (empty for a
 *     status documented without codes)
 * @param requestSchema the name of the component schema of the request body; empty for none
 * @param requestExamples the request body's documented examples, by name
 * @param successExamples the 200 answer's documented examples, by name
 */
public record Operation(
        String id,
        String method,
        String pathTemplate,
        List<Parameter> parameters,
        String successSchema,
        Map<Integer, Set<String>> errors,
        String requestSchema,
        Map<String, JsonNode> requestExamples,
        Map<String, JsonNode> successExamples) {

    public Operation {
        parameters = List.copyOf(parameters);
        Map<Integer, Set<String>> copy = new LinkedHashMap<>();
        errors.forEach((status, codes) -> copy.put(status, Collections.unmodifiableSet(new LinkedHashSet<>(codes))));
        errors = Collections.unmodifiableMap(copy);
        requestExamples = Collections.unmodifiableMap(new LinkedHashMap<>(requestExamples));
        successExamples = Collections.unmodifiableMap(new LinkedHashMap<>(successExamples));
    }

    /** Whether the operation takes a request body. */
    public boolean hasBody() {
        return !requestSchema.isEmpty();
    }

    /**
     * A documented example of the 200 answer.
     *
     * @throws IllegalArgumentException naming the operation and the examples it has when none has the name
     */
    public JsonNode successExample(String name) {
        return example(successExamples, name, "answer");
    }

    /**
     * A documented example of the request body.
     *
     * @throws IllegalArgumentException naming the operation and the examples it has when none has the name
     */
    public JsonNode requestExample(String name) {
        return example(requestExamples, name, "request body");
    }

    private JsonNode example(Map<String, JsonNode> examples, String name, String what) {
        JsonNode example = examples.get(name);
        if (example == null) {
            throw new IllegalArgumentException(
                    id + " documents no " + what + " example '" + name + "'; it has " + examples.keySet());
        }
        return example;
    }

    /** A parameter by name. */
    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The path parameters' names, in template order. */
    public List<String> pathParameterNames() {
        return parameters.stream()
                .filter(Parameter::inPath)
                .map(Parameter::name)
                .toList();
    }

    /** The error codes documented for a status; empty when none (or the status is not documented). */
    public Set<String> errorCodes(int status) {
        return errors.getOrDefault(status, Set.of());
    }

    /**
     * The path for the given parameter values, each segment percent-encoded ({@link Target#segment}).
     *
     * @param values path parameter name to value; extra names are ignored
     * @throws IllegalArgumentException naming the parameter when the template needs a value not given
     */
    public String path(Map<String, String> values) {
        StringBuilder path = new StringBuilder();
        for (String segment : pathTemplate.substring(1).split("/")) {
            path.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException(
                            "no value for path parameter '" + name + "' of " + id + " (" + pathTemplate + ")");
                }
                path.append(Target.segment(value));
            } else {
                path.append(segment);
            }
        }
        return path.toString();
    }

    /**
     * The path parameters' values in a raw path of this operation, by name, read by position against
     * the template (percent-decoding left to the caller); empty when the path has another number of
     * segments.
     */
    public Map<String, String> pathValuesOf(String rawPath) {
        String[] template = pathTemplate.substring(1).split("/");
        String[] path = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[0];
        Map<String, String> values = new LinkedHashMap<>();
        if (path.length < template.length) {
            return values;
        }
        // a base URL's own path prefix comes first: align the template with the path's end
        int shift = path.length - template.length;
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{") && template[i].endsWith("}")) {
                values.put(template[i].substring(1, template[i].length() - 1), path[shift + i]);
            }
        }
        return values;
    }

    /**
     * The request to this operation for the given path values and query (in the order given, each
     * value percent-encoded), without headers or body; it carries this descriptor.
     */
    public RawRequest request(Map<String, String> pathValues, Map<String, String> query) {
        StringJoiner queryString = new StringJoiner("&", "?", "");
        queryString.setEmptyValue("");
        query.forEach((name, value) -> queryString.add(Target.segment(name) + "=" + Target.segment(value)));
        return new RawRequest(method, path(pathValues) + queryString, Map.of(), new byte[0], false, this);
    }

    /** The request without query. */
    public RawRequest request(Map<String, String> pathValues) {
        return request(pathValues, Map.of());
    }

    /** {@code POST /v2/{engine}/...}: the method and the template, for reports. */
    public String route() {
        return method + " " + pathTemplate;
    }

    @Override
    public String toString() {
        return id + " (" + route() + ")";
    }
}
