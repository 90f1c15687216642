package io.offsetkit.server.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a raw query ({@code a=1&b=x+y}) as form-encoded name-value pairs; the first value of a name wins. */
public final class QueryString {

    private QueryString() {}

    /** The parameters of {@code rawQuery} (null: none), decoded; a malformed one is skipped. */
    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A '%' without two hex digits: the parameter cannot be read, as if it were absent.
            }
        }
        return parameters;
    }
}
