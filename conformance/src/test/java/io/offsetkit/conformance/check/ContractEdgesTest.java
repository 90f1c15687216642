package io.offsetkit.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.api.OpenApiDocument;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The edges are generated from the contract's own schemas, and are valid by them. */
class ContractEdgesTest {

    private static final ContractFacts FACTS = new ContractFacts(OpenApiDocument.bundled());

    @Test
    void everyNamePatternOfTheContractIsReadAndItsEdgesAreValid() {
        for (JsonNode schema : List.of(
                FACTS.parameterSchema("project_id"),
                FACTS.parameterSchema("instance_id"),
                FACTS.parameterSchema("group"),
                FACTS.topicSchema())) {
            // WHEN the edges of the schema are generated
            List<ContractEdges.Edge> edges = ContractEdges.names(schema, new SplittableRandom(7));

            // THEN there is a shortest, a longest and an every-character name, each valid by the schema
            Pattern pattern = Pattern.compile(schema.path("pattern").asString());
            int min = schema.path("minLength").asInt();
            int max = schema.path("maxLength").asInt();
            assertThat(edges)
                    .extracting(ContractEdges.Edge::edge)
                    .contains("shortest (" + min + ")", "longest (" + max + ")", "every allowed character");
            assertThat(edges)
                    .allSatisfy(
                            edge -> assertThat(edge.value()).matches(pattern).hasSizeBetween(min, max));
            assertThat(edges.get(0).value()).hasSize(min);
            assertThat(edges.get(1).value()).hasSize(max);
        }
    }

    @Test
    void theEveryCharacterNameOfAGroupHoldsPercentAndPipe() {
        List<ContractEdges.Edge> edges = ContractEdges.names(FACTS.parameterSchema("group"), new SplittableRandom(1));

        assertThat(edges.get(2).value())
                .contains("%", "|", "-", "_", "a", "Z", "0", "9")
                .hasSize(66);
    }

    @Test
    void theLongestNameWithEveryCharacterStartsWithThePrefixAndFillsUpToTheLimit() {
        String name = ContractEdges.longestWithEveryCharacter(
                FACTS.topicSchema(), "offsetkit_ck_0a1b2c3d_", LongNameScenario.FILL, new SplittableRandom(3));

        assertThat(name).startsWith("offsetkit_ck_0a1b2c3d_").hasSize(127).contains("%", "|", "A", "Z");
        assertThat(name.substring(22 + 66)).matches("[a-z0-9]+");
    }

    @Test
    void timestampEdgesComeFromBothBranchesOfTheSchema() {
        // WHEN the integer and string edges of the contract's timestamp are generated
        List<Long> integers = ContractEdges.timestampIntegers(FACTS.timestampSchema(), new SplittableRandom(5));
        List<ContractEdges.StringTimestamp> strings = ContractEdges.timestampStrings(FACTS.timestampSchema());

        // THEN the integers are the minimum and the two above it, the int64 maximum and a seeded time
        assertThat(integers.subList(0, 4)).containsExactly(-1L, 0L, 1L, Long.MAX_VALUE);
        assertThat(integers.get(4)).isBetween(2L, ContractEdges.FAR_FUTURE);
        // AND the strings are the literal -1, the shortest, the longest (19 digits) and the int64 maximum
        assertThat(strings)
                .extracting(ContractEdges.StringTimestamp::text)
                .containsExactly("-1", "0", "0000000000000000001", "9223372036854775807");
        assertThat(strings).allSatisfy(edge -> assertThat(edge.text()).matches("^(-1|[0-9]{1,19})$"));
        assertThat(strings)
                .extracting(ContractEdges.StringTimestamp::value)
                .containsExactly(-1L, 0L, 1L, Long.MAX_VALUE);
    }

    @Test
    void theSameSeedGivesTheSameEdgesAndAnotherSeedOthers() {
        JsonNode group = FACTS.parameterSchema("group");

        assertThat(ContractEdges.names(group, new KitRandom(42).stream("edge-names-group")))
                .isEqualTo(ContractEdges.names(group, new KitRandom(42).stream("edge-names-group")))
                .isNotEqualTo(ContractEdges.names(group, new KitRandom(43).stream("edge-names-group")));
    }

    @Test
    void aPatternBeyondTheReaderIsRefusedNamingIt() {
        assertThatThrownBy(() -> PatternEdges.parse("^[a-z]+(foo)?$").singleAtom())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(foo)?");
        assertThatThrownBy(() -> PatternEdges.parse("^[^a-z]+$")).hasMessageContaining("negated class");
    }

    @Test
    void aPatternIsReadIntoItsAlternativesAndAtoms() {
        PatternEdges edges = PatternEdges.parse("^(-1|[0-9]{1,19})$");

        assertThat(edges.alternatives()).hasSize(2);
        assertThat(edges.alternatives().get(0))
                .containsExactly(new PatternEdges.Atom("-", 1, 1), new PatternEdges.Atom("1", 1, 1));
        assertThat(edges.alternatives().get(1)).containsExactly(new PatternEdges.Atom("0123456789", 1, 19));
        assertThat(PatternEdges.parse("^[%|a-c_-]+$").singleAtom())
                .isEqualTo(new PatternEdges.Atom("%|abc_-", 1, PatternEdges.UNBOUNDED));
    }
}
