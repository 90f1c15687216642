package io.offsetkit.api.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One OpenAPI document as the gate compares it: a name for messages, its JSON tree, its {@code
 * info.version} and the SHA-256 of its bytes, which identifies the exact document a report was made
 * against.
 *
 * <p>The gate reads any OpenAPI 3.0 document (the offsetkit contract, a vendor's copy of it, another
 * API's), so it does not depend on the {@code offsetkit-api} jar; that also lets the api module's
 * own build run the gate. Instances are immutable; callers must not modify {@link #tree()}.
 */
public final class ContractDocument {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final String name;
    private final JsonNode tree;
    private final String sha256;

    private ContractDocument(String name, JsonNode tree, String sha256) {
        this.name = name;
        this.tree = tree;
        this.sha256 = sha256;
    }

    /**
     * Reads a document from a YAML or JSON file, named by its file name.
     *
     * @throws IllegalArgumentException when the file does not exist or is not an OpenAPI-shaped
     *     YAML or JSON object; the message names the file
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static ContractDocument read(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not an OpenAPI document");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException(file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.getFileName().toString(), bytes);
    }

    /**
     * Reads a document from its YAML or JSON bytes.
     *
     * @param name what messages and reports call the document (a file name, a resource path)
     * @throws IllegalArgumentException when the bytes are not YAML or JSON, their root is not an
     *     object, or they are a Swagger 2.0 document (named as such)
     */
    public static ContractDocument parse(String name, byte[] bytes) {
        JsonNode tree;
        try {
            tree = YAML.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + " is not YAML or JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(name + " is not an OpenAPI document: its root is not an object");
        }
        if (tree.has("swagger") && !tree.has("openapi")) {
            throw new IllegalArgumentException(
                    name + " is Swagger " + tree.path("swagger").asString("2.0")
                            + " (it has \"swagger\", not \"openapi\"): Swagger 2.0 is not supported; convert it to"
                            + " OpenAPI 3 (for example with swagger2openapi or the Swagger Editor's conversion)");
        }
        return new ContractDocument(name, tree, sha256(bytes));
    }

    /** The name given when the document was read. */
    public String name() {
        return name;
    }

    /** The document as a JSON tree; YAML reads into the same model. */
    public JsonNode tree() {
        return tree;
    }

    /** {@code info.version}, or {@code "unknown"} when the document has none. */
    public String version() {
        return tree.path("info").path("version").asString("unknown");
    }

    /** Lower-case hex SHA-256 of the bytes read. */
    public String sha256() {
        return sha256;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
