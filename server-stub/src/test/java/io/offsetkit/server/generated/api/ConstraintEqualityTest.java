package io.offsetkit.server.generated.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated {@link Constraint} writes its {@code equals} and {@code hashCode} out (a record's own
 * are linked through {@code ObjectMethods} at their first call, at a fresh JVM's first request): it is
 * equal exactly as a record with those components would be.
 */
class ConstraintEqualityTest {

    private static Constraint copy(Constraint c, int maxLength) {
        return new Constraint(
                new String(c.name()),
                c.in(),
                c.kind(),
                c.required(),
                c.minLength(),
                maxLength,
                c.pattern(),
                new ArrayList<>(c.allowedValues()),
                c.minimum(),
                c.maximum(),
                c.defaultValue() == null ? null : new String(c.defaultValue()));
    }

    @Test
    void aConstraintEqualsACopyOfItselfAndNoConstraintThatDiffersInOneComponent() {
        // GIVEN every constraint of every operation
        List<Constraint> all = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            all.addAll(operation.pathParameters());
            all.addAll(operation.queryParameters());
            all.addAll(operation.bodyFields());
        }
        assertThat(all).hasSizeGreaterThan(10);
        for (Constraint constraint : all) {
            // WHEN copied component by component, into other instances
            Constraint same = copy(constraint, constraint.maxLength());
            Constraint longer = copy(constraint, constraint.maxLength() - 1);

            // THEN the copy is equal, with the same hash; one that differs in a component is not
            assertThat(same).isEqualTo(constraint).hasSameHashCodeAs(constraint);
            assertThat(longer).isNotEqualTo(constraint);
            assertThat(constraint).isNotEqualTo(null).isNotEqualTo(constraint.name());
        }
        // and two constraints of different names differ
        assertThat(all.get(0)).isNotEqualTo(all.get(1));
    }
}
