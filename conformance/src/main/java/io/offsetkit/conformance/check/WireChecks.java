package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules that send the documented request in the wire forms the official SDKs produce, and
 * require the answer the plain form (the documented request, {@code Content-Length}, the kit's own
 * headers) gets: a chunked body, the Java SDK's header set and signature, the Node.js SDK's.
 */
final class WireChecks {

    /** The {@code User-Agent} of the official Java SDK's captured request. */
    static final String JAVA_SDK_USER_AGENT = "huaweicloud-usdk-java/3.0";

    /** The engine segment of the Java SDK's captured request: the alias. */
    static final String JAVA_SDK_ENGINE = "reliability";

    private static final Probe<Exchange> CHUNKED = new Probe<>("wire-chunked");
    private static final Probe<Exchange> JAVA_SDK = new Probe<>("wire-java-sdk");
    private static final Probe<Exchange> NODE_SDK = new Probe<>("wire-node-sdk");
    private static final Probe<Exchange> CHARSET = new Probe<>("wire-charset");

    private WireChecks() {}

    static void chunked(KitContext context) {
        Exchange chunked = context.once(
                CHUNKED,
                () -> context.http()
                        .send(context.resetRequest(documented(context)).withChunkedBody()));
        ExampleChecks.answeredAsDocumented(context, Rule.WIRE_CHUNKED, "the chunked body", chunked);
    }

    static void charset(KitContext context) {
        // Content-Type's media type may carry parameters (RFC 9110, 8.3); many clients and proxies add the charset
        Exchange exchange = context.once(
                CHARSET,
                () -> context.http()
                        .send(context.resetRequest(documented(context))
                                .withHeader("Content-Type", "application/json;charset=UTF-8")));
        ExampleChecks.answeredAsDocumented(context, Rule.WIRE_CHARSET, "the request with a charset", exchange);
    }

    static void javaSdk(KitContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", JAVA_SDK_USER_AGENT);
        headers.put("X-Project-Id", context.target().projectId());
        headers.put("Content-Type", "application/json");
        // The client's signer signs every header but Content-Type, with Host and X-Sdk-Date: exactly
        // the captured SignedHeaders=host;user-agent;x-project-id;x-sdk-date.
        RawRequest request = context.operation(Operations.RESET)
                .request(context.target().pathValues(JAVA_SDK_ENGINE))
                .withHeaders(headers)
                .withBody(
                        context.facts().stringRequest(context.target().topic()).getBytes(StandardCharsets.UTF_8))
                .withChunkedBody();
        Exchange exchange = context.once(JAVA_SDK, () -> context.http().send(request));
        ExampleChecks.answeredAsDocumented(context, Rule.WIRE_JAVA_SDK, "the Java SDK's request", exchange);
    }

    static void nodeSdk(KitContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        // The Node.js SDK's HTTP client writes content-type in lower case, and its signer signs it.
        headers.put("content-type", "application/json");
        headers.put("X-Project-Id", context.target().projectId());
        RawRequest request = context.request(Operations.RESET)
                .withHeaders(headers)
                .withBody(documented(context).getBytes(StandardCharsets.UTF_8));
        Exchange exchange = context.once(NODE_SDK, () -> context.http().sendSigningEveryHeader(request));
        ExampleChecks.answeredAsDocumented(context, Rule.WIRE_NODE_SDK, "the Node.js SDK's request", exchange);
    }

    private static String documented(KitContext context) {
        return context.facts().numericRequest(context.target().topic());
    }
}
