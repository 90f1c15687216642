package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes the path parameters of a request, as the route match captured them (raw, still
 * percent-encoded), once, as the strict read's first step: after authentication, so that a request
 * without credentials gets its 401 whatever its path holds. Decoding is strict: a {@code %} not
 * followed by two hex digits, or bytes that are not UTF-8, are refused; so is a value that decodes to
 * a {@code /}, a {@code \} or a NUL, which no name of the contract may hold and which would let a
 * client smuggle a separator past the route match. Every refusal is 400 {@code DMS.00400800} naming
 * the parameter and the segment as sent.
 */
public final class PathParameters {

    private PathParameters() {}

    /**
     * The decoded values, by name, in the order given.
     *
     * @param raw the raw values by name, as the route match captured them
     * @throws DmsException 400 {@code DMS.00400800} for the first value that cannot be decoded
     */
    public static Map<String, String> decode(Map<String, String> raw) {
        Map<String, String> decoded = new LinkedHashMap<>(raw.size() * 2);
        raw.forEach((name, value) -> decoded.put(name, decode(name, value)));
        return decoded;
    }

    /**
     * The decoded value of one raw path parameter.
     *
     * @throws DmsException 400 {@code DMS.00400800} naming the parameter when it cannot be decoded
     */
    public static String decode(String name, String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (c > 0x7f) {
                    throw refused(name, raw, "has a character outside ASCII that is not percent-encoded");
                }
                bytes.put((byte) c);
                continue;
            }
            int high = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 1)) : -1;
            int low = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 2)) : -1;
            if (high < 0 || low < 0) {
                throw refused(name, raw, "has a '%' that is not followed by two hexadecimal digits");
            }
            bytes.put((byte) (high << 4 | low));
            i += 2;
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused(name, raw, "is not percent-encoded UTF-8");
        }
        if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
            throw refused(name, raw, "decodes to a '/', a '\\' or a NUL, which no path parameter may hold");
        }
        return decoded;
    }

    private static DmsException refused(String name, String raw, String why) {
        return new DmsException(
                DmsError.INVALID_PARAMETER,
                "The path parameter " + name + " (the path segment " + ErrorText.quote(raw) + ") " + why
                        + "; the request was refused.");
    }

    /** The value of an ASCII hexadecimal digit, or -1 ({@code Character.digit} also takes other scripts' digits). */
    private static int hexDigit(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
