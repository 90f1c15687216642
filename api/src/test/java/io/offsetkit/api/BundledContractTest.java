package io.offsetkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract shipped in the api jar: it parses, validates, and holds what the vendor documents. */
class BundledContractTest {

    private static final String OPERATION =
            "/paths/~1v2~1{engine}~1{project_id}~1instances~1{instance_id}~1groups~1{group}~1reset-message-offset/post";
    private static final String OLD_OPERATION =
            "/paths/~1v2~1{project_id}~1rocketmq~1instances~1{instance_id}~1groups~1{group}~1reset-message-offset/post";

    private final OpenApiDocument contract = OpenApiDocument.bundled();

    @Test
    @DisplayName("the document parses as OpenAPI 3.0.3 with no validation message")
    void parsesAndValidates() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(contract.text(), null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        assertThat(result.getOpenAPI().getPaths()).hasSize(5);
    }

    @Test
    @DisplayName("every example in the document is valid against its own schema")
    void everyExampleIsValid() {
        List<DocumentedExample> examples = DocumentedExamples.of(contract);

        assertThat(examples).as("examples found").hasSizeGreaterThan(20);
        assertThat(ExampleCheck.problems(contract)).as("invalid examples").isEmpty();
    }

    @Test
    @DisplayName("the documented example request is in the document verbatim, with a numeric timestamp")
    void documentedRequestIsVerbatim() {
        JsonNode documented = contract.at(
                "/components/requestBodies/ResetConsumeOffset/content/application~1json/examples/documented/value");

        assertThat(documented).isEqualTo(json("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}"));
        assertThat(documented.get("timestamp").isIntegralNumber()).isTrue();
    }

    @Test
    @DisplayName("the documented example response is in the document verbatim")
    void documentedResponseIsVerbatim() {
        JsonNode documented =
                contract.at("/components/responses/OffsetReset/content/application~1json/examples/documented/value");

        assertThat(documented)
                .isEqualTo(json("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}]}"));
    }

    @Test
    @DisplayName("both routes carry the same operation shape: same body, same responses")
    void bothRoutesShareBodyAndResponses() {
        JsonNode current = contract.at(OPERATION);
        JsonNode older = contract.at(OLD_OPERATION);

        assertThat(current.get("operationId").asString()).isEqualTo("resetConsumeOffset");
        assertThat(older.get("operationId").asString()).isEqualTo("resetConsumeOffsetForRocketMq");
        assertThat(older.get("requestBody")).isEqualTo(current.get("requestBody"));
        assertThat(older.get("responses")).isEqualTo(current.get("responses"));
        assertThat(current.get("responses").propertyNames())
                .containsExactly("200", "400", "401", "403", "404", "405", "500");
    }

    @Test
    @DisplayName("engine is the enum rocketmq | reliability")
    void engineEnum() {
        assertThat(contract.at("/components/parameters/Engine/schema/enum"))
                .isEqualTo(json("[\"rocketmq\",\"reliability\"]"));
    }

    @Test
    @DisplayName("every response declares the X-Request-Id header")
    void everyResponseHasRequestId() {
        for (var response : contract.at("/components/responses").properties()) {
            assertThat(response.getValue().path("headers").has("X-Request-Id"))
                    .as("X-Request-Id on response %s", response.getKey())
                    .isTrue();
        }
    }

    @Test
    @DisplayName("both security schemes are declared and required as alternatives")
    void securitySchemes() {
        assertThat(contract.at("/components/securitySchemes/iamToken/name").asString())
                .isEqualTo("X-Auth-Token");
        assertThat(contract.at("/components/securitySchemes/akskSignature/name").asString())
                .isEqualTo("Authorization");
        assertThat(contract.at("/security")).isEqualTo(json("[{\"iamToken\":[]},{\"akskSignature\":[]}]"));
    }

    @Test
    @DisplayName("the document has a version and a stable hash")
    void identity() {
        assertThat(contract.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(contract.sha256())
                .hasSize(64)
                .isEqualTo(OpenApiDocument.bundled().sha256());
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
