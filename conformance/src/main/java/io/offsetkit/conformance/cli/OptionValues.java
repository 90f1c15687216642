package io.offsetkit.conformance.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of the kit's options that picocli converts and checks as it parses ({@link
 * CliArguments} names them in its {@code @Option}s). A refused value is a {@link
 * TypeConversionException} whose message picocli puts after {@code Invalid value for option
 * '--name': }, so it says what is wrong with the value without naming the option again.
 */
final class OptionValues {

    private OptionValues() {}

    /** A value that is not blank; the message never shows it (it may be a secret). */
    static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("needs a non-blank value");
            }
            return value;
        }
    }

    /** An absolute {@code http} or {@code https} URL; one without a scheme is told to add {@code http://}. */
    static final class BaseUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            if (!text.contains("://")) {
                throw new TypeConversionException(
                        "'" + text + "' has no scheme: add http:// (http://" + text + ") or https://");
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + text + "' is not a URL (" + e.getReason() + ")");
            }
            if (uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new TypeConversionException(
                        "must be an absolute http(s) URL such as http://localhost:8080; was '" + text + "'");
            }
            return uri;
        }
    }

    /** The engine segment of the reset's route. */
    static final class EngineName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("rocketmq") && !value.equals("reliability")) {
                throw new TypeConversionException("must be rocketmq or reliability; was '" + value + "'");
            }
            return value;
        }
    }

    /** The one fixture the runnable jar has. */
    static final class FixtureName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("reference-admin")) {
                // The RocketMQ fixture is left out of the runnable jar (RocketMQ's client would take it
                // from 4.5 MB to 32 MB): say where it is.
                throw new TypeConversionException("the kit knows only 'reference-admin'; was '" + value
                        + "' (the fixture over a RocketMQ cluster runs from the JUnit base class, see"
                        + " conformance/README.md)");
            }
            return value;
        }
    }

    /** A file that exists. */
    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new TypeConversionException(value + " is not a file");
            }
            return file;
        }
    }

    /** A secret read from a file, stripped; the message names the file, never what it holds. */
    static final class SecretFile implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String secret;
            try {
                secret =
                        Files.readString(Path.of(value), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new TypeConversionException("cannot read " + value + ": " + FileErrors.describe(e));
            }
            if (secret.isEmpty()) {
                throw new TypeConversionException(value + " is empty");
            }
            return secret;
        }
    }
}
