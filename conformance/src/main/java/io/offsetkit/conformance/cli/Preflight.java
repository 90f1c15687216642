package io.offsetkit.conformance.cli;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.check.ContractFacts;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.KitHttp;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the command line checks before the rules, so that a wrong base URL or id is one line and exit
 * 2, not dozens of failures: that something answers at the base URL, then that the documented request
 * (the reset of {@code --group} on {@code --topic} to the documented time, as the first rule sends it)
 * reaches the route and names ids the target knows. A refused authentication is not its concern: the
 * rules report it, with the credentials hint.
 *
 * <p>Its requests are not part of the run: they go through a client of their own, so the run's
 * coverage counts only what the rules sent.
 */
final class Preflight {

    private static final String NO_ROUTE = "DMS.00404001";
    private static final String UNKNOWN_INSTANCE = "DMS.00404022";
    private static final String UNKNOWN_GROUP = "DMS.10240405";
    private static final String UNKNOWN_TOPIC = "DMS.00400876";

    private final Target target;
    private final Credentials credentials;
    private final ContractFacts facts;

    Preflight(Target target, Credentials credentials, ContractFacts facts) {
        this.target = target;
        this.credentials = credentials;
        this.facts = facts;
    }

    /** Why the kit cannot run against the target, in one line, or empty when it can. */
    Optional<String> problem() {
        KitHttp http = new KitHttp(target.baseUrl(), credentials, Clock.systemUTC());
        Exchange probe = http.sendUnauthenticated(RawRequest.of("GET", "/v2/"));
        if (!probe.answered()) {
            return Optional.of("cannot reach " + target.baseUrl() + ": " + probe.transportError());
        }
        Exchange documented = http.send(facts.operation(Operations.RESET)
                .request(target.pathValues())
                .withJson(facts.numericRequest(target.topic())));
        if (!documented.answered()) {
            return Optional.of("cannot reach " + target.baseUrl() + ": " + documented.transportError());
        }
        return problem(documented);
    }

    private Optional<String> problem(Exchange documented) {
        String code = errorCode(documented);
        int status = documented.status();
        if (status == 404 && (code == null || code.equals(NO_ROUTE))) {
            return Optional.of("the target has no route " + documented.requestLine() + " (it answered 404 "
                    + (code == null ? "without a DMS error body" : code) + "); " + baseUrlHint());
        }
        if (status == 404 && code.equals(UNKNOWN_INSTANCE)) {
            return Optional.of("--instance-id " + target.instanceId()
                    + ": the target has no such instance in project " + target.projectId() + " (404 " + code
                    + "); give an existing one with --instance-id (and its project with --project-id)");
        }
        if (status == 404 && code.equals(UNKNOWN_GROUP)) {
            return Optional.of("--group " + target.group()
                    + ": the target has no such consumer group on instance " + target.instanceId() + " (404 " + code
                    + "); give an existing group whose offsets may be reset with --group");
        }
        if (status == 400 && UNKNOWN_TOPIC.equals(code)) {
            return Optional.of("--topic " + target.topic()
                    + ": the target has no such topic on instance " + target.instanceId() + " (400 " + code
                    + "); give an existing topic the group consumes with --topic");
        }
        return Optional.empty();
    }

    /** What to check of the base URL when the route is not there. */
    private String baseUrlHint() {
        URI url = target.baseUrl();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String root = url.getScheme() + "://" + url.getRawAuthority();
        if (path.endsWith("/v2") || path.contains("/v2/")) {
            return "--base-url is the host's root, without /v2 (the kit adds the routes' /v2/...): try --base-url "
                    + root + path.substring(0, path.indexOf("/v2"));
        }
        return "check --base-url: it is where the routes /v2/... hang from, usually the host's"
                + " root (" + root + ")" + (path.isEmpty() ? "" : ", unless the API is served under " + path)
                + ", and the engine (--engine " + target.engine() + ")";
    }

    private static String errorCode(Exchange exchange) {
        try {
            JsonNode body = JsonMapper.shared().readTree(exchange.responseBody());
            JsonNode code = body == null ? null : body.path("error_code");
            return code != null && code.isString() ? code.asString() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
