package io.offsetkit.server.emulator;

/**
 * A fixture call the emulator refused: a bad name, an unknown instance, topic, broker or queue, a
 * negative time. It is thrown by the call itself, never later by a request, with the admin API's
 * rules and words: {@link #errorCode()} and the message are what {@code /admin} answers for the same
 * input ({@code error_code} and {@code error_msg}).
 */
public class EmulatorFixtureException extends IllegalArgumentException {

    private final String errorCode;

    public EmulatorFixtureException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The DMS code the admin API answers for the same input, such as {@code DMS.00400800}. */
    public String errorCode() {
        return errorCode;
    }
}
