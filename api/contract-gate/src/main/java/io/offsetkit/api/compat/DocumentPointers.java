package io.offsetkit.api.compat;

import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns "where openapi-diff saw a change" into a JSON pointer that resolves in the document.
 *
 * <p>openapi-diff reports changes on the resolved model: along an operation, its body, its
 * responses and their schemas, with every {@code $ref} already followed. A pointer along that path
 * ({@code /paths/…/post/requestBody/content/…}) does not exist in a document that uses components.
 * This walks the same steps through the document's own tree, following each local {@code $ref} it
 * meets, so that the pointer lands where the change must be made, for example
 * {@code /components/schemas/ResetConsumeOffsetRespQueues/properties/queue_id}.
 */
final class DocumentPointers {

    private static final int MAX_REFERENCE_HOPS = 32;

    private final InlineBranchNames document;

    DocumentPointers(InlineBranchNames document) {
        this.document = document;
    }

    /** The pointer of an operation object. */
    static String operation(String path, String method) {
        return append("/paths", path, method.toLowerCase(Locale.ROOT));
    }

    /** {@code pointer} with more reference tokens appended, unescaped tokens in, escaped out (RFC 6901). */
    static String append(String pointer, String... tokens) {
        JsonPointer out = JsonPointer.compile(pointer);
        for (String token : tokens) {
            out = out.appendProperty(token);
        }
        return out.toString();
    }

    /**
     * Walks {@code tokens} from {@code start}, following every {@code $ref} on the way.
     *
     * @param followLast also follow a {@code $ref} at the destination: right for "what this
     *     schema says changed", wrong for "this member was added or removed here"
     */
    String resolve(String start, List<String> tokens, boolean followLast) {
        Located at = new Located(start, document.document().at(start));
        for (String token : tokens) {
            at = dereference(at);
            JsonNode child = at.node.isArray() && token.matches("\\d+")
                    ? at.node.get(Integer.parseInt(token))
                    : at.node.get(token);
            at = new Located(append(at.pointer, token), child == null ? MissingNode.getInstance() : child);
        }
        if (followLast) {
            at = dereference(at);
        }
        return document.originalPointer(at.pointer);
    }

    /**
     * The pointer of a parameter of an operation, matched by name and location, looked for in the
     * operation's and then the path's {@code parameters}.
     *
     * @param followReference the parameter's definition (its component) rather than its entry in
     *     the list
     */
    String parameter(String path, String method, String name, String in, boolean followReference) {
        String operation = operation(path, method);
        for (String list : List.of(operation + "/parameters", append("/paths", path, "parameters"))) {
            JsonNode entries = document.document().at(list);
            for (int i = 0; i < entries.size(); i++) {
                Located entry = new Located(list + "/" + i, entries.get(i));
                Located definition = dereference(entry);
                if (name.equals(definition.node.path("name").asString(""))
                        && in.equals(definition.node.path("in").asString(""))) {
                    return document.originalPointer(followReference ? definition.pointer : entry.pointer);
                }
            }
        }
        return operation + "/parameters";
    }

    private Located dereference(Located at) {
        Located current = at;
        for (int hop = 0; hop < MAX_REFERENCE_HOPS && current.node.has("$ref"); hop++) {
            String reference = current.node.get("$ref").asString("");
            if (!reference.startsWith("#")) {
                break; // another file: the pointer stays at the reference
            }
            String target = reference.substring(1);
            current = new Located(target, document.document().at(target));
        }
        return current;
    }

    private record Located(String pointer, JsonNode node) {}
}
