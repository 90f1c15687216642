package io.offsetkit.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.api.OpenApiDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operations' descriptors, read from the contract: nothing of an operation is restated by hand. */
class OperationsTest {

    private static final Operations OPERATIONS = Operations.of(OpenApiDocument.bundled());

    @Test
    void theResetIsReadWhole() {
        // WHEN the reset's descriptor is read from the bundled contract
        Operation reset = OPERATIONS.get(Operations.RESET);

        // THEN it has its method, template, parameters with their schemas, answer schema and errors
        assertThat(reset.method()).isEqualTo("POST");
        assertThat(reset.pathTemplate())
                .isEqualTo("/v2/{engine}/{project_id}/instances/{instance_id}/groups/{group}/reset-message-offset");
        assertThat(reset.pathParameterNames()).containsExactly("engine", "project_id", "instance_id", "group");
        assertThat(reset.parameter("group")
                        .orElseThrow()
                        .schema()
                        .path("maxLength")
                        .asInt())
                .isEqualTo(120);
        assertThat(reset.parameter("project_id").orElseThrow().example().asString())
                .isEqualTo("77b6a44cba5143ab91d13ab9a8ff44fd");
        assertThat(reset.successSchema()).isEqualTo("ResetConsumeOffsetResp");
        assertThat(reset.requestSchema()).isEqualTo("ResetConsumeOffsetReq");
        assertThat(reset.errors().keySet()).containsExactly(400, 401, 403, 404, 405, 500);
        assertThat(reset.errorCodes(400)).contains("DMS.00400004", "DMS.00400142", "DMS.50050004");
        assertThat(reset.requestExample("documented").path("timestamp").asLong())
                .isEqualTo(1662652800000L);
    }

    @Test
    void theReadsAreReadWithTheirQueryParametersAndCodes() {
        // WHEN the reads' descriptors are read
        Operation progress = OPERATIONS.get(Operations.GROUP_TOPICS);
        Operation status = OPERATIONS.get(Operations.TOPIC_STATUS);
        Operation consumers = OPERATIONS.get(Operations.CONSUMERS);

        // THEN each is a GET with its query parameters, its own answer schema and its documented codes
        assertThat(progress.method()).isEqualTo("GET");
        assertThat(progress.parameter("limit").orElseThrow().inQuery()).isTrue();
        assertThat(progress.parameter("limit")
                        .orElseThrow()
                        .schema()
                        .path("maximum")
                        .asInt())
                .isEqualTo(50);
        assertThat(progress.successSchema()).isEqualTo("ShowConsumerListOrDetailsResp");
        assertThat(progress.errorCodes(400)).contains("DMS.10240042", "DMS.10240043", "DMS.00400876");
        assertThat(status.successSchema()).isEqualTo("ShowTopicStatusResp");
        assertThat(status.hasBody()).isFalse();
        assertThat(consumers
                        .parameter("is_detail")
                        .orElseThrow()
                        .schema()
                        .path("type")
                        .asString())
                .isEqualTo("boolean");
        assertThat(OPERATIONS.all()).hasSize(5);
    }

    @Test
    void theWrongMethodsOfARouteAreTheOnesTheContractGivesNoOperation() {
        // WHEN the wrong methods of the reset's route and of a read's are asked for
        // THEN GET is wrong on the reset's route, and right on a read's
        assertThat(OPERATIONS.wrongMethods(OPERATIONS.get(Operations.RESET)))
                .contains("GET")
                .doesNotContain("POST");
        assertThat(OPERATIONS.wrongMethods(OPERATIONS.get(Operations.TOPIC_STATUS)))
                .contains("POST")
                .doesNotContain("GET");
    }

    @Test
    void aRequestIsBuiltFromTheTemplateEncodedAndCarriesItsOperation() {
        // GIVEN a target whose group holds characters that must be encoded
        Target target = new Target(URI.create("http://localhost:8080"), "p1", "i1", "g%|1", "t_1", null);
        Operation progress = OPERATIONS.get(Operations.GROUP_TOPICS);

        // WHEN the progress read is built with a query
        RawRequest request = progress.request(target.pathValues(), Map.of("topic", "t_1"));

        // THEN the path is the template filled and encoded, and the request names its operation
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v2/p1/instances/i1/groups/g%25%7C1/topics?topic=t_1");
        assertThat(request.operation()).isSameAs(progress);
        // AND the path's values are read back by position, a base URL's prefix left aside
        assertThat(progress.pathValuesOf("/dms" + request.path().replace("?topic=t_1", "")))
                .containsEntry("group", "g%25%7C1")
                .containsEntry("instance_id", "i1");
    }

    @Test
    void aNewOperationOfTheContractIsDescribedWithoutAnyCodeOfTheKit() {
        // GIVEN the contract with one more operation
        String text = OpenApiDocument.bundled()
                .text()
                .replace(
                        "\npaths:\n",
                        "\npaths:\n  /v2/{project_id}/instances/{instance_id}/groups/{group}:\n    delete:\n"
                                + "      operationId: deleteGroup\n      parameters:\n"
                                + "        - $ref: '#/components/parameters/ProjectId'\n"
                                + "        - $ref: '#/components/parameters/InstanceId'\n"
                                + "        - $ref: '#/components/parameters/Group'\n"
                                + "      responses:\n        '404':\n          $ref: '#/components/responses/NotFound'\n");
        Operations operations =
                Operations.of(OpenApiDocument.parse("changed.yaml", text.getBytes(StandardCharsets.UTF_8)));

        // WHEN its descriptor is asked for
        Operation delete = operations.get("deleteGroup");

        // THEN it is there, with its route, parameters and documented codes
        assertThat(delete.route()).isEqualTo("DELETE /v2/{project_id}/instances/{instance_id}/groups/{group}");
        assertThat(delete.errorCodes(404)).contains("DMS.10240405");
        assertThatThrownBy(() -> operations.get("noSuchOperation")).hasMessageContaining("noSuchOperation");
    }
}
