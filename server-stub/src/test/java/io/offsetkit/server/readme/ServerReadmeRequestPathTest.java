package io.offsetkit.server.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.testsupport.docs.FencedBlock;
import io.offsetkit.server.testsupport.docs.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server README's request path (block request-path) is the diagram of {@code RequestPath}'s
 * Javadoc, the class every request goes through, and each status and error code it names is one of
 * the server's documented errors ({@code DmsError}) with that status.
 */
class ServerReadmeRequestPathTest {

    private static final String REQUEST_PATH = "server-stub/src/main/java/io/offsetkit/server/engine/RequestPath.java";
    private static final Pattern STATUS_OR_CODE = Pattern.compile("\\b([1-5][0-9]{2})\\b|(?:DMS\\.)?([0-9]{8})\\b");

    private final FencedBlock block = Repository.readme("server-stub/README.md").block("request-path");

    @Test
    void theReadmesDiagramIsTheOneInRequestPathsJavadoc() throws Exception {
        // GIVEN the diagram between <pre> and </pre> in RequestPath's Javadoc, as a reader of the Javadoc sees it
        List<String> source = Files.readAllLines(Repository.file(REQUEST_PATH), StandardCharsets.UTF_8);
        int from = source.indexOf(" * <pre>");
        int to = source.indexOf(" * </pre>");
        assertThat(from).as("RequestPath's Javadoc draws the path in <pre>").isPositive();
        List<String> javadoc = source.subList(from + 1, to).stream()
                .map(line -> line.replaceFirst("^ \\* ?", "").replaceAll("\\{@link (\\w+)}", "$1"))
                .toList();

        // WHEN / THEN the README's block is that diagram
        assertThat(block.lines()).isEqualTo(javadoc);
    }

    @Test
    void everyErrorCodeOfTheDiagramIsADocumentedErrorWithTheStatusBeforeIt() {
        List<String> checked = new ArrayList<>();
        for (String line : block.lines()) {
            Integer status = null;
            Matcher matcher = STATUS_OR_CODE.matcher(line);
            while (matcher.find()) {
                if (matcher.group(1) != null) {
                    status = Integer.valueOf(matcher.group(1));
                    continue;
                }
                String code = "DMS." + matcher.group(2);
                int expected = status == null ? -1 : status;
                assertThat(Arrays.stream(DmsError.values()))
                        .as("the server's documented errors have %s with status %s (%s)", code, expected, line.strip())
                        .anySatisfy(error -> {
                            assertThat(error.code()).isEqualTo(code);
                            assertThat(error.status()).isEqualTo(expected);
                        });
                checked.add(code);
            }
        }
        assertThat(checked).as("the codes the diagram names").hasSizeGreaterThan(10);
    }
}
