package io.offsetkit.conformance.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in a few words for a one-line message that already names the option
 * and the file: the message of a {@link FileSystemException} is often the path alone, which says
 * nothing about the error.
 */
final class FileErrors {

    private FileErrors() {}

    /** "no such file or directory", "permission denied", ... or the exception's simple name and reason. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String name = e.getClass().getSimpleName();
        if (e instanceof FileSystemException fileSystem) {
            // Its message repeats the path; the reason, when there is one, is the useful part.
            return fileSystem.getReason() == null ? name : name + ": " + fileSystem.getReason();
        }
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
