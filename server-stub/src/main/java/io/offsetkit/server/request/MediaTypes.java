package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import java.util.List;
import java.util.Locale;

/**
 * The media-type checks of an operation's request: its {@code Content-Type} must be one the operation
 * consumes (parameters such as {@code charset} aside), and its {@code Accept}, when present, must
 * allow one it produces. The contract has no 415 or 406: a body not declared as JSON is, as declared,
 * not JSON (400 {@code DMS.00400005}); an {@code Accept} that refuses JSON is an invalid parameter
 * (400 {@code DMS.00400800}).
 */
public final class MediaTypes {

    private MediaTypes() {}

    /** @throws DmsException 400 {@code DMS.00400005} when the Content-Type is missing or not consumed */
    public static void requireContentType(String contentType, List<String> consumed) {
        if (contentType == null || contentType.isBlank()) {
            throw new DmsException(
                    DmsError.BODY_NOT_JSON,
                    "The request has no Content-Type; send the body as " + String.join(" or ", consumed) + ".");
        }
        String type = essence(contentType);
        for (String candidate : consumed) {
            if (candidate.equalsIgnoreCase(type)) {
                return;
            }
        }
        throw new DmsException(
                DmsError.BODY_NOT_JSON,
                "Content-Type " + ErrorText.quote(contentType) + " is not supported; send the body as "
                        + String.join(" or ", consumed) + ".");
    }

    /**
     * Whether an {@code Accept} allows one of the types: for each type, the most specific range that
     * covers it ({@code type/subtype}, then {@code type/*}, then {@code *}{@code /*}) decides, by its
     * weight ({@code q=0} refuses), as RFC 9110 (12.5.1) says.
     *
     * @throws DmsException 400 {@code DMS.00400800} when an Accept is given and allows none of the types
     */
    public static void requireAcceptable(String accept, List<String> produced) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String candidate : produced) {
            String type = candidate.toLowerCase(Locale.ROOT);
            int bestSpecificity = -1;
            double weight = 0;
            for (String range : accept.split(",")) {
                String[] parts = range.split(";", -1); // -1: ";" alone is one empty range, not no parts
                int specificity = specificity(parts[0].strip().toLowerCase(Locale.ROOT), type);
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    weight = quality(parts);
                }
            }
            if (bestSpecificity >= 0 && weight > 0) {
                return;
            }
        }
        throw new DmsException(
                DmsError.INVALID_PARAMETER,
                "Accept " + ErrorText.quote(accept) + " does not allow " + String.join(" or ", produced)
                        + ", the only type this API answers in.");
    }

    /** {@code type/subtype} of a media type, lower case, without parameters. */
    public static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** How specifically {@code range} covers {@code type}: 2 exactly, 1 by its type, 0 as any; -1 not at all. */
    private static int specificity(String range, String type) {
        if (range.equals(type)) {
            return 2;
        }
        if (range.endsWith("/*") && !range.equals("*/*")) {
            return type.startsWith(range.substring(0, range.length() - 1)) ? 1 : -1;
        }
        return range.equals("*/*") || range.equals("*") ? 0 : -1;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
