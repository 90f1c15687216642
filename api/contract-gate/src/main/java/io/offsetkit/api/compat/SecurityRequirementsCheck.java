package io.offsetkit.api.compat;

import io.offsetkit.api.compat.ContractChange.Severity;
import io.offsetkit.api.compat.ContractChange.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Our own check of security requirements, by scheme name, operation by operation.
 *
 * <p>Why not the library's: openapi-diff pairs requirements by scheme type and location only (our
 * {@code iamToken} and {@code akskSignature} are both API keys in a header, so it cannot tell them
 * apart), and it misses two breaking kinds outright: authentication newly required on an operation
 * that had no security at all (it rates that compatible), and a scheme renamed (no change for it,
 * though generated clients look credentials up by scheme name). Its findings also cannot be tied to
 * a named scheme for the message. So the gate words every security change from this check.
 *
 * <p>The rule: an operation's {@code security} lists alternatives; a client written against the
 * baseline satisfies one of them. Every baseline alternative must still be enough, that is, some
 * current alternative must ask for no scheme (and no scope) the baseline one did not. No security
 * at all counts as one empty alternative. A scheme a baseline alternative uses must also keep its
 * type, location, header or parameter name, HTTP scheme and flows.
 */
final class SecurityRequirementsCheck {

    static final String NAME = "own check: security requirements by scheme name";

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> SCHEME_FIELDS =
            List.of("type", "in", "name", "scheme", "bearerFormat", "openIdConnectUrl", "flows");

    private final JsonNode baseline;
    private final JsonNode current;
    private final ChangeLog log;

    SecurityRequirementsCheck(JsonNode baseline, JsonNode current, ChangeLog log) {
        this.baseline = baseline;
        this.current = current;
        this.log = log;
    }

    void run() {
        for (Map.Entry<String, JsonNode> path : baseline.path("paths").properties()) {
            for (String method : METHODS) {
                String operation = DocumentPointers.operation(path.getKey(), method);
                if (path.getValue().has(method) && !current.at(operation).isMissingNode()) {
                    operation(path.getKey(), method, operation);
                }
            }
        }
        schemes();
    }

    private void operation(String path, String method, String operation) {
        Effective before = effective(baseline, operation);
        Effective after = effective(current, operation);
        String seenIn =
                current.at(operation).path("operationId").asString(method.toUpperCase(Locale.ROOT) + " " + path);
        boolean broken = false;
        for (Map<String, Set<String>> old : before.alternatives) {
            if (after.alternatives.stream().noneMatch(now -> asksNothingMore(now, old))) {
                log.add(Severity.BREAKING, lost(old, after), after.pointer, Side.CURRENT, NAME, seenIn);
                broken = true;
            }
        }
        if (broken) {
            return; // the breaking message already says what the new alternatives ask for
        }
        for (Map<String, Set<String>> now : after.alternatives) {
            if (!before.alternatives.contains(now)) {
                log.add(
                        Severity.COMPATIBLE,
                        "new security alternative " + show(now),
                        after.pointer,
                        Side.CURRENT,
                        NAME,
                        seenIn);
            }
        }
    }

    private static String lost(Map<String, Set<String>> old, Effective after) {
        if (old.isEmpty()) {
            return "new required security requirement: the operation now requires authentication "
                    + alternatives(after.alternatives) + "; it did not before";
        }
        Map<String, Set<String>> closest = after.alternatives.stream()
                .filter(now -> now.keySet().containsAll(old.keySet()))
                .min(Comparator.comparingInt(Map::size))
                .orElse(null);
        if (closest != null) {
            Map<String, Set<String>> extra = new TreeMap<>();
            closest.forEach((scheme, scopes) -> {
                Set<String> had = old.getOrDefault(scheme, Set.of());
                if (!old.containsKey(scheme) || !had.containsAll(scopes)) {
                    extra.put(scheme, scopes);
                }
            });
            return "new required security requirement: clients authenticating with " + show(old)
                    + " must now also present " + show(extra);
        }
        return "security alternative " + show(old) + " removed: clients authenticating with it are refused";
    }

    private void schemes() {
        Set<String> used = new TreeSet<>();
        for (JsonNode requirement : allRequirements(baseline)) {
            used.addAll(requirement.propertyNames());
        }
        for (String scheme : used) {
            String pointer = DocumentPointers.append("/components/securitySchemes", scheme);
            JsonNode before = baseline.at(pointer);
            JsonNode after = current.at(pointer);
            if (before.isMissingNode() || after.isMissingNode()) {
                continue; // removal shows as a lost alternative above
            }
            for (String field : SCHEME_FIELDS) {
                if (!before.path(field).equals(after.path(field))) {
                    log.add(
                            Severity.BREAKING,
                            "security scheme `" + scheme + "`: " + field + " changed from " + show(before.path(field))
                                    + " to " + show(after.path(field)),
                            DocumentPointers.append(pointer, field),
                            Side.CURRENT,
                            NAME,
                            null);
                }
            }
            if (!before.path("description").equals(after.path("description"))) {
                log.add(
                        Severity.COMPATIBLE,
                        "security scheme `" + scheme + "`: description edited",
                        DocumentPointers.append(pointer, "description"),
                        Side.CURRENT,
                        NAME,
                        null);
            }
        }
    }

    private static List<JsonNode> allRequirements(JsonNode document) {
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        for (JsonNode pathItem : document.path("paths")) {
            for (String method : METHODS) {
                pathItem.path(method).path("security").forEach(requirements::add);
            }
        }
        return requirements;
    }

    /** True when a client that meets {@code old} also meets {@code now}. */
    private static boolean asksNothingMore(Map<String, Set<String>> now, Map<String, Set<String>> old) {
        return now.entrySet().stream()
                .allMatch(scheme -> old.containsKey(scheme.getKey())
                        && old.get(scheme.getKey()).containsAll(scheme.getValue()));
    }

    private record Effective(String pointer, List<Map<String, Set<String>>> alternatives) {}

    private static Effective effective(JsonNode document, String operation) {
        String pointer = document.at(operation).has("security") ? operation + "/security" : "/security";
        JsonNode security = document.at(pointer);
        List<Map<String, Set<String>>> alternatives = new ArrayList<>();
        for (JsonNode requirement : security) {
            Map<String, Set<String>> schemes = new TreeMap<>();
            for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
                Set<String> scopes = new TreeSet<>();
                scheme.getValue().forEach(scope -> scopes.add(scope.asString()));
                schemes.put(scheme.getKey(), scopes);
            }
            alternatives.add(schemes);
        }
        if (alternatives.isEmpty()) {
            alternatives.add(Map.of()); // no security: anyone may call
        }
        return new Effective(pointer, alternatives);
    }

    private static String alternatives(List<Map<String, Set<String>>> alternatives) {
        return alternatives.stream().map(SecurityRequirementsCheck::show).collect(Collectors.joining(" or "));
    }

    private static String show(Map<String, Set<String>> requirement) {
        Map<String, Set<String>> ordered = new LinkedHashMap<>(new TreeMap<>(requirement));
        return ordered.entrySet().stream()
                .map(scheme -> "`" + scheme.getKey() + "`"
                        + (scheme.getValue().isEmpty() ? "" : " (scopes " + String.join(", ", scheme.getValue()) + ")"))
                .collect(Collectors.joining(" + ", "{", "}"));
    }

    private static String show(JsonNode value) {
        return value.isMissingNode() ? "none" : "`" + (value.isString() ? value.asString() : value.toString()) + "`";
    }
}
