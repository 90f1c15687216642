package io.offsetkit.api.compat;

import io.offsetkit.api.compat.ContractChange.Severity;
import io.offsetkit.api.compat.ContractChange.Side;
import io.offsetkit.api.compat.SchemaChangeReader.Direction;
import io.offsetkit.api.compat.SchemaChangeReader.Place;
import io.offsetkit.api.compat.SchemaChangeReader.Subject;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import tools.jackson.databind.JsonNode;

/**
 * Reads openapi-diff's result operation by operation and writes every difference to a {@link
 * ChangeLog}, in plain words, with the JSON pointer where it is and the library's rating.
 *
 * <p>Security requirements are left to {@link SecurityRequirementsCheck}, which compares them by
 * scheme name; the library pairs them by scheme type and location, which cannot name the scheme.
 */
final class LibraryDiffReader {

    private final DocumentPointers current;
    private final DocumentPointers baseline;
    private final JsonNode currentTree;
    private final ChangeLog log;
    private final SchemaChangeReader schemas;

    LibraryDiffReader(DocumentPointers current, DocumentPointers baseline, JsonNode currentTree, ChangeLog log) {
        this.current = current;
        this.baseline = baseline;
        this.currentTree = currentTree;
        this.log = log;
        this.schemas = new SchemaChangeReader(current, baseline, log);
    }

    void read(ChangedOpenApi diff) {
        for (Endpoint removed : diff.getMissingEndpoints()) {
            removedEndpoint(removed);
        }
        for (Endpoint added : diff.getNewEndpoints()) {
            String method = method(added);
            log.add(
                    Severity.COMPATIBLE,
                    "new operation " + label(added.getOperation(), method, added.getPathUrl()),
                    DocumentPointers.operation(added.getPathUrl(), method),
                    Side.CURRENT,
                    SchemaChangeReader.LIBRARY,
                    null);
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            operation(operation);
        }
    }

    private void removedEndpoint(Endpoint removed) {
        String method = method(removed);
        String label = label(removed.getOperation(), method, removed.getPathUrl());
        String path = DocumentPointers.append("/paths", removed.getPathUrl());
        if (currentTree.at(path).isMissingNode()) {
            log.add(
                    Severity.BREAKING,
                    "path " + removed.getPathUrl() + " removed",
                    path,
                    Side.BASELINE,
                    SchemaChangeReader.LIBRARY,
                    seenIn(removed.getOperation(), method, removed.getPathUrl()));
        } else {
            log.add(
                    Severity.BREAKING,
                    "operation " + label + " removed",
                    DocumentPointers.operation(removed.getPathUrl(), method),
                    Side.BASELINE,
                    SchemaChangeReader.LIBRARY,
                    null);
        }
    }

    private void operation(ChangedOperation changed) {
        String path = changed.getPathUrl();
        String method = changed.getHttpMethod().name().toLowerCase(Locale.ROOT);
        String seenIn = seenIn(changed.getNewOperation(), method, path);
        String pointer = DocumentPointers.operation(path, method);
        if (isChanged(changed.getSummary())) {
            compatible("summary of " + seenIn + " edited", pointer + "/summary", seenIn);
        }
        if (isChanged(changed.getDescription())) {
            compatible("description of " + seenIn + " edited", pointer + "/description", seenIn);
        }
        if (isChanged(changed.getOperationId())) {
            log.add(
                    severity(changed.getOperationId()),
                    "operationId changed from `" + changed.getOldOperation().getOperationId() + "` to `"
                            + changed.getNewOperation().getOperationId()
                            + "`: generated clients rename their method",
                    pointer + "/operationId",
                    Side.CURRENT,
                    SchemaChangeReader.LIBRARY,
                    seenIn);
        }
        if (changed.isDeprecated()) {
            boolean now = Boolean.TRUE.equals(changed.getNewOperation().getDeprecated());
            compatible(seenIn + (now ? " is now deprecated" : " is no longer deprecated"), pointer, seenIn);
        }
        parameters(changed.getParameters(), path, method, seenIn);
        requestBody(changed.getRequestBody(), pointer, seenIn);
        responses(changed.getApiResponses(), pointer, seenIn);
    }

    private void parameters(ChangedParameters parameters, String path, String method, String seenIn) {
        if (parameters == null) {
            return;
        }
        for (Parameter removed : parameters.getMissing()) {
            log.add(
                    Severity.BREAKING,
                    parameter(removed) + " removed",
                    baseline.parameter(path, method, removed.getName(), removed.getIn(), false),
                    Side.BASELINE,
                    SchemaChangeReader.LIBRARY,
                    seenIn);
        }
        for (Parameter added : parameters.getIncreased()) {
            String where = current.parameter(path, method, added.getName(), added.getIn(), false);
            if (Boolean.TRUE.equals(added.getRequired())) {
                breaking("new required " + parameter(added), where, seenIn);
            } else {
                compatible("new optional " + parameter(added), where, seenIn);
            }
        }
        for (ChangedParameter changed : parameters.getChanged()) {
            String currentAt = current.parameter(path, method, changed.getName(), changed.getIn(), true);
            String baselineAt = baseline.parameter(path, method, changed.getName(), changed.getIn(), true);
            String name = "parameter `" + changed.getName() + "` (in " + changed.getIn() + ")";
            boolean requiredNow = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
            if (changed.isChangeRequired()) {
                if (requiredNow) {
                    breaking(name + " is now required", currentAt + "/required", seenIn);
                } else {
                    compatible(name + " is now optional", currentAt + "/required", seenIn);
                }
            }
            if (changed.isChangeStyle() || changed.isChangeExplode() || changed.isChangeAllowEmptyValue()) {
                log.add(
                        changed.isCoreChanged() == DiffResult.INCOMPATIBLE ? Severity.BREAKING : Severity.COMPATIBLE,
                        name + ": serialisation (style, explode or allowEmptyValue) changed",
                        currentAt,
                        Side.CURRENT,
                        SchemaChangeReader.LIBRARY,
                        seenIn);
            }
            if (changed.isDeprecated()) {
                compatible(name + ": deprecation changed", currentAt, seenIn);
            }
            if (isChanged(changed.getDescription())) {
                compatible(name + ": description edited", currentAt + "/description", seenIn);
            }
            if (isChanged(changed.getExample()) || isChanged(changed.getExamples())) {
                compatible(name + ": example changed", currentAt, seenIn);
            }
            schemas.read(
                    changed.getSchema(),
                    new Place(currentAt, baselineAt, List.of("schema")),
                    new Subject(Direction.REQUEST, name, ""),
                    seenIn);
            content(
                    changed.getContent(),
                    new Place(currentAt, baselineAt, List.of("content")),
                    new Subject(Direction.REQUEST, name, ""),
                    seenIn);
        }
    }

    private void requestBody(ChangedRequestBody body, String operation, String seenIn) {
        if (body == null) {
            return;
        }
        Place place = new Place(operation, operation, List.of("requestBody"));
        if (body.isChangeRequired()) {
            boolean requiredNow = body.getNewRequestBody() != null
                    && Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
            log.add(
                    severity(body),
                    "the request body is " + (requiredNow ? "now required" : "no longer required"),
                    current.resolve(operation, List.of("requestBody"), true),
                    Side.CURRENT,
                    SchemaChangeReader.LIBRARY,
                    seenIn);
        }
        if (isChanged(body.getDescription())) {
            compatible(
                    "description of the request body edited",
                    current.resolve(operation, List.of("requestBody", "description"), false),
                    seenIn);
        }
        content(
                body.getContent(),
                place.child("content"),
                new Subject(Direction.REQUEST, "the request body", ""),
                seenIn);
    }

    private void responses(ChangedApiResponse responses, String operation, String seenIn) {
        if (responses == null) {
            return;
        }
        for (String status : responses.getMissing().keySet()) {
            log.add(
                    Severity.BREAKING,
                    "response status " + status + " removed: clients and servers that handle it no longer match",
                    DocumentPointers.append(operation, "responses", status),
                    Side.BASELINE,
                    SchemaChangeReader.LIBRARY,
                    seenIn);
        }
        for (String status : responses.getIncreased().keySet()) {
            compatible(
                    "new response status " + status, DocumentPointers.append(operation, "responses", status), seenIn);
        }
        for (Map.Entry<String, ChangedResponse> entry : responses.getChanged().entrySet()) {
            String status = entry.getKey();
            ChangedResponse response = entry.getValue();
            Place place = new Place(operation, operation, List.of("responses", status));
            if (isChanged(response.getDescription())) {
                compatible(
                        "description of the " + status + " response edited",
                        current.resolve(operation, place.child("description").tokens(), false),
                        seenIn);
            }
            headers(response.getHeaders(), place.child("headers"), status, seenIn);
            content(
                    response.getContent(),
                    place.child("content"),
                    new Subject(Direction.RESPONSE, "the " + status + " response", ""),
                    seenIn);
        }
    }

    private void headers(ChangedHeaders headers, Place place, String status, String seenIn) {
        if (headers == null) {
            return;
        }
        for (String name : headers.getMissing().keySet()) {
            log.add(
                    Severity.BREAKING,
                    "response header `" + name + "` of the " + status + " response removed",
                    baseline.resolve(place.baselineStart(), place.child(name).tokens(), false),
                    Side.BASELINE,
                    SchemaChangeReader.LIBRARY,
                    seenIn);
        }
        for (String name : headers.getIncreased().keySet()) {
            compatible(
                    "new response header `" + name + "` in the " + status + " response",
                    current.resolve(place.currentStart(), place.child(name).tokens(), false),
                    seenIn);
        }
        for (Map.Entry<String, ChangedHeader> entry : headers.getChanged().entrySet()) {
            ChangedHeader header = entry.getValue();
            String subject = "response header `" + entry.getKey() + "` of the " + status + " response";
            Place at = place.child(entry.getKey());
            if (header.isRequired() || header.isStyle() || header.isExplode()) {
                log.add(
                        header.isCoreChanged() == DiffResult.INCOMPATIBLE ? Severity.BREAKING : Severity.COMPATIBLE,
                        subject + ": required, style or explode changed",
                        current.resolve(at.currentStart(), at.tokens(), true),
                        Side.CURRENT,
                        SchemaChangeReader.LIBRARY,
                        seenIn);
            }
            if (isChanged(header.getDescription())) {
                compatible(
                        subject + ": description edited",
                        current.resolve(at.currentStart(), at.tokens(), true),
                        seenIn);
            }
            schemas.read(header.getSchema(), at.child("schema"), new Subject(Direction.RESPONSE, subject, ""), seenIn);
        }
    }

    private void content(ChangedContent content, Place place, Subject subject, String seenIn) {
        if (content == null) {
            return;
        }
        for (String mediaType : content.getMissing().keySet()) {
            log.add(
                    Severity.BREAKING,
                    subject.describe() + ": media type " + mediaType + " removed",
                    baseline.resolve(
                            place.baselineStart(), place.child(mediaType).tokens(), false),
                    Side.BASELINE,
                    SchemaChangeReader.LIBRARY,
                    seenIn);
        }
        for (String mediaType : content.getIncreased().keySet()) {
            compatible(
                    subject.describe() + ": new media type " + mediaType,
                    current.resolve(place.currentStart(), place.child(mediaType).tokens(), false),
                    seenIn);
        }
        for (Map.Entry<String, ChangedMediaType> entry : content.getChanged().entrySet()) {
            Place at = place.child(entry.getKey());
            ChangedMediaType mediaType = entry.getValue();
            if (isChanged(mediaType.getExamples()) || isChanged(mediaType.getExample())) {
                compatible(
                        subject.describe() + ": examples changed",
                        current.resolve(at.currentStart(), at.child("examples").tokens(), false),
                        seenIn);
            }
            schemas.read(mediaType.getSchema(), at.child("schema"), subject, seenIn);
        }
    }

    private static String parameter(Parameter parameter) {
        return "parameter `" + parameter.getName() + "` (in " + parameter.getIn() + ")";
    }

    private static String method(Endpoint endpoint) {
        return endpoint.getMethod().name().toLowerCase(Locale.ROOT);
    }

    /** How messages name an operation: its operationId, else its method and path. */
    static String label(Operation operation, String method, String path) {
        if (operation != null && operation.getOperationId() != null) {
            return operation.getOperationId() + " (" + method.toUpperCase(Locale.ROOT) + " " + path + ")";
        }
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** How the "seen in" lists name an operation: its operationId, else its method and path. */
    static String seenIn(Operation operation, String method, String path) {
        if (operation != null && operation.getOperationId() != null) {
            return operation.getOperationId();
        }
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static boolean isChanged(Changed changed) {
        return changed != null && !changed.isUnchanged();
    }

    private static Severity severity(Changed changed) {
        return changed.isChanged() == DiffResult.INCOMPATIBLE ? Severity.BREAKING : Severity.COMPATIBLE;
    }

    private void breaking(String what, String where, String seenIn) {
        log.add(Severity.BREAKING, what, where, Side.CURRENT, SchemaChangeReader.LIBRARY, seenIn);
    }

    private void compatible(String what, String where, String seenIn) {
        log.add(Severity.COMPATIBLE, what, where, Side.CURRENT, SchemaChangeReader.LIBRARY, seenIn);
    }
}
