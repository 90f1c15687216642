package io.offsetkit.cli;

/**
 * A command line the run cannot act on: a bad value, an unknown group or topic, a plan file that is
 * not one. Thrown before anything is changed; the command prints its message, one line naming the
 * option, and exits with {@link ExitCode#BAD_INPUT}.
 */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param option the option at fault, such as {@code --to-datetime}; the message starts with it
     * @param problem what is wrong with it and, where there is one, the fix
     */
    BadInputException(String option, String problem) {
        super(option + ": " + problem);
    }
}
