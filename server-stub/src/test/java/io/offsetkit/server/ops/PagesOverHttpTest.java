package io.offsetkit.server.ops;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Swagger UI over HTTP: everything its page loads is served, and nothing outside its directories is. */
@ServerOverHttpTest
class PagesOverHttpTest {

    @RunningServer.Server
    int port;

    @Test
    void everyFileTheSwaggerUiPageLoadsIsServed() {
        String page = given().port(port).get("/swagger-ui/index.html").asString();

        Matcher loaded = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page);
        int count = 0;
        while (loaded.find()) {
            Response file = given().port(port).get(loaded.group(1));
            assertThat(file.statusCode()).as(loaded.group(1)).isEqualTo(200);
            assertThat(file.asByteArray()).as(loaded.group(1)).isNotEmpty();
            count++;
        }
        assertThat(count).as("files the page loads").isGreaterThanOrEqualTo(4);
    }

    @Test
    void headOfAWebjarFileGivesItsTypeAndLengthWithoutTheBody() {
        Response get = given().port(port).get("/webjars/swagger-ui/swagger-ui-bundle.js");
        Response head = given().port(port).head("/webjars/swagger-ui/swagger-ui-bundle.js");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.asByteArray().length));
        assertThat(head.asByteArray()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webjars/swagger-ui/%2E%2E", "/webjars/swagger-ui/.hidden", "/swagger-ui/%2e%2e"})
    void aNameStartingWithADotIs404(String path) {
        assertError(given().port(port).urlEncodingEnabled(false).get(path), 404, "DMS.00404001");
    }

    @Test
    void anEncodedSlashCannotLeaveTheWebjarsDirectory() {
        Response response = given().port(port)
                .urlEncodingEnabled(false)
                .get("/webjars/swagger-ui/..%2F..%2F..%2Fmaven%2Forg.webjars%2Fswagger-ui%2Fpom.properties");

        assertError(response, 400, "DMS.00400800", "decodes to a '/'");
    }
}
