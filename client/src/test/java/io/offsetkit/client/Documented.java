package io.offsetkit.client;

import io.offsetkit.api.OpenApiDocument;

/** The ids, request and response of the contract's documented example, read from the contract. */
final class Documented {

    static final OpenApiDocument CONTRACT = OpenApiDocument.bundled();
    static final String PROJECT =
            CONTRACT.at("/components/parameters/ProjectId/example").asString();
    static final String INSTANCE =
            CONTRACT.at("/components/parameters/InstanceId/example").asString();
    static final String GROUP =
            CONTRACT.at("/components/parameters/Group/example").asString();
    static final String TOPIC = CONTRACT.at("/components/requestBodies/ResetConsumeOffset/content/application~1json"
                    + "/examples/documented/value/topic")
            .asString();
    static final long TIMESTAMP = CONTRACT.at("/components/requestBodies/ResetConsumeOffset/content/application~1json"
                    + "/examples/documented/value/timestamp")
            .asLong();
    static final String REQUEST = CONTRACT.at(
                    "/components/requestBodies/ResetConsumeOffset/content/application~1json/examples/documented/value")
            .toString();
    static final String RESPONSE = CONTRACT.at(
                    "/components/responses/OffsetReset/content/application~1json/examples/documented/value")
            .toString();

    /** The contract's example answers of the reads, by response and example name. */
    static String readExample(String response, String example) {
        return CONTRACT.at("/components/responses/" + response + "/content/application~1json/examples/" + example
                        + "/value")
                .toString();
    }

    /** The documented route with engine {@code rocketmq}. */
    static final String PATH = path("rocketmq");

    private Documented() {}

    static String path(String engine) {
        return "/v2/" + engine + "/" + PROJECT + "/instances/" + INSTANCE + "/groups/" + GROUP
                + "/reset-message-offset";
    }
}
