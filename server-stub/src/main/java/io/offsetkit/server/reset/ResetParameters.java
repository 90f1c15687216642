package io.offsetkit.server.reset;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the path parameters of the contract's operations ({@code engine}, {@code project_id},
 * {@code instance_id}, {@code group}) against the constraints generated from the contract, in path
 * order, each with a message that names it: an enumeration ({@code engine}) by its values, a name by
 * its length and characters ({@link NameRule}). So the constraints cannot drift from the contract, and
 * a request wrong in its path and its body is always told about its path first.
 */
public final class ResetParameters {

    private final Map<Operation, Map<String, Check>> checks = new EnumMap<>(Operation.class);

    /** The checks of every operation of the generated interface. */
    public ResetParameters() {
        for (Operation operation : Operation.values()) {
            Map<String, Check> byName = new LinkedHashMap<>();
            for (Constraint constraint : operation.pathParameters()) {
                byName.put(constraint.name(), checkOf(constraint));
            }
            checks.put(operation, byName);
        }
    }

    /**
     * Checks the path parameters of a request of {@code operation}.
     *
     * @param pathParameters the decoded parameters by name, as the route match gives them
     * @throws DmsException {@code DMS.00400800} naming the first parameter outside the contract
     */
    public void check(Operation operation, Map<String, String> pathParameters) {
        checks.get(operation).forEach((name, check) -> check.check(pathParameters.get(name)));
    }

    /** The rule of a body field of an operation, as the contract constrains it. */
    public static NameRule bodyField(Operation operation, String field) {
        return NameRule.of(operation.bodyField(field));
    }

    private static Check checkOf(Constraint constraint) {
        if (!constraint.allowedValues().isEmpty()) {
            return value -> {
                if (value == null || !constraint.allowedValues().contains(value)) {
                    throw new DmsException(
                            DmsError.INVALID_PARAMETER,
                            constraint.name() + " " + ErrorText.quote(value) + " is not supported; it must be one of "
                                    + constraint.allowedValues() + ".");
                }
            };
        }
        return NameRule.of(constraint)::check;
    }

    /** One parameter's check. */
    private interface Check {
        void check(String value);
    }
}
