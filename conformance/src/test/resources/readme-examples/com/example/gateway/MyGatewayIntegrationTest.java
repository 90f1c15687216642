package com.example.gateway;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.junit.ResetConsumeOffsetTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class MyGatewayIntegrationTest extends MyIntegrationTestBase {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return ResetConsumeOffsetTests.of(() -> new Target(gatewayUrl(), "my-project", "my-instance",
                        "conformance_group", "conformance_topic", null))
                .credentials(Credentials.akSk(System.getenv("CLOUD_SDK_AK"), System.getenv("OFFSETKIT_SK")))
                .disable("RESET-DOMAIN-09", "the older route is not served yet (GW-1234)")
                .tests();
    }
}
