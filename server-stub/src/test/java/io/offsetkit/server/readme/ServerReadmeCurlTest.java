package io.offsetkit.server.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.settings.ServerCommand;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.testsupport.TestServer;
import io.offsetkit.server.testsupport.docs.FencedBlock;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.ShellScript;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The READMEs' {@code curl} calls, sent to a real server started in the test on a free port (in
 * place of the README's {@code localhost:8080}): each is answered 200 with the answer the README
 * writes below it, and what it sends and receives is valid against the contract's or the admin API's
 * schemas. The server README's workflow (block workflow-calls: read, reset, read back) runs in order
 * on one server with the default fixture. The top README's "Try the server" (block try-server) starts the server with its own {@code
 * java -jar} line; the server README's admin API calls (block admin-api-calls) and its faults on
 * demand calls (block admin-faults-calls) each run in order on one server.
 */
class ServerReadmeCurlTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final DocumentedOperations OPERATIONS = DocumentedOperations.ofTheServer();

    @Test
    void tryTheServerAnswersTheDocumentedRequestWithTheDocumentedAnswer() throws Exception {
        // GIVEN the top README's block: the server's command line, then a curl call
        FencedBlock block = Repository.readme("README.md").block("try-server");
        List<List<String>> server = ServerCommands.arguments(block, Map.of());
        assertThat(server).as("%s starts the server once", block.where()).hasSize(1);
        ServerSettings settings = ServerCommands.settings(server.get(0));

        // WHEN the server starts with that command line's settings (on a free port) and the calls run
        Map<String, String> given =
                new LinkedHashMap<>(((ServerCommand.Start) ServerCommands.parse(server.get(0))).settings());
        given.put("server.port", "0");
        try (TestServer running = TestServer.start(given)) {
            // THEN each answers what the README says, at the port the command line listens on
            runEachCall(block, running, "localhost:" + settings.port());
        }
    }

    @Test
    void theAdminApiCallsBuildAnInstanceResetItAndReadTheOffsetsBack() throws Exception {
        // GIVEN the server README's admin API calls, and a server started as "Running it" starts it
        MarkdownFile readme = Repository.readme("server-stub/README.md");
        try (TestServer running = TestServer.start()) {
            // WHEN they run in order, THEN each answers what the README writes below it
            runEachCall(readme.block("admin-api-calls"), running, "localhost:8080");
        }
    }

    @Test
    void theFaultCallsSetListAndRemoveTheKitsInternalError() throws Exception {
        // GIVEN the server README's faults on demand calls, and a server started as "Running it" starts it
        MarkdownFile readme = Repository.readme("server-stub/README.md");
        try (TestServer running = TestServer.start()) {
            // WHEN they run in order, THEN each answers what the README writes below it
            runEachCall(readme.block("admin-faults-calls"), running, "localhost:8080");
        }
    }

    @Test
    void theWorkflowCallsReadResetAndReadBackOnTheDefaultFixture() throws Exception {
        // GIVEN the server README's workflow: read, reset, read back, with the default fixture
        MarkdownFile readme = Repository.readme("server-stub/README.md");
        try (TestServer running = TestServer.start()) {
            // WHEN they run in order, THEN each answers what the README writes below it
            runEachCall(readme.block("workflow-calls"), running, "localhost:8080");
        }
    }

    private static void runEachCall(FencedBlock block, TestServer server, String readmesAuthority) throws Exception {
        List<ShellScript.Command> calls = ShellScript.commands(block, Map.of()).stream()
                .filter(command -> command.program().equals("curl"))
                .toList();
        assertThat(calls).as("%s has curl calls", block.where()).isNotEmpty();
        for (ShellScript.Command call : calls) {
            CurlCommand curl = CurlCommand.of(call.words());
            String what = block.where() + ", line " + call.line() + ": " + curl.method() + " " + curl.pathAndQuery();
            assertThat(curl.authority())
                    .as(what + " calls the server the block starts")
                    .isEqualTo(readmesAuthority);

            HttpResponse<String> answer = curl.sendTo(server.baseUrl());

            // A call the README shows refused writes the error body below it: the status is its code's.
            int expected = documentedStatus(call.comments());
            assertThat(answer.statusCode())
                    .as(what + " answered " + answer.body())
                    .isEqualTo(expected);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(OPERATIONS.checkResponse(curl.method(), curl.pathAndQuery(), expected, body))
                    .as(what + ": the answer against its schema")
                    .isEmpty();
            if (curl.body() != null) {
                assertThat(OPERATIONS.checkRequest(curl.method(), curl.pathAndQuery(), JSON.readTree(curl.body())))
                        .as(what + ": the body against its schema")
                        .isEmpty();
            }
            List<String> written = call.comments().stream()
                    .filter(comment -> comment.startsWith("{") || comment.startsWith("["))
                    .toList();
            assertThat(written)
                    .as(what + ": the README writes its answer below it")
                    .hasSize(1);
            assertThat(body).as(what + ": the answer").isEqualTo(JSON.readTree(written.get(0)));
        }
    }

    /** 200, or the status of the documented error whose body the README writes below the call. */
    private static int documentedStatus(List<String> comments) {
        for (String comment : comments) {
            if (comment.startsWith("{\"error_code\"")) {
                String code = JSON.readTree(comment).get("error_code").asString();
                return Arrays.stream(DmsError.values())
                        .filter(error -> error.code().equals(code))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the README writes an undocumented code " + code))
                        .status();
            }
        }
        return 200;
    }
}
