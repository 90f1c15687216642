package io.offsetkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled contract read from its JSON form is the YAML's document: same bytes, same tree. */
class ContractJsonFormTest {

    @Test
    void theBuildWroteTheJsonFormOfTheBundledYaml() throws IOException {
        // GIVEN the YAML on the class path
        byte[] yaml = resource(OpenApiDocument.BUNDLED_RESOURCE);
        OpenApiDocument fromYaml = OpenApiDocument.parse("yaml", yaml);

        // THEN the build left its JSON form beside it, named after its hash
        assertThat(resource(ContractJsonForm.resourceFor(fromYaml.sha256()))).isNotNull();
    }

    @Test
    void bundledGivesTheYamlsBytesAndTree() throws IOException {
        // GIVEN the YAML read by the YAML parser
        OpenApiDocument fromYaml = OpenApiDocument.parse("yaml", resource(OpenApiDocument.BUNDLED_RESOURCE));

        // WHEN the bundled contract is read (from the JSON form)
        OpenApiDocument bundled = OpenApiDocument.bundled();

        // THEN it is the same document: the YAML's bytes and hash, and a tree equal node type for node type
        assertThat(bundled.bytes()).isEqualTo(fromYaml.bytes());
        assertThat(bundled.sha256()).isEqualTo(fromYaml.sha256());
        assertThat(bundled.tree()).isEqualTo(fromYaml.tree());
        assertThat(bundled.name()).isEqualTo(OpenApiDocument.BUNDLED_RESOURCE);
        assertThat(bundled.version()).isEqualTo(fromYaml.version());
    }

    @Test
    void writesOneJsonFormNamedAfterTheYamlAndDropsAStaleOne(@TempDir Path classes) throws IOException {
        // GIVEN a classes directory with a YAML and the JSON form of another version of it
        Path yaml = classes.resolve(OpenApiDocument.BUNDLED_RESOURCE);
        Files.createDirectories(yaml.getParent());
        Files.writeString(
                yaml,
                "openapi: 3.0.3\ninfo: {title: t, version: 1.2.3}\nx-big: 9223372036854775807\n"
                        + "x-small: 7\nx-real: 1.5\nx-text: '12'\nx-none: null\npaths: {}\n");
        Path stale = yaml.resolveSibling("openapi-" + "0".repeat(64) + ".json");
        Files.writeString(stale, "{}");

        // WHEN the build step runs
        ContractJsonForm.main(new String[] {classes.toString()});

        // THEN only this YAML's JSON form is there, and it reads back to the YAML's tree
        OpenApiDocument fromYaml = OpenApiDocument.parse("yaml", Files.readAllBytes(yaml));
        Path written = classes.resolve(ContractJsonForm.resourceFor(fromYaml.sha256()));
        assertThat(stale).doesNotExist();
        assertThat(ContractJsonForm.read(Files.readAllBytes(written))).isEqualTo(fromYaml.tree());
        assertThat(Files.readString(written, StandardCharsets.UTF_8)).contains("9223372036854775807", "\"12\"");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ContractJsonFormTest.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
