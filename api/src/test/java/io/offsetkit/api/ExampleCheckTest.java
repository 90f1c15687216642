package io.offsetkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The example check fails, naming the example and the violation, when an example is broken. */
class ExampleCheckTest {

    private static final String RESPONSE_EXAMPLE =
            "/components/responses/OffsetReset/content/application~1json/examples/documented/value";

    @Test
    void brokenResponseExampleIsReportedWithItsNameAndViolation() {
        // GIVEN the contract with queue_id of the documented response example turned into a string
        ObjectNode tree = (ObjectNode) OpenApiDocument.bundled().tree().deepCopy();
        ((ObjectNode) tree.at(RESPONSE_EXAMPLE + "/queues/0")).put("queue_id", "zero");
        OpenApiDocument broken = reparse(tree);

        // WHEN the examples are checked
        List<String> problems = ExampleCheck.problems(broken);

        // THEN exactly that example is reported, with where it is and what is wrong
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .contains("example 'documented'")
                .contains(RESPONSE_EXAMPLE)
                .contains("/components/responses/OffsetReset/content/application~1json/schema")
                .contains("queue_id")
                .contains("integer");
    }

    @Test
    void brokenRequestTimestampIsReported() {
        // GIVEN the documented request example with a fractional timestamp
        ObjectNode tree = (ObjectNode) OpenApiDocument.bundled().tree().deepCopy();
        ((ObjectNode)
                        tree.at(
                                "/components/requestBodies/ResetConsumeOffset/content/application~1json/examples/documented/value"))
                .put("timestamp", 1.5);

        // WHEN / THEN
        assertThat(ExampleCheck.problems(reparse(tree)))
                .singleElement()
                .asString()
                .contains("example 'documented'")
                .contains("timestamp");
    }

    @Test
    void brokenErrorExampleIsReported() {
        // GIVEN an error example without error_msg
        ObjectNode tree = (ObjectNode) OpenApiDocument.bundled().tree().deepCopy();
        ((ObjectNode) tree.at("/components/responses/NotFound/content/application~1json/examples/groupNotFound/value"))
                .remove("error_msg");

        // WHEN / THEN
        assertThat(ExampleCheck.problems(reparse(tree)))
                .singleElement()
                .asString()
                .contains("example 'groupNotFound'")
                .contains("error_msg");
    }

    @Test
    void brokenSchemaLevelExampleIsReported() {
        // GIVEN a parameter example outside the parameter's pattern
        ObjectNode tree = (ObjectNode) OpenApiDocument.bundled().tree().deepCopy();
        ((ObjectNode) tree.at("/components/parameters/Group")).put("example", "no spaces allowed");

        // WHEN / THEN
        assertThat(ExampleCheck.problems(reparse(tree)))
                .singleElement()
                .asString()
                .contains("example 'group'")
                .contains("/components/parameters/Group/schema");
    }

    private static OpenApiDocument reparse(ObjectNode tree) {
        return OpenApiDocument.parse("mutated", JsonMapper.shared().writeValueAsBytes(tree));
    }
}
