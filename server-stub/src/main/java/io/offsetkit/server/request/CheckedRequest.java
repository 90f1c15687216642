package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.util.HashMap;
import java.util.Map;

/**
 * One request of an operation of the contract, read and checked against what the contract generates
 * for it, and its values, typed, for the operation's dispatch ({@link Operation#serve}). Checked in
 * this order, so a request wrong in several places is told about the first: the path parameters in
 * path order (decoded from the raw segments the route match captured, {@link PathParameters}, then
 * checked), the query ({@link QueryParameters}: unknown or repeated names) and its parameters in the
 * contract's order (a missing one takes the contract's default), then the body ({@link BodyReader}).
 * Every refusal is a {@link DmsException} with the documented code, naming the parameter or field.
 *
 * <p>An operation without a body takes none: a GET whose body is not empty is refused with 400 {@code
 * DMS.00400800}, rather than its body being ignored (a body the server ignored would still be part of
 * what an AK/SK signature covers, and would hide a client's mistake).
 */
public final class CheckedRequest implements ConsumerOffsetsApi.Arguments {

    private final Map<Constraint, String> strings = new HashMap<>(8);
    private final Map<Constraint, Long> numbers = new HashMap<>(4);
    private final Map<Constraint, Boolean> booleans = new HashMap<>(2);
    private Map<String, String> pathParameters = Map.of();

    private CheckedRequest() {}

    /**
     * Reads and checks a request.
     *
     * @param operation the operation its route matched
     * @param rawPathParameters the path parameters by name as the route match captured them, still
     *     percent-encoded
     * @param rawQuery the query as sent, without {@code ?}; null when there is none
     * @param body the body as received; empty when there is none
     * @throws DmsException with the documented code for the first value outside the contract
     */
    public static CheckedRequest check(
            Operation operation, Map<String, String> rawPathParameters, String rawQuery, byte[] body) {
        CheckedRequest request = new CheckedRequest();
        Map<String, String> pathParameters = PathParameters.decode(rawPathParameters);
        request.pathParameters = pathParameters;
        for (Constraint parameter : operation.pathParameters()) {
            request.strings.put(parameter, ParameterRules.string(parameter, pathParameters.get(parameter.name())));
        }
        Map<String, String> query = QueryParameters.split(rawQuery, operation.queryParameters());
        for (Constraint parameter : operation.queryParameters()) {
            String text = query.get(parameter.name());
            if (text == null) {
                if (parameter.required()) {
                    throw new DmsException(
                            DmsError.INVALID_PARAMETER, "The query parameter " + parameter.name() + " is missing.");
                }
                text = parameter.defaultValue();
            }
            if (text != null) {
                request.putText(parameter, text);
            }
        }
        if (operation.hasBody()) {
            BodyReader.read(operation.bodyFields(), body, request);
        } else if (body.length > 0) {
            throw new DmsException(
                    DmsError.INVALID_PARAMETER,
                    operation.operationId() + " (" + operation.method() + ") takes no request body, and this one has "
                            + body.length + " bytes; send the request without a body.");
        }
        return request;
    }

    /** The path parameters by name, decoded, in path order. */
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    private void putText(Constraint parameter, String text) {
        switch (parameter.kind()) {
            case STRING -> strings.put(parameter, ParameterRules.string(parameter, text));
            case INT32, INT64 -> numbers.put(parameter, ParameterRules.integer(parameter, text));
            case BOOLEAN -> booleans.put(parameter, ParameterRules.bool(parameter, text));
            case INTEGER_OR_DIGITS -> numbers.put(parameter, ResetTimestamps.ofString(text));
        }
    }

    void put(Constraint field, String value) {
        strings.put(field, value);
    }

    void put(Constraint field, long value) {
        numbers.put(field, value);
    }

    void put(Constraint field, boolean value) {
        booleans.put(field, value);
    }

    @Override
    public String string(Constraint value) {
        return strings.get(value);
    }

    @Override
    public Integer int32(Constraint value) {
        Long number = numbers.get(value);
        // Checked against the contract's int32 range when read: toIntExact cannot fail here.
        return number == null ? null : Math.toIntExact(number);
    }

    @Override
    public Long int64(Constraint value) {
        return numbers.get(value);
    }

    @Override
    public Boolean bool(Constraint value) {
        return booleans.get(value);
    }

    @Override
    public Long integerOrDigits(Constraint value) {
        return numbers.get(value);
    }
}
