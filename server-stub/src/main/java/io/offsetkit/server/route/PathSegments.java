package io.offsetkit.server.route;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Splits a raw request path (as sent, still percent-encoded) into its segments, and decodes one.
 * Decoding is strict: a {@code %} not followed by two hex digits, or bytes that are not UTF-8, are
 * refused; so is a segment that decodes to a {@code /}, a {@code \} or a NUL, which no name of the
 * contract may hold and which would let a client smuggle a separator past the route match.
 */
final class PathSegments {

    private PathSegments() {}

    /** The segments of {@code rawPath} (which starts with {@code /}), raw; empty ones included. */
    static String[] split(String rawPath) {
        return rawPath.substring(1).split("/", -1);
    }

    /**
     * The decoded value of one raw segment.
     *
     * @throws DmsException 400 {@code DMS.00400800} naming the segment when it cannot be decoded
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (c > 0x7f) {
                    throw refused(raw, "has a character outside ASCII that is not percent-encoded");
                }
                bytes.put((byte) c);
                continue;
            }
            int high = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 1)) : -1;
            int low = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 2)) : -1;
            if (high < 0 || low < 0) {
                throw refused(raw, "has a '%' that is not followed by two hexadecimal digits");
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
            throw refused(raw, "is not percent-encoded UTF-8");
        }
        if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
            throw refused(raw, "decodes to a '/', a '\\' or a NUL, which no path parameter may hold");
        }
        return decoded;
    }

    private static DmsException refused(String raw, String why) {
        return new DmsException(
                DmsError.INVALID_PARAMETER,
                "The path segment " + ErrorText.quote(raw) + " " + why + "; the request was refused.");
    }

    /** The value of an ASCII hexadecimal digit, or -1 ({@code Character.digit} also takes other scripts' digits). */
    private static int hexDigit(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
