package io.offsetkit.conformance.rules;

/**
 * Where a rule comes from: a short quotation and the document it is quoted from.
 *
 * @param document the document, e.g. the vendor's API reference page or the contract
 * @param where the place in it (a table, a section, a schema)
 * @param quote the sentence or table row, quoted
 */
public record Source(String document, String where, String quote) {

    /** The vendor's API reference page, the documentation the contract is written from. */
    public static final String VENDOR_PAGE =
            "Huawei Cloud DMS for RocketMQ API reference, \"Resetting the Consumer Offset\"";

    /** The contract, the OpenAPI document shipped in the offsetkit-api jar. */
    public static final String CONTRACT = "offsetkit contract (openapi.yaml)";

    /** What the official SDKs put on the wire and accept from it. */
    public static final String WIRE_FACTS = "Wire facts of the official SDKs";

    /** The official Node.js SDK's source: how it signs and sends a request. */
    public static final String NODE_SDK = "Official Node.js SDK (huaweicloud-sdk-nodejs-v3), its core";

    /** How the RocketMQ broker this API fronts answers a reset by time. */
    public static final String SEMANTICS = "Reset-by-time semantics of Apache RocketMQ";

    static Source vendor(String where, String quote) {
        return new Source(VENDOR_PAGE, where, quote);
    }

    static Source contract(String where, String quote) {
        return new Source(CONTRACT, where, quote);
    }

    static Source wire(String where, String quote) {
        return new Source(WIRE_FACTS, where, quote);
    }

    static Source nodeSdk(String where, String quote) {
        return new Source(NODE_SDK, where, quote);
    }

    static Source semantics(String where, String quote) {
        return new Source(SEMANTICS, where, quote);
    }

    /** One line: {@code document, where: "quote"}. */
    @Override
    public String toString() {
        return document + ", " + where + ": \"" + quote + "\"";
    }
}
