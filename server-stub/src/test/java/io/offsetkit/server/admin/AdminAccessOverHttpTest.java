package io.offsetkit.server.admin;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.LocalAddresses;
import io.offsetkit.server.testsupport.RunningServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The admin API's access rule over real HTTP, on servers that listen on every interface: a client
 * that connects through one of this machine's own non-loopback addresses is, for the server, a
 * client on another machine (the connection never leaves this machine).
 */
class AdminAccessOverHttpTest {

    static final String ADMIN_TOKEN = "admin-token-over-http";
    static final String INSTANCE_BODY = "{\"project_id\":\"" + Ids.PROJECT + "\",\"brokers\":[\"broker-1\"]}";

    InetAddress outside;

    @BeforeEach
    void findANonLoopbackAddress() {
        outside = LocalAddresses.nonLoopbackIpv4().orElse(null);
    }

    RequestSpecification throughLoopback(int port) {
        return given().baseUri("http://127.0.0.1").port(port).contentType("application/json");
    }

    /** Skips the rest of the test on a machine with no non-loopback IPv4 address. */
    RequestSpecification throughTheNonLoopbackAddress(int port) {
        Assumptions.assumeTrue(outside != null, "this machine has no non-loopback IPv4 address");
        return given().baseUri("http://" + outside.getHostAddress()).port(port).contentType("application/json");
    }

    static String newInstance() {
        return "/admin/instances/i-" + System.nanoTime();
    }

    @Nested
    @RunningServer("server.address=0.0.0.0")
    class WithoutAnAdminToken {

        @RunningServer.Server
        int port;

        @Test
        void aClientThroughLoopbackMayCallTheAdminApi() {
            Response created = throughLoopback(port).body(INSTANCE_BODY).put(newInstance());

            assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
        }

        @Test
        void aClientThroughAnotherAddressGets403WithTheContractsErrorBody() {
            Response refused =
                    throughTheNonLoopbackAddress(port).body(INSTANCE_BODY).put(newInstance());

            assertError(refused, 403, "DMS.00403007", "own machine only", "offsetkit.admin.token", "X-Admin-Token");
        }

        @Test
        void aClientThroughAnotherAddressStillGetsTheContractsOperation() {
            Response reset = throughTheNonLoopbackAddress(port)
                    .body("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}")
                    .post(Ids.path("rocketmq"));

            assertThat(reset.statusCode()).as(reset.asString()).isEqualTo(200);
        }
    }

    @Nested
    @RunningServer({"server.address=0.0.0.0", "offsetkit.admin.token=" + ADMIN_TOKEN})
    class WithAnAdminToken {

        @RunningServer.Server
        int port;

        @Test
        void aClientThroughAnotherAddressThatSendsTheTokenMayCall() {
            Response created = throughTheNonLoopbackAddress(port)
                    .header("X-Admin-Token", ADMIN_TOKEN)
                    .body(INSTANCE_BODY)
                    .put(newInstance());

            assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
        }

        @Test
        void aClientThatSendsNoTokenGets403EvenThroughLoopback() {
            assertError(
                    throughLoopback(port).body(INSTANCE_BODY).put(newInstance()),
                    403,
                    "DMS.00403007",
                    "the request has none");
            assertError(
                    throughTheNonLoopbackAddress(port).body(INSTANCE_BODY).put(newInstance()),
                    403,
                    "DMS.00403007",
                    "X-Admin-Token",
                    "the request has none");
        }

        @Test
        void aClientThatSendsAnotherTokenGets403WithoutEitherTokenEchoed() {
            String message = assertError(
                    throughTheNonLoopbackAddress(port)
                            .header("X-Admin-Token", "guessed-admin-token")
                            .body(INSTANCE_BODY)
                            .put(newInstance()),
                    403,
                    "DMS.00403007",
                    "the one sent is not it");

            assertThat(message).doesNotContain(ADMIN_TOKEN).doesNotContain("guessed-admin-token");
        }
    }
}
