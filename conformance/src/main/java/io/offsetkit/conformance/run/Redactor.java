package io.offsetkit.conformance.run;

import io.offsetkit.client.auth.AkSkCredentials;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.auth.TokenCredentials;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.ExchangeText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps secrets out of every result, and so out of every report and log made from it: the secret
 * key and the token are replaced by {@value #MASK} wherever they appear (a target may echo a token in
 * an error message), and request headers are kept as {@link ExchangeText#mask} shows them (a token's
 * first four characters, a signature's first eight). Secrets shorter than {@value #SHORTEST} characters
 * are not searched for, as they would match ordinary text.
 */
final class Redactor {

    static final String MASK = "***";
    static final int SHORTEST = 6;

    private final List<String> secrets = new ArrayList<>();

    Redactor(Credentials credentials) {
        if (credentials instanceof AkSkCredentials akSk) {
            add(akSk.secretKey());
        } else if (credentials instanceof TokenCredentials token) {
            add(token.token());
        }
    }

    private void add(String secret) {
        if (secret.length() >= SHORTEST) {
            secrets.add(secret);
        }
    }

    /** The text with every secret masked. */
    String redact(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    /** The result with its message, reason and exchanges redacted. */
    RuleResult redact(RuleResult result) {
        return new RuleResult(
                result.rule(),
                result.verdict(),
                redact(result.reason()),
                redact(result.message()),
                result.exchanges().stream().map(this::redact).toList(),
                result.elapsed());
    }

    private Exchange redact(Exchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.requestHeaders().forEach((name, value) -> headers.put(name, redact(ExchangeText.mask(name, value))));
        return new Exchange(
                exchange.method(),
                exchange.uri(),
                headers,
                redact(exchange.requestBody()),
                exchange.chunked(),
                exchange.status(),
                exchange.responseHeaders(),
                redact(exchange.responseBody()),
                exchange.elapsed(),
                exchange.transportError(),
                exchange.operation());
    }

    private byte[] redact(byte[] body) {
        if (secrets.isEmpty() || body.length == 0) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String redacted = redact(text);
        return redacted.equals(text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
    }
}
