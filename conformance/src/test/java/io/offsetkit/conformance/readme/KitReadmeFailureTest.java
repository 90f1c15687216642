package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.cli.CliArguments;
import io.offsetkit.conformance.cli.Main;
import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.server.testsupport.docs.Repository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The failure the conformance README shows (block kit-failure) is what the kit's console report
 * prints for RESET-NEGATIVE-02 against an implementation that answers an unknown instance with 500,
 * signing with the access key the README shows. What differs from run to run is set aside in both:
 * the port, the unknown instance the run makes up, the signing date, the signature's first
 * characters, the answer's date and request id.
 */
class KitReadmeFailureTest {

    private static final String AK = "FAKEACCESSKEY";
    private static final String SK = "fake-secret-key";

    /** What a run makes up or reads from the clock, each with the word it stands as. */
    private static final Map<Pattern, String> VARYING = Map.of(
            Pattern.compile("http://127\\.0\\.0\\.1:[0-9]+"), "http://127.0.0.1:PORT",
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "UUID",
            Pattern.compile("X-Sdk-Date: [0-9]{8}T[0-9]{6}Z"), "X-Sdk-Date: DATE",
            Pattern.compile("Signature=[0-9a-f]{8}\\*\\*\\*"), "Signature=PREFIX***",
            Pattern.compile("date: [A-Z][a-z]{2}, .* GMT"), "date: DATE",
            Pattern.compile("x-request-id: [0-9a-f]+"), "x-request-id: ID");

    @Test
    void theReadmesFailureIsWhatTheKitPrintsForAnUnknownInstanceAnswered500() throws Exception {
        // GIVEN an implementation that answers an unknown instance with 500
        try (FakeDms target = FakeDms.withAkSk(AK, SK, Defect.UNKNOWN_INSTANCE_IS_500)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            // WHEN the kit checks RESET-NEGATIVE-02 against it
            int status = Main.run(
                    new String[] {
                        "--base-url",
                        target.baseUrl().toString(),
                        "--documented-data",
                        "--ak",
                        AK,
                        "--include",
                        "RESET-NEGATIVE-02"
                    },
                    Map.of(CliArguments.ENV_SK, SK),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            // THEN the rule fails, and its failure as the console report prints it is the README's
            assertThat(status).isEqualTo(Main.FAIL);
            List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
            int from = printed.indexOf("---- RESET-NEGATIVE-02 ----") + 1;
            int to = from;
            while (to < printed.size() && !printed.get(to).startsWith("RESULT: ")) {
                to++;
            }
            assertThat(from)
                    .as("the report prints the failure:%n%s", String.join("\n", printed))
                    .isPositive();
            List<String> shown = Repository.readme("conformance/README.md")
                    .block("kit-failure")
                    .lines();
            assertThat(steady(shown))
                    .isEqualTo(steady(printed.subList(from, to)).subList(0, shown.size()));
            assertThat(printed.subList(from + shown.size(), to)).allMatch(String::isBlank);
        }
    }

    /** The lines with what varies from run to run replaced by a word. */
    private static List<String> steady(List<String> lines) {
        return lines.stream()
                .map(line -> {
                    String steady = line;
                    for (Map.Entry<Pattern, String> varying : VARYING.entrySet()) {
                        steady = varying.getKey().matcher(steady).replaceAll(varying.getValue());
                    }
                    return steady;
                })
                .toList();
    }
}
