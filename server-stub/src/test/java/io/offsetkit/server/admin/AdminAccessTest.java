package io.offsetkit.server.admin;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.store.InstanceView;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestCall;
import io.offsetkit.server.testsupport.TestEngines;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call the admin API: without {@code offsetkit.admin.token} clients on this machine only,
 * with it every client that sends it; on the rule itself, and on the engine's request path.
 */
class AdminAccessTest {

    private static final String TOKEN = "admin-secret-1";

    @TempDir
    Path dir;

    /** A call of the admin API that creates an instance, from this machine. */
    private static TestCall createInstance() {
        return TestCall.of("PUT", "/admin/instances/new-instance")
                .json("{\"project_id\":\"" + Ids.PROJECT + "\",\"brokers\":[\"broker-1\"]}");
    }

    private static DmsException refusal(AdminAccess access, TestCall call) {
        DmsException refused = catchThrowableOfType(DmsException.class, () -> access.check(call));
        assertThat(refused).as("refused: %s", call).isNotNull();
        assertThat(refused.error()).isEqualTo(DmsError.AUTHORIZATION_DENIED);
        return refused;
    }

    @Test
    void withoutATokenOnlyLoopbackClientsMayCall() {
        AdminAccess access = new AdminAccess(null);

        assertThat(access.loopbackOnly()).isTrue();
        assertThatCode(() -> access.check(TestCall.of("GET", "/admin/x"))).doesNotThrowAnyException();
        assertThat(refusal(access, TestCall.of("GET", "/admin/x").fromAnotherMachine()))
                .hasMessageContaining("own machine only")
                .hasMessageContaining("offsetkit.admin.token")
                .hasMessageContaining("X-Admin-Token");
    }

    @Test
    void withoutATokenAnAdminTokenHeaderOpensNothing() {
        AdminAccess access = new AdminAccess(null);

        refusal(access, TestCall.of("GET", "/admin/x").fromAnotherMachine().with("X-Admin-Token", "anything"));
    }

    @Test
    void withATokenEveryClientMustSendItLoopbackToo() {
        AdminAccess access = new AdminAccess(TOKEN);

        assertThat(access.loopbackOnly()).isFalse();
        assertThat(refusal(access, TestCall.of("GET", "/admin/x"))).hasMessageContaining("the request has none");
        assertThat(refusal(access, TestCall.of("GET", "/admin/x").fromAnotherMachine()))
                .hasMessageContaining("the request has none");
    }

    @Test
    void withATokenTheRightOneOpensTheApiFromAnyMachine() {
        AdminAccess access = new AdminAccess(TOKEN);

        assertThatCode(() -> access.check(TestCall.of("GET", "/admin/x").with("X-Admin-Token", TOKEN)))
                .doesNotThrowAnyException();
        assertThatCode(() -> access.check(
                        TestCall.of("GET", "/admin/x").fromAnotherMachine().with("x-admin-token", " " + TOKEN + " ")))
                .doesNotThrowAnyException();
    }

    @Test
    void withATokenAWrongOneIsRefusedWithoutEchoingEitherToken() {
        AdminAccess access = new AdminAccess(TOKEN);

        for (String wrong : new String[] {"admin-secret-2", TOKEN + "x", TOKEN.substring(1), ""}) {
            DmsException refused = refusal(
                    access, TestCall.of("GET", "/admin/x").fromAnotherMachine().with("X-Admin-Token", wrong));
            assertThat(refused.getMessage()).doesNotContain(TOKEN);
            if (!wrong.isEmpty()) {
                assertThat(refused.getMessage())
                        .contains("the one sent is not it")
                        .doesNotContain(wrong);
            }
        }
    }

    @Test
    void theRequestPathAnswersAnAdminCallFromAnotherMachineWith403AndLeavesTheStoreAlone() throws Exception {
        // GIVEN the engine with the default fixture and no admin token
        try (Engine engine = TestEngines.start(dir)) {
            // WHEN a client on another machine creates an instance through the admin API
            Answer refused = engine.requestPath().serve(createInstance().fromAnotherMachine());

            // THEN it gets the contract's 403 with a request id, and the store is unchanged
            assertError(refused, 403, "DMS.00403007", "Authorization denied.", "offsetkit.admin.token");
            assertThat(engine.store().instances())
                    .extracting(InstanceView::instanceId)
                    .containsExactly(Ids.INSTANCE);

            // AND the contract's operation still answers that client
            Answer reset = engine.requestPath()
                    .serve(TestCall.of("POST", Ids.path("rocketmq"))
                            .json("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}")
                            .fromAnotherMachine());
            assertThat(reset.status()).isEqualTo(200);
        }
    }

    @Test
    void theRequestPathLetsTheSameCallThroughFromThisMachine() throws Exception {
        try (Engine engine = TestEngines.start(dir)) {
            Answer created = engine.requestPath().serve(createInstance());

            assertThat(created.status()).as(new String(created.body())).isEqualTo(200);
            assertThat(engine.store().instances())
                    .extracting(InstanceView::instanceId)
                    .containsExactly(Ids.INSTANCE, "new-instance");
        }
    }
}
