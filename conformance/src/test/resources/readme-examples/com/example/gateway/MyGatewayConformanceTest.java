package com.example.gateway;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.junit.DisableRule;
import io.offsetkit.conformance.junit.ResetConsumeOffsetVerification;
import java.net.URI;

@DisableRule(id = "RESET-DOMAIN-09", reason = "the older route is not served yet (GW-1234)")
class MyGatewayConformanceTest extends ResetConsumeOffsetVerification {

    @Override
    protected Target target() {
        return new Target(URI.create(System.getenv("GATEWAY_URL")), "my-project", "my-instance",
                "conformance_group", "conformance_topic", null);
    }

    @Override
    protected Credentials credentials() {
        return Credentials.akSk(System.getenv("CLOUD_SDK_AK"), System.getenv("OFFSETKIT_SK"));
    }
}
