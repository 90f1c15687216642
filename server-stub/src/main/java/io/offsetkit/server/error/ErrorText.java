package io.offsetkit.server.error;

/**
 * Shows a value a client sent inside an error message, safely: at most {@value #MAX_SHOWN}
 * characters of it, and every character outside printable ASCII written as {@code \}{@code uXXXX},
 * so that a message never carries control characters, lone surrogates or megabytes of input, and the
 * reader still sees exactly which character was refused.
 */
public final class ErrorText {

    /** How many characters of a value an error message shows. */
    public static final int MAX_SHOWN = 64;

    private ErrorText() {}

    /** The value in single quotes, escaped and truncated; {@code null} shown as the word null. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + shown(value) + "'";
    }

    /** The value escaped and truncated, without quotes (for numbers as written). */
    public static String shown(String value) {
        return shown(value, MAX_SHOWN);
    }

    /** The value escaped and cut after {@code max} characters, without quotes. */
    public static String shown(String value, int max) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(value.length(), max);
        for (int i = 0; i < end; i++) {
            out.append(escape(value.charAt(i)));
        }
        if (value.length() > max) {
            out.append("...(").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    /** One character as shown in a message: itself when printable ASCII, else {@code \}{@code uXXXX}. */
    public static String escape(char c) {
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            return String.valueOf(c);
        }
        return String.format("\\u%04X", (int) c);
    }
}
