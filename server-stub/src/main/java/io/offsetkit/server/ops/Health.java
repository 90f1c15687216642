package io.offsetkit.server.ops;

import io.offsetkit.server.call.Answer;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health}: {@code {"status":"UP","backend":"embedded"}} while the server serves requests
 * (a server that is stopping refuses new requests before this could say otherwise).
 */
public final class Health {

    private final byte[] body;

    /** @param backend the backend's name, as {@code offsetkit.backend} says it */
    public Health(String backend) {
        this.body = ("{\"status\":\"UP\",\"backend\":\"" + backend + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The answer. */
    public Answer answer() {
        return Answer.json(200, body);
    }
}
