package io.offsetkit.conformance.junit;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Target;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The base class used as a vendor uses it, against a correct implementation with every hook given:
 * all 42 rules run as tests and pass.
 */
@DisplayName("A correct implementation, every hook given")
class FakeDmsVerificationTest extends ResetConsumeOffsetVerification {

    private final FakeDms fake = FakeDms.withAkSk("VENDORAK", "vendor-sk");

    FakeDmsVerificationTest() throws IOException {}

    @AfterAll
    void stop() {
        fake.close();
    }

    @Override
    protected Target target() {
        return new Target(fake.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null);
    }

    @Override
    protected Credentials credentials() {
        return Credentials.akSk("VENDORAK", "vendor-sk");
    }

    @Override
    protected Fixture fixture() {
        return fake.fixture();
    }

    @Override
    protected boolean holdsDocumentedData() {
        return true;
    }
}
