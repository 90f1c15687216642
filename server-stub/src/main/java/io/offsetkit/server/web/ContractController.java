package io.offsetkit.server.web;

import io.offsetkit.api.OpenApiDocument;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the contract this server implements, byte for byte as shipped in the api jar. */
@RestController
public class ContractController {

    /** Where the contract is served. */
    public static final String PATH = "/openapi.yaml";

    private final byte[] contract = OpenApiDocument.bundled().bytes();

    @GetMapping(PATH)
    ResponseEntity<byte[]> contract() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body(contract);
    }
}
