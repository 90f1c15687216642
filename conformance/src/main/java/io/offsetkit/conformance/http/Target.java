package io.offsetkit.conformance.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The implementation under test and the ids the kit uses with it.
 *
 * @param baseUrl where the API's routes live, e.g. {@code http://localhost:8080} (a path prefix is
 *     kept: {@code https://gw.example.com/dms} works)
 * @param projectId an existing project
 * @param instanceId an existing instance of that project
 * @param group an existing consumer group on that instance; the kit resets its offsets many times
 * @param topic an existing topic on that instance
 * @param engine the engine segment the kit uses by default, {@code rocketmq} or {@code reliability}
 */
public record Target(URI baseUrl, String projectId, String instanceId, String group, String topic, String engine) {

    /** The engine the vendor's page names first. */
    public static final String DEFAULT_ENGINE = "rocketmq";

    public Target {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
        engine = engine == null ? DEFAULT_ENGINE : engine;
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL must be absolute, such as http://localhost:8080; was " + text);
        }
    }

    /** The same target with other ids (unknown-instance rules, fixture topics). */
    public Target with(String instanceId, String group, String topic) {
        return new Target(baseUrl, projectId, instanceId, group, topic, engine);
    }

    /** The same target in another project. */
    public Target withProject(String projectId) {
        return new Target(baseUrl, projectId, instanceId, group, topic, engine);
    }

    /**
     * The values of the contract's path parameters on this target, by parameter name ({@code
     * project_id}, {@code instance_id}, {@code group}, {@code topic}, {@code engine}): what {@link
     * Operation#path} fills any operation's template with.
     */
    public Map<String, String> pathValues() {
        return pathValues(engine);
    }

    /** {@link #pathValues()} with another engine. */
    public Map<String, String> pathValues(String engine) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("engine", engine);
        values.put("project_id", projectId);
        values.put("instance_id", instanceId);
        values.put("group", group);
        values.put("topic", topic);
        return values;
    }

    /** One path segment, percent-encoded as RFC 3986 wants (a space as {@code %20}, never {@code +}). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One line for report headers. */
    public String describe() {
        return baseUrl + " project " + projectId + ", instance " + instanceId + ", group " + group + ", topic " + topic
                + ", engine " + engine;
    }
}
