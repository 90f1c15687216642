package io.offsetkit.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The build's check that a contract's own examples are valid against its own schemas.
 *
 * <p>Every example {@link DocumentedExamples} finds is validated with {@link ContractSchemas}; each
 * failure is reported with the example's name and pointer, the schema's pointer and every
 * violation, so that a broken example names itself in the build log.
 */
public final class ExampleCheck {

    private ExampleCheck() {}

    /** The problems of a document's examples; empty when every example is valid. */
    public static List<String> problems(OpenApiDocument document) {
        ContractSchemas schemas = new ContractSchemas(document);
        List<String> problems = new ArrayList<>();
        for (DocumentedExample example : DocumentedExamples.of(document)) {
            List<SchemaViolation> violations = schemas.validate(example.schemaPointer(), example.value());
            if (!violations.isEmpty()) {
                StringBuilder problem = new StringBuilder()
                        .append("example '")
                        .append(example.name())
                        .append("' at ")
                        .append(example.examplePointer())
                        .append(" is not valid against the schema at ")
                        .append(example.schemaPointer())
                        .append(":\n  value: ")
                        .append(example.value());
                violations.forEach(v -> problem.append("\n  violation: ").append(v.message()));
                problems.add(problem.toString());
            }
        }
        return problems;
    }
}
