package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a request's query into its parameters, strictly, by the operation's query parameters as the
 * contract generates them: each {@code name=value} pair percent-decoded (a {@code name} without {@code
 * =} has the empty value); a name the operation does not have, or a name given twice, is refused with
 * 400 {@code DMS.00400800} naming it, so that a misspelt {@code limt=5} is not silently the default.
 * Empty pairs ({@code a=1&&b=2}, a trailing {@code &}) are nothing, as browsers and SDKs write them.
 */
final class QueryParameters {

    private QueryParameters() {}

    /**
     * @param rawQuery the query as sent, without {@code ?}; null when the request has none
     * @param known the operation's query parameters
     * @return the decoded value of each parameter the request carries, by name
     */
    static Map<String, String> split(String rawQuery, List<Constraint> known) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>(4);
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), pair);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), pair);
            if (!isKnown(name, known)) {
                throw new DmsException(
                        DmsError.INVALID_PARAMETER,
                        "The query parameter " + ErrorText.quote(name) + " is not one of this operation's"
                                + (known.isEmpty() ? "; it takes none." : ": " + names(known) + "."));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new DmsException(
                        DmsError.INVALID_PARAMETER,
                        "The query parameter " + ErrorText.quote(name) + " is given more than once; give it once.");
            }
        }
        return values;
    }

    private static boolean isKnown(String name, List<Constraint> known) {
        for (Constraint constraint : known) {
            if (constraint.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String names(List<Constraint> known) {
        StringBuilder names = new StringBuilder();
        for (Constraint constraint : known) {
            names.append(names.length() == 0 ? "" : ", ").append(constraint.name());
        }
        return names.toString();
    }

    private static String decode(String text, String pair) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            // '+' is a space in a query, as URLDecoder reads it; no name or value of the contract has one.
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DmsException(
                    DmsError.INVALID_PARAMETER,
                    "The query " + ErrorText.quote(pair) + " is not percent-encoded: a '%' must be followed by two"
                            + " hexadecimal digits.");
        }
    }
}
