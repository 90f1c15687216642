package io.offsetkit.conformance.check;

import io.offsetkit.client.auth.AkSkCredentials;
import io.offsetkit.client.auth.AkSkSigner;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.auth.SignableRequest;
import io.offsetkit.client.auth.TokenCredentials;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.rules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authentication rules, for targets given credentials: requests without, with wrong, with forged
 * and with stale credentials must all be refused with 401; with a fixture that offers them, an expired
 * token, a token of another project (401, each with its own code) and read-only credentials (403). Signatures are made with the client's
 * {@code SDK-HMAC-SHA256} signer, the one canonicalisation of the project.
 */
final class AuthChecks {

    /** The documented 401 codes. */
    static final Set<String> UNAUTHORIZED_CODES =
            Set.of("DMS.10240101", "DMS.10240102", "DMS.10240103", "DMS.10240104");

    /** How old the stale request's X-Sdk-Date is: far beyond any sane clock-skew window. */
    static final Duration STALENESS = Duration.ofDays(1);

    private AuthChecks() {}

    /** How the failure of {@link Rule#AUTH_KIT_CREDENTIALS} begins: the one line blocked rules quote. */
    static final String KIT_CREDENTIALS_REFUSED = "the kit's credentials are refused by the target";

    /**
     * The documented request, sent with the kit's credentials (the probe the example rules share), is
     * not refused with 401 or 403: the credentials the other rules lean on work. Any other answer,
     * an error included, is another rule's to judge.
     */
    static void kitCredentials(KitContext context) {
        Exchange documented = context.documentedNumeric();
        if (documented.answered() && (documented.status() == 401 || documented.status() == 403)) {
            throw Findings.fail(
                    Rule.AUTH_KIT_CREDENTIALS,
                    "the documented request, sent with the kit's credentials ("
                            + (context.http().credentials() instanceof AkSkCredentials ? "AK/SK" : "a token")
                            + "), not refused with 401 or 403",
                    KIT_CREDENTIALS_REFUSED + ": the documented request was answered " + documented.statusLine()
                            + "\nCheck the credentials given (--token, or --ak and --sk) and the project id.",
                    documented);
        }
    }

    static void noCredentials(KitContext context) {
        refuse(context, Rule.AUTH_NO_CREDENTIALS, "no credentials", documented(context));
    }

    static void wrongToken(KitContext context) {
        String wrong = context.http().credentials() instanceof TokenCredentials token
                ? token.token() + "-not"
                : "offsetkit-conformance-wrong-token";
        refuse(
                context,
                Rule.AUTH_WRONG_TOKEN,
                "a wrong X-Auth-Token",
                documented(context).withHeader(TokenCredentials.HEADER, wrong));
    }

    /**
     * The kit's own access key with a wrong secret key: only a target that verifies signatures refuses
     * it for the signature. The rule needs an AK/SK pair: signing with a made-up key would be refused for
     * the unknown key, which proves nothing about signatures.
     */
    static void badSignature(KitContext context) {
        String accessKey = ((AkSkCredentials) context.http().credentials()).accessKey();
        RawRequest request = documented(context);
        refuse(
                context,
                Rule.AUTH_BAD_SIGNATURE,
                "a signature made with the wrong secret key",
                signed(context, request, accessKey, "offsetkit-conformance-not-the-secret-key", now(context)));
    }

    static void staleDate(KitContext context) {
        AkSkCredentials akSk = (AkSkCredentials) context.http().credentials();
        RawRequest request = documented(context);
        refuse(
                context,
                Rule.AUTH_STALE_DATE,
                "a correct signature with an X-Sdk-Date " + STALENESS.toHours() + " hours old",
                signed(
                        context,
                        request,
                        akSk.accessKey(),
                        akSk.secretKey(),
                        now(context).minus(STALENESS)));
    }

    static void expiredToken(KitContext context) {
        String token = context.fixture().flatMap(Fixture::expiredToken).orElseThrow();
        Refusals.check(
                context,
                Rule.AUTH_EXPIRED_TOKEN,
                List.of(new RefusalCase(
                        "the fixture's expired X-Auth-Token",
                        documented(context).withHeader(TokenCredentials.HEADER, token),
                        false,
                        Set.of(401),
                        Set.of("DMS.10240102"))));
    }

    static void otherProjectToken(KitContext context) {
        String token = context.fixture().flatMap(Fixture::otherProjectToken).orElseThrow();
        Refusals.check(
                context,
                Rule.AUTH_OTHER_PROJECT_TOKEN,
                List.of(new RefusalCase(
                        "the fixture's X-Auth-Token of another project than "
                                + context.target().projectId(),
                        documented(context).withHeader(TokenCredentials.HEADER, token),
                        false,
                        Set.of(401),
                        Set.of("DMS.10240104"))));
    }

    static void readOnly(KitContext context) {
        Credentials readOnly =
                context.fixture().flatMap(Fixture::readOnlyCredentials).orElseThrow();
        RawRequest request = documented(context);
        Map<String, String> added = readOnly.authenticate(
                new SignableRequest(
                        request.method(), context.http().uriOf(request.path()), request.headers(), request.body()),
                now(context));
        for (Map.Entry<String, String> header : added.entrySet()) {
            request = request.withHeader(header.getKey(), header.getValue());
        }
        Refusals.check(
                context,
                Rule.AUTH_READ_ONLY,
                List.of(new RefusalCase(
                        "the fixture's read-only credentials", request, false, Set.of(403), Set.of("DMS.00403007"))));
    }

    private static RawRequest signed(KitContext context, RawRequest request, String ak, String sk, Instant at) {
        Map<String, String> added = AkSkSigner.sign(
                ak,
                sk,
                new SignableRequest(
                        request.method(), context.http().uriOf(request.path()), request.headers(), request.body()),
                at);
        RawRequest signed = request;
        for (Map.Entry<String, String> header : added.entrySet()) {
            signed = signed.withHeader(header.getKey(), header.getValue());
        }
        return signed;
    }

    private static void refuse(KitContext context, Rule rule, String name, RawRequest request) {
        Refusals.check(context, rule, List.of(new RefusalCase(name, request, false, Set.of(401), UNAUTHORIZED_CODES)));
    }

    private static RawRequest documented(KitContext context) {
        return context.resetRequest(
                context.facts().numericRequest(context.target().topic()));
    }

    private static Instant now(KitContext context) {
        return context.http().clock().instant();
    }
}
