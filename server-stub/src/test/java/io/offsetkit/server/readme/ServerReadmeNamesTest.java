package io.offsetkit.server.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.NamesInMarkdown;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.ServerNames;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting, command-line option and environment variable the server's README names is one the
 * server has, as its own code says ({@code Setting}, {@code ServerCommand}, {@code SettingSources});
 * it names no rule id (those are the conformance kit's). The block that shows a mistyped option on
 * purpose is left out: its own test compares it with what the server prints.
 */
class ServerReadmeNamesTest {

    /** The blocks that show a mistyped name on purpose (checked by ServerReadmeOutputTest). */
    static final Set<String> MISTYPED_ON_PURPOSE = Set.of("settings-errors");

    @Test
    void everyNameInTheServersReadmeIsOneTheServerHas() {
        // GIVEN the server's README
        MarkdownFile readme = Repository.readme("server-stub/README.md");

        // WHEN its names are looked up in the server's code
        List<NamesInMarkdown.Name> names = NamesInMarkdown.in(readme, MISTYPED_ON_PURPOSE);
        List<NamesInMarkdown.Name> unknown = NamesInMarkdown.unknown(readme, MISTYPED_ON_PURPOSE, ServerNames::has);

        // THEN there are many, and the server has each
        assertThat(names).hasSizeGreaterThan(50);
        assertThat(unknown).as("names the server does not have").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"server-stub/EMULATOR.md", "server-stub/STORE-DESIGN.md"})
    void everyNameInTheGuidesSplitFromTheReadmeIsOneTheServerHas(String guide) {
        // GIVEN the emulator's guide, or the store's design note
        MarkdownFile document = Repository.readme(guide);

        // WHEN its names are looked up in the server's code
        List<NamesInMarkdown.Name> unknown = NamesInMarkdown.unknown(document, Set.of(), ServerNames::has);

        // THEN the server has each
        assertThat(unknown).as("names the server does not have, in " + guide).isEmpty();
    }

    @Test
    void aSampleWithMistypedNamesFailsNamingEachOfThem() {
        // GIVEN a sample README with a right name of each kind and a wrong one of each kind
        MarkdownFile sample = MarkdownFile.of("sample.md", """
                Start it with `--server.port=9090`, or `--sever.port=9090`.
                Set `offsetkit.auth.mode` (not `offsetkit.auth.mod`), `offsetkit.rocketmq.instances[N].name-server`
                (not `offsetkit.rocketmq.instances[0].nameserver`), and `logging.level.io.offsetkit.server.access`.
                ```bash
                OFFSETKIT_AUTH_MODE=token OFFSETKIT_AUTH_MOD=token java -jar offsetkit-server.jar --config=offsetkit.yaml
                ```
                The kit's RESET-AUTH-01 is not the server's.
                """);

        // WHEN the same check reads it
        List<String> unknown = NamesInMarkdown.unknown(sample, Set.of(), ServerNames::has).stream()
                .map(NamesInMarkdown.Name::text)
                .toList();

        // THEN it names exactly the wrong ones
        assertThat(unknown)
                .containsExactlyInAnyOrder(
                        "--sever.port",
                        "offsetkit.auth.mod",
                        "offsetkit.rocketmq.instances[0].nameserver",
                        "OFFSETKIT_AUTH_MOD",
                        "RESET-AUTH-01");
    }
}
