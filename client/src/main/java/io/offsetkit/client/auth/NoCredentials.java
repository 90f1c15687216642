package io.offsetkit.client.auth;

import java.time.Instant;
import java.util.Map;

/** Adds no header: for a server that does not authenticate (the reference server's default). */
final class NoCredentials implements Credentials {

    static final NoCredentials INSTANCE = new NoCredentials();

    private NoCredentials() {}

    @Override
    public Map<String, String> authenticate(SignableRequest request, Instant now) {
        return Map.of();
    }

    @Override
    public String toString() {
        return "Credentials.none()";
    }
}
