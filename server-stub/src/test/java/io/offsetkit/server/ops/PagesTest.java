package io.offsetkit.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's own pages: the contract, the admin document, Swagger UI's page and its webjar's files. */
class PagesTest {

    private final Pages pages = new Pages();

    private static String text(Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static DmsException notFound(Function<String, Answer> file, String name) {
        DmsException refused = catchThrowableOfType(DmsException.class, () -> file.apply(name));
        assertThat(refused).as("%s is not served", name).isNotNull();
        assertThat(refused.error()).isEqualTo(DmsError.URL_NOT_FOUND);
        return refused;
    }

    /** The bytes of a file of the swagger-ui webjar on the class path, read here independently of Pages. */
    private static byte[] webjarResource(String name) throws Exception {
        ClassLoader loader = PagesTest.class.getClassLoader();
        Properties webjar = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            webjar.load(in);
        }
        try (InputStream in = loader.getResourceAsStream(
                "META-INF/resources/webjars/swagger-ui/" + webjar.getProperty("version") + "/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theContractIsServedByteForByteAsYaml() {
        Answer contract = pages.contract();

        assertThat(contract.status()).isEqualTo(200);
        assertThat(contract.contentType()).isEqualTo("application/yaml");
        assertThat(contract.body()).isEqualTo(OpenApiDocument.bundled().bytes());
    }

    @Test
    void theAdminDocumentIsServedAsYaml() {
        Answer admin = pages.adminContract();

        assertThat(admin.contentType()).isEqualTo("application/yaml");
        assertThat(text(admin)).contains("openapi: 3").contains("/admin/instances/{instance_id}:");
    }

    @Test
    void theSwaggerUiPageLoadsSwaggerUiFromTheWebjarAndOurInitializer() {
        Answer page = pages.swaggerFile("index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(text(page))
                .contains("<script src=\"/webjars/swagger-ui/swagger-ui-bundle.js\">")
                .contains("<script src=\"/swagger-ui/offsetkit-initializer.js\">");
    }

    @Test
    void theInitializerPointsSwaggerUiAtTheContract() {
        Answer initializer = pages.swaggerFile("offsetkit-initializer.js");

        assertThat(initializer.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(text(initializer)).contains("url: \"/openapi.yaml\"");
    }

    @ParameterizedTest
    @CsvSource({
        "swagger-ui-bundle.js, text/javascript; charset=utf-8",
        "swagger-ui-standalone-preset.js, text/javascript; charset=utf-8",
        "swagger-ui.css, text/css; charset=utf-8",
    })
    void aWebjarFileIsServedWholeWithItsMediaType(String name, String mediaType) throws Exception {
        Answer file = pages.webjarFile(name);

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo(mediaType);
        assertThat(file.body()).isEqualTo(webjarResource(name));
        assertThat(pages.webjarFile(name).body()).isEqualTo(file.body());
    }

    @Test
    void aMissingFileIs404NamingItEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThat(notFound(pages::webjarFile, "no-such-file.js")).hasMessageContaining("'no-such-file.js'");
            assertThat(notFound(pages::swaggerFile, "swagger-ui-bundle.js"))
                    .hasMessageContaining("'swagger-ui-bundle.js'");
        }
    }

    @Test
    void aFileTheServerNeedsThatIsMissingFromTheClassPathIsNamedEveryTime() {
        // GIVEN a file the server needs that the class path does not have (a broken build)
        String missing = "io/offsetkit/server/no-such-document.yaml";

        // WHEN it is read, twice
        // THEN each read names it, rather than serving it empty
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> pages.resource(missing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(missing + " is missing from the class path");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", ".hidden", "..pom.properties", ".DS_Store"})
    void aNameStartingWithADotIs404(String name) {
        notFound(pages::webjarFile, name);
        notFound(pages::swaggerFile, name);
    }
}
