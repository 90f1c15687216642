package io.offsetkit.client.auth;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request as it will go on the wire, before authentication: what a signer needs to see.
 *
 * @param method the HTTP method, upper case
 * @param uri the full URI, with the path and query percent-encoded exactly as they will be sent
 * @param headers the headers the caller sets, by name to value ({@code Host} excluded: the HTTP
 *     client derives it from the URI, see {@link io.offsetkit.signing.SdkSigner#hostHeader})
 * @param body the body bytes exactly as they will be sent; empty for none
 */
public record SignableRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public SignableRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }
}
