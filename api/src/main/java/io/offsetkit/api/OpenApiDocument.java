package io.offsetkit.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One OpenAPI document, read once: its bytes, its tree and its identity (version and hash).
 *
 * <p>{@link #bundled()} is the contract itself, the resource {@value #BUNDLED_RESOURCE} of this
 * jar, which every module reads so that all of them see the same bytes. {@link #parse} reads any
 * other document (a copy under test, a vendor's variant) the same way.
 *
 * <p>Instances are immutable and thread-safe; {@link #tree()} must not be modified by callers.
 */
public final class OpenApiDocument {

    /** Classpath location of the contract inside the api jar. */
    public static final String BUNDLED_RESOURCE = "io/offsetkit/api/openapi.yaml";

    private final String name;
    private final byte[] bytes;
    private final JsonNode tree;

    private OpenApiDocument(String name, byte[] bytes, JsonNode tree) {
        this.name = name;
        this.bytes = bytes;
        this.tree = tree;
    }

    /**
     * The contract shipped in this jar. Reads the resource on every call; callers keep the result. Its
     * tree comes from the JSON form the build writes beside the YAML for these very bytes ({@link
     * ContractJsonForm}), quicker to read; without one (classes not built by the build) from the YAML.
     */
    public static OpenApiDocument bundled() {
        byte[] yaml = resource(BUNDLED_RESOURCE);
        if (yaml == null) {
            throw new IllegalStateException("The contract resource " + BUNDLED_RESOURCE
                    + " is not on the classpath; is the offsetkit-api jar missing?");
        }
        byte[] json = resource(ContractJsonForm.resourceFor(sha256(yaml)));
        if (json == null) {
            return parse(BUNDLED_RESOURCE, yaml);
        }
        return new OpenApiDocument(BUNDLED_RESOURCE, yaml, ContractJsonForm.read(json));
    }

    /** A resource's bytes, or null when it is not on the class path. */
    private static byte[] resource(String name) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    /**
     * Reads a document from its YAML or JSON bytes.
     *
     * @param name a name for messages (a file name or resource path)
     * @throws IllegalArgumentException when the bytes are not YAML/JSON or not an object
     */
    public static OpenApiDocument parse(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        JsonNode tree;
        try {
            tree = Yaml.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + " is not valid YAML or JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(name + " is not an OpenAPI document: its root is not an object");
        }
        return new OpenApiDocument(name, bytes.clone(), tree);
    }

    /** The name given at parse time, for messages. */
    public String name() {
        return name;
    }

    /** The document as a JSON tree (YAML is read into the same model). */
    public JsonNode tree() {
        return tree;
    }

    /** The raw bytes, exactly as shipped. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The raw bytes as UTF-8 text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code info.version}, or {@code "unknown"} when absent. */
    public String version() {
        return tree.path("info").path("version").asString("unknown");
    }

    /** Lower-case hex SHA-256 of the bytes: identifies the exact document a report was made against. */
    public String sha256() {
        return sha256(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * The node at a JSON pointer such as {@code /components/schemas/Error}.
     *
     * @throws IllegalArgumentException when nothing is there
     */
    public JsonNode at(String jsonPointer) {
        JsonNode node = tree.at(jsonPointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(name + " has nothing at " + jsonPointer);
        }
        return node;
    }

    /** The YAML reader, built on first use: the bundled contract is read from its JSON form without it. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    }
}
