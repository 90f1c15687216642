package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.rocketmq.RocketMqFixture;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.junit.ResetConsumeOffsetVerification;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.SourceRegion;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The conformance README's RocketMQ fixture hook (block kit-rocketmq-fixture) is {@link
 * VendorOverRocketMq#fixture}'s code, line for line (indentation aside): it compiles in a class that
 * extends the kit's base class, and gives a RocketMQ fixture that reads back the store times the
 * brokers stamp, as the README says, without reaching the cluster before a rule asks it to.
 * (RocketMqBackendConformanceTest runs the whole kit through the same fixture over real brokers.)
 */
class ReadmeRocketMqFixtureTest {

    /** A vendor's base class, with the README's hook. Nested, so that the build's own test run leaves it alone. */
    static class VendorOverRocketMq extends ResetConsumeOffsetVerification {

        @Override
        protected Target target() {
            return new Target(URI.create("http://127.0.0.1:8080"), "p", "i", "g", "t", null);
        }

        // kit-rocketmq-fixture:begin
        @Override
        protected Fixture fixture() {
            // name server(s) "host:port;host:port"; ACL access key and secret key, or null and null
            return new RocketMqFixture("127.0.0.1:9876", null, null, Duration.ofSeconds(5));
        }
        // kit-rocketmq-fixture:end
    }

    @Test
    void theReadmesHookIsThisClassesCode() {
        var block = Repository.readme("conformance/README.md").block("kit-rocketmq-fixture");

        assertThat(SourceRegion.stripped(block.lines()))
                .isEqualTo(SourceRegion.of(
                        Repository.file("conformance/src/test/java/io/offsetkit/conformance/readme/"
                                + "ReadmeRocketMqFixtureTest.java"),
                        "kit-rocketmq-fixture"));
    }

    @Test
    void theHookGivesARocketMqFixtureThatReadsBackTheBrokersStoreTimes() throws Exception {
        // GIVEN / WHEN the vendor's class gives its fixture
        Fixture fixture = new VendorOverRocketMq().fixture();

        // THEN it is RocketMQ's, and the store times are the brokers' (it cannot choose them)
        assertThat(fixture).isInstanceOf(RocketMqFixture.class);
        assertThat(fixture.choosesStoreTimestamps()).isFalse();
        ((RocketMqFixture) fixture).close();
    }
}
