package io.offsetkit.client;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.auth.SignableRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The headers every request of a client carries ({@code User-Agent}, {@code X-Project-Id}) and its
 * authentication, computed over the request exactly as it will be sent. Used by the client's own
 * calls and, as a request interceptor, by the generated API it hands out, so both send the same
 * headers. Immutable and thread-safe.
 */
final class RequestAuthenticator {

    static final String PROJECT_ID_HEADER = "X-Project-Id";

    private final String userAgent;
    private final String projectId;
    private final Credentials credentials;
    private final Clock clock;

    RequestAuthenticator(String userAgent, String projectId, Credentials credentials, Clock clock) {
        this.userAgent = userAgent;
        this.projectId = projectId;
        this.credentials = credentials;
        this.clock = clock;
    }

    String userAgent() {
        return userAgent;
    }

    /**
     * Sets on {@code builder} the client's headers, then the authentication headers over {@code
     * headers} plus those.
     *
     * @param headers the headers already set on the builder, by name to value
     */
    void apply(HttpRequest.Builder builder, String method, URI uri, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("User-Agent", userAgent);
        all.put(PROJECT_ID_HEADER, projectId);
        // The clock is read per attempt: a retried request gets a fresh X-Sdk-Date and signature.
        all.putAll(credentials.authenticate(new SignableRequest(method, uri, all, body), clock.instant()));
        // Set every header again, those given included, so that what is sent is what was signed.
        all.forEach(builder::setHeader);
    }

    /**
     * The same, as a request interceptor for the generated API: it reads the method, URI, headers
     * and body bytes from the request the builder holds so far.
     */
    Consumer<HttpRequest.Builder> asInterceptor() {
        return builder -> {
            HttpRequest soFar = builder.copy().build();
            Map<String, String> headers = new LinkedHashMap<>();
            soFar.headers().map().forEach((name, values) -> headers.put(name, joined(values)));
            apply(builder, soFar.method(), soFar.uri(), headers, RequestBodies.bytesOf(soFar));
        };
    }

    /** Several values of one header travel as one comma-separated value (RFC 9110 5.3). */
    private static String joined(List<String> values) {
        return String.join(",", values);
    }
}
