package io.offsetkit.server.error;

/**
 * A setting with a value the server cannot start with. The message names the key and the value (or,
 * for a secret, where it is) and says what is allowed.
 */
public class SettingException extends IllegalArgumentException {

    private final String key;

    /**
     * @param key the setting, such as {@code server.port}
     * @param value the value as given (a placeholder for a secret)
     * @param reason what is wrong and what is allowed
     */
    public SettingException(String key, String value, String reason) {
        super(key + "=" + value + ": " + reason);
        this.key = key;
    }

    /** A failure whose message already names the setting and its value. */
    public SettingException(String key, String message) {
        this(key, message, true);
    }

    private SettingException(String key, String message, boolean unused) {
        super(message);
        this.key = key;
    }

    /** The same failure, saying where the value was given (unless it was the default). */
    public SettingException withOrigin(String origin) {
        return "the default".equals(origin)
                ? this
                : new SettingException(key, getMessage() + " (given by " + origin + ")", true);
    }

    /** The setting. */
    public String key() {
        return key;
    }
}
