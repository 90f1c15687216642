package com.example.gateway;

import java.net.URI;

/**
 * What the conformance README's second example calls "a base class of its own": a vendor's base class
 * of integration tests, which knows where the gateway is. Not part of the README; it makes the
 * example compile and run.
 */
abstract class MyIntegrationTestBase {

    protected URI gatewayUrl() {
        return URI.create(System.getenv("GATEWAY_URL"));
    }
}
