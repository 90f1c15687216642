package io.offsetkit.server.auth;

import io.offsetkit.server.call.Call;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tokens that exist but cannot be used, refused with their own documented code before the mode's own
 * check: an expired token ({@code offsetkit.auth.expired-tokens}) with 401 {@code DMS.10240102}, a
 * token of another project ({@code offsetkit.auth.other-project-tokens}) with 401 {@code
 * DMS.10240104}. They are checked in mode {@code aksk} too: the service takes either scheme, so a
 * client that sends such a token learns why it is refused, whatever the server otherwise requires.
 */
final class RefusedTokens implements RequestAuthenticator {

    private final TokenSet expired;
    private final TokenSet otherProject;
    private final RequestAuthenticator next;

    RefusedTokens(List<String> expired, List<String> otherProject, RequestAuthenticator next) {
        this.expired = new TokenSet(expired);
        this.otherProject = new TokenSet(otherProject);
        this.next = next;
    }

    @Override
    public Access authenticate(Call call, byte[] body) {
        String token = call.header(TokenAuthenticator.HEADER);
        if (token != null && !token.isBlank()) {
            byte[] sent = token.trim().getBytes(StandardCharsets.UTF_8);
            if (expired.contains(sent)) {
                throw new DmsException(
                        DmsError.EXPIRED_TOKEN,
                        "The " + TokenAuthenticator.HEADER + " header carries a token that has expired (one of"
                                + " offsetkit.auth.expired-tokens); obtain a new token (IAM tokens are valid for 24"
                                + " hours).");
            }
            if (otherProject.contains(sent)) {
                String project = project(call.rawPath());
                throw new DmsException(
                        DmsError.PROJECT_MISMATCH,
                        "The " + TokenAuthenticator.HEADER + " header carries a token of another project than "
                                + (project == null ? "the one in the path" : "'" + project + "', the one in the path")
                                + " (one of offsetkit.auth.other-project-tokens); use a token scoped to this"
                                + " project.");
            }
        }
        return next.authenticate(call, body);
    }

    /** The project id in an API path ({@code /v2/{project_id}/...} or {@code /v2/{engine}/{project_id}/...}). */
    private static String project(String rawPath) {
        String[] segments = rawPath.split("/");
        // "", "v2", then the project id and "instances", or the engine and the project id
        if (segments.length < 4) {
            return null;
        }
        String candidate = segments[3].equals("instances") ? segments[2] : segments[3];
        return candidate.matches("[0-9A-Za-z_-]{1,64}") ? candidate : null;
    }
}
