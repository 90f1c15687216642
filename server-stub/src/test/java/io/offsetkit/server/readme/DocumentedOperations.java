package io.offsetkit.server.readme;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.api.SchemaViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The operations of the server's two OpenAPI documents, the contract and the admin API's, found by
 * method and path, with the schemas of their request body and of their answer: a README's request
 * and answer are valid against the document that defines the route.
 */
final class DocumentedOperations {

    private static final String ADMIN_DOCUMENT = "io/offsetkit/server/admin/admin-openapi.yaml";
    private static final String JSON = "/content/application~1json/schema";

    private final List<ContractSchemas> documents;

    private DocumentedOperations(List<ContractSchemas> documents) {
        this.documents = documents;
    }

    /** The contract and the admin API's document, as the server serves them. */
    static DocumentedOperations ofTheServer() {
        try (InputStream admin = DocumentedOperations.class.getClassLoader().getResourceAsStream(ADMIN_DOCUMENT)) {
            if (admin == null) {
                throw new IllegalStateException(ADMIN_DOCUMENT + " is not on the class path");
            }
            return new DocumentedOperations(List.of(
                    ContractSchemas.bundled(),
                    new ContractSchemas(OpenApiDocument.parse(ADMIN_DOCUMENT, admin.readAllBytes()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a request body, against the schema of the operation at {@code method path}. */
    List<SchemaViolation> checkRequest(String method, String path, JsonNode body) {
        Operation operation = operation(method, path);
        String requestBody = resolve(operation.schemas(), operation.pointer() + "/requestBody");
        return operation.schemas().validate(requestBody + JSON, body);
    }

    /** What is wrong with an answer, against the schema of the operation's response of that status. */
    List<SchemaViolation> checkResponse(String method, String path, int status, JsonNode body) {
        Operation operation = operation(method, path);
        String response = resolve(operation.schemas(), operation.pointer() + "/responses/" + status);
        return operation.schemas().validate(response + JSON, body);
    }

    private record Operation(ContractSchemas schemas, String pointer) {}

    private Operation operation(String method, String path) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        for (ContractSchemas document : documents) {
            for (Map.Entry<String, JsonNode> entry :
                    document.document().tree().path("paths").properties()) {
                String template = entry.getKey();
                Pattern pattern = Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+"));
                String verb = method.toLowerCase(Locale.ROOT);
                if (pattern.matcher(route).matches() && entry.getValue().has(verb)) {
                    return new Operation(
                            document, "/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + verb);
                }
            }
        }
        throw new AssertionError("no operation of the contract or of the admin API is " + method + " " + path);
    }

    /** The pointer, or where its object's {@code $ref} leads. */
    private static String resolve(ContractSchemas schemas, String pointer) {
        JsonNode node = schemas.document().at(pointer);
        JsonNode ref = node.path("$ref");
        return ref.isString() ? ref.asString().substring(1) : pointer;
    }
}
