package io.offsetkit.server.store.log;

import java.io.IOException;

/**
 * A store file is not in the format this build writes (a torn tail is not corruption: it is
 * recovered). The message names the file.
 */
public class CorruptLogException extends IOException {

    public CorruptLogException(String message) {
        super(message);
    }
}
