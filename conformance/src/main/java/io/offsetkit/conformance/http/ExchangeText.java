package io.offsetkit.conformance.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes an {@link Exchange} as text for people: the request sent and the response received, each
 * indented, bodies cut at {@value #MAX_BODY} characters. Secrets are masked: an {@code
 * X-Auth-Token} shows its first four characters only, an {@code Authorization} signature its first
 * eight (enough to tell two apart, never enough to replay one).
 */
public final class ExchangeText {

    /** Longest body shown; longer ones end with a note of how much was cut. */
    public static final int MAX_BODY = 2000;

    private ExchangeText() {}

    /** The request as sent: request line, headers, body. */
    public static String request(Exchange exchange) {
        StringBuilder text = new StringBuilder();
        text.append("  ")
                .append(exchange.method())
                .append(' ')
                .append(exchange.uri())
                .append('\n');
        exchange.requestHeaders()
                .forEach((name, value) -> text.append("  ")
                        .append(name)
                        .append(": ")
                        .append(mask(name, value))
                        .append('\n'));
        if (exchange.chunked()) {
            text.append("  Transfer-Encoding: chunked (no Content-Length)\n");
        }
        text.append(body(exchange.requestText(), exchange.requestBody().length));
        return text.toString();
    }

    /** The response as received: status, headers, body; or why none came. */
    public static String response(Exchange exchange) {
        if (!exchange.answered()) {
            return "  (no response: " + exchange.transportError() + ")\n";
        }
        StringBuilder text = new StringBuilder();
        text.append("  ").append(exchange.status()).append('\n');
        for (Map.Entry<String, List<String>> header : exchange.responseHeaders().entrySet()) {
            if (header.getKey().startsWith(":")) {
                continue;
            }
            for (String value : header.getValue()) {
                text.append("  ")
                        .append(header.getKey())
                        .append(": ")
                        .append(value)
                        .append('\n');
            }
        }
        text.append(body(exchange.responseText(), exchange.responseBody().length));
        return text.toString();
    }

    /** Both, under the headings "Request sent:" and "Response received:". */
    public static String both(Exchange exchange) {
        return "Request sent:\n" + request(exchange) + "\nResponse received:\n" + response(exchange);
    }

    private static String body(String text, int length) {
        if (length == 0) {
            return "  (no body)\n";
        }
        String shown = text.length() > MAX_BODY
                ? text.substring(0, MAX_BODY) + "... (" + (text.length() - MAX_BODY) + " more characters)"
                : text;
        return "  " + shown.replace("\n", "\n  ") + "\n";
    }

    /** A header's value as reports may show it: tokens and signatures cut short. */
    public static String mask(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("x-auth-token")) {
            return value.length() <= 4 ? "***" : value.substring(0, 4) + "***";
        }
        if (lower.equals("authorization")) {
            return SIGNATURE
                    .matcher(value)
                    .replaceAll(match -> "Signature="
                            + match.group(1)
                                    .substring(0, Math.min(8, match.group(1).length())) + "***");
        }
        return value;
    }

    private static final Pattern SIGNATURE = Pattern.compile("Signature=([^,\\s]*)");
}
