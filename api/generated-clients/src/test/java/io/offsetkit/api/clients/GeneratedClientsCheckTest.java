package io.offsetkit.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.clients.GeneratedClientsCheck.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The build check itself (the contract against the committed list), and the proof that it can fail:
 * a contract that gains a construct a generator warns about, and a list that accepts a warning no
 * generator logs any more.
 */
class GeneratedClientsCheckTest {

    private static final Path OUTPUT =
            Path.of(System.getProperty("offsetkit.generator.output", "target/generated-clients"));
    private static final Path ACCEPTED =
            Path.of(System.getProperty("offsetkit.generator.accepted-warnings", "accepted-warnings.txt"));

    @Test
    @DisplayName("the contract generates the typescript-fetch, typescript-axios, python and go clients with no warning"
            + " beyond the accepted ones")
    void contractGeneratesEveryClientWithOnlyAcceptedWarnings() throws IOException {
        // GIVEN the contract of the offsetkit-api jar and the committed list
        Path contract = GeneratedClientsCheck.bundledContract(OUTPUT.resolve("contract"));

        // WHEN every client is generated from it
        Result result = GeneratedClientsCheck.run(
                contract, OUTPUT, AcceptedWarnings.read(ACCEPTED), List.of(ClientGenerator.values()));

        // THEN every warning is accepted, every accepted one still happens, and every client was written
        Files.writeString(OUTPUT.resolve("report.txt"), result.report());
        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(OUTPUT.resolve("typescript-fetch/src/apis/ConsumerOffsetsApi.ts"))
                .exists();
        assertThat(OUTPUT.resolve("typescript-axios/api.ts")).exists();
        assertThat(OUTPUT.resolve("python/offsetkit_client/api/consumer_offsets_api.py"))
                .exists();
        assertThat(OUTPUT.resolve("go/api_consumer_offsets.go")).exists();
    }

    @Test
    @DisplayName("the generated TypeScript clients set apiKey headers only from an apiKey, each by its header's"
            + " name, and send the headers an app configures: an app can send only the scheme it uses")
    void typeScriptClientsSendOnlyTheConfiguredScheme() throws IOException {
        // GIVEN the TypeScript clients of the contract
        Path contract = GeneratedClientsCheck.bundledContract(OUTPUT.resolve("typescript-auth"));
        GeneratedClientsCheck.run(
                contract,
                OUTPUT.resolve("typescript-auth"),
                AcceptedWarnings.read(ACCEPTED),
                List.of(ClientGenerator.TYPESCRIPT_FETCH, ClientGenerator.TYPESCRIPT_AXIOS));
        String fetchApi =
                Files.readString(OUTPUT.resolve("typescript-auth/typescript-fetch/src/apis/ConsumerOffsetsApi.ts"));
        String fetchRuntime = Files.readString(OUTPUT.resolve("typescript-auth/typescript-fetch/src/runtime.ts"));
        String axiosApi = Files.readString(OUTPUT.resolve("typescript-auth/typescript-axios/api.ts"));
        String axiosCommon = Files.readString(OUTPUT.resolve("typescript-auth/typescript-axios/common.ts"));

        // THEN every operation (the contract has five) asks the app's apiKey for each header by the header's name,
        // for both schemes: a plain string apiKey would therefore go out in both headers
        for (String header : List.of("X-Auth-Token", "Authorization")) {
            assertThat(fetchApi)
                    .contains("headerParameters[\"" + header + "\"] = await this.configuration.apiKey(\"" + header
                            + "\")");
            assertThat(occurrences(fetchApi, "this.configuration.apiKey(\"" + header + "\")"))
                    .isEqualTo(5);
            assertThat(occurrences(
                            axiosApi, "setApiKeyToObject(localVarHeaderParameter, \"" + header + "\", configuration)"))
                    .isEqualTo(5);
        }
        // AND no apiKey header is set when the app sets no apiKey, while the headers it configures go with
        // every request: a token given as the X-Auth-Token header goes out alone
        assertThat(occurrences(fetchApi, "if (this.configuration && this.configuration.apiKey) {"))
                .isEqualTo(10);
        assertThat(axiosCommon).contains("if (configuration && configuration.apiKey) {");
        assertThat(fetchRuntime).contains("Object.assign({}, this.configuration.headers, context.headers)");
        assertThat(axiosApi).contains("const localVarRequestOptions = { method: 'POST', ...baseOptions, ...options};");
        // AND a header whose value the app's apiKey function leaves undefined is not sent by typescript-fetch
        assertThat(fetchRuntime).contains("headers[key] === undefined ? delete headers[key]");
        assertThat(axiosCommon).contains("await configuration.apiKey(keyParamName)");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    @Test
    @DisplayName("a contract that gains a schema named Object fails the check, naming the new warning")
    void newWarningFailsTheCheck() throws IOException {
        // GIVEN the contract with one more schema, named after TypeScript's built-in Object
        Path contract = GeneratedClientsCheck.bundledContract(OUTPUT.resolve("with-object-schema"));
        String text = Files.readString(contract);
        String anchor = "    ConsumerSubscription:\n";
        assertThat(text).contains(anchor);
        Files.writeString(
                contract,
                text.replace(
                        anchor,
                        "    Object:\n      type: object\n      properties:\n        name:\n          type: string\n"
                                + anchor));

        // WHEN typescript-fetch's client is generated from it, against the committed list
        Result result = GeneratedClientsCheck.run(
                contract,
                OUTPUT.resolve("with-object-schema"),
                AcceptedWarnings.read(ACCEPTED),
                List.of(ClientGenerator.TYPESCRIPT_FETCH));

        // THEN the check fails on that warning alone, and says so
        assertThat(result.passed()).isFalse();
        assertThat(result.unexpected())
                .containsExactly(new GeneratorWarning(
                        ClientGenerator.TYPESCRIPT_FETCH,
                        "Object (model name matches existing language type) cannot be used as a model name."
                                + " Renamed to ModelObject"));
        assertThat(result.unused()).isEmpty();
        assertThat(result.report())
                .contains("Generated clients check FAILED")
                .contains("Warnings not in the accepted list")
                .contains("typescript-fetch: Object (model name matches existing language type)");
    }

    @Test
    @DisplayName("an app that maps the Error schema to another model name gets that model and no ModelError warning")
    void errorModelRenamedByTheAppsMapping() {
        // GIVEN the contract
        Path contract = GeneratedClientsCheck.bundledContract(OUTPUT.resolve("error-mapped"));

        // WHEN typescript-fetch's client is generated with the mapping the accepted list suggests
        List<GeneratorWarning> warnings = ClientGeneration.generate(
                ClientGenerator.TYPESCRIPT_FETCH,
                contract,
                OUTPUT.resolve("error-mapped/typescript-fetch"),
                Map.of("Error", "DmsError"));

        // THEN the model has that name, and the generator no longer renames anything
        assertThat(OUTPUT.resolve("error-mapped/typescript-fetch/src/models/DmsError.ts"))
                .exists();
        assertThat(warnings).extracting(GeneratorWarning::message).noneMatch(message -> message.contains("ModelError"));
    }

    @Test
    @DisplayName("an accepted warning that no generator logs any more fails the check, naming the entry")
    void unusedAcceptedWarningFailsTheCheck() throws IOException {
        // GIVEN the committed list with one more entry for go, which the contract does not cause
        Path list = OUTPUT.resolve("stale-list/accepted-warnings.txt");
        Files.createDirectories(list.getParent());
        String stale = "go: Schema Obsolete is no longer used";
        Files.writeString(
                list, Files.readString(ACCEPTED) + "\n# A warning the document no longer causes.\n" + stale + "\n");
        Path contract = GeneratedClientsCheck.bundledContract(OUTPUT.resolve("stale-list"));

        // WHEN go's client is generated
        Result result = GeneratedClientsCheck.run(
                contract, OUTPUT.resolve("stale-list"), AcceptedWarnings.read(list), List.of(ClientGenerator.GO));

        // THEN the check fails on that entry alone
        assertThat(result.passed()).isFalse();
        assertThat(result.unexpected()).isEmpty();
        assertThat(result.unused()).containsExactly(stale);
        assertThat(result.report())
                .contains("Accepted warnings no generator logged any more")
                .contains(stale);
    }
}
