package io.offsetkit.server.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.OffsetkitServer;
import io.offsetkit.server.testsupport.ServerProcess;
import io.offsetkit.server.testsupport.docs.ElidedText;
import io.offsetkit.server.testsupport.docs.FencedBlock;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server's README shows it printing is what the server's main class prints, run in a child
 * JVM as {@code java -jar} runs it: the banner once it listens (block server-banner) and the messages
 * of a bad setting (block settings-errors).
 */
class ServerReadmeOutputTest {

    private static final MarkdownFile README = Repository.readme("server-stub/README.md");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A log line: time, level, thread, logger, then the message. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\S+\\s+[A-Z]+ \\[[^\\]]+] (\\S+) : (.*)$");

    @TempDir
    Path dir;

    @Test
    void theBannerIsWhatTheServerLogsOnceItListens() throws Exception {
        // GIVEN the server started as "Running it" starts it, on a free port and a fresh data directory
        List<String> arguments = List.of("--server.port=0", "--offsetkit.data-dir=" + dir.resolve("data"));
        try (ServerProcess server = ServerProcess.start(dir, arguments)) {
            // WHEN it has said where it listens and how to try it
            String baseUrl = server.awaitBaseUrl(WAIT);
            server.awaitLine(Pattern.compile(" : {3}curl "), WAIT);
            server.terminate();
            server.awaitExit(WAIT);

            // THEN the README's banner is its main class's messages, at the README's port
            List<String> banner = new ArrayList<>();
            for (String line : server.output().split("\n")) {
                Matcher log = LOG_LINE.matcher(line);
                if (log.matches() && log.group(1).equals(OffsetkitServer.class.getName())) {
                    banner.add(log.group(2).replace(baseUrl, "http://127.0.0.1:8080"));
                }
            }
            ElidedText.assertShows(README.block("server-banner").lines(), banner, "server-banner");
        }
    }

    @Test
    void eachBadSettingPrintsWhatTheReadmeShowsAndExitsTwo() throws Exception {
        // GIVEN the commands of block settings-errors, each followed by what it prints
        FencedBlock block = README.block("settings-errors");
        Map<List<String>, List<String>> shown = commandsAndOutput(block);
        assertThat(shown).hasSize(2);

        for (Map.Entry<List<String>, List<String>> command : shown.entrySet()) {
            // WHEN the server's main class runs with the command's arguments
            try (ServerProcess server = ServerProcess.start(dir, command.getKey())) {
                int exit = server.awaitExit(WAIT);

                // THEN it exits 2 and prints exactly the README's lines
                assertThat(exit).as("exit code of %s", command.getKey()).isEqualTo(2);
                assertThat(server.output().lines().toList())
                        .as("what %s prints", command.getKey())
                        .isEqualTo(command.getValue());
            }
        }
    }

    /** Each {@code $ java -jar <server jar> ...} line's arguments, with the lines up to the next {@code $}. */
    private static Map<List<String>, List<String>> commandsAndOutput(FencedBlock block) {
        Map<List<String>, List<String>> commands = new java.util.LinkedHashMap<>();
        List<String> output = null;
        for (String line : block.lines()) {
            if (line.startsWith("$ ")) {
                FencedBlock command =
                        new FencedBlock(block.id(), "bash", List.of(line.substring(2)), block.file(), block.line());
                List<List<String>> arguments = ServerCommands.arguments(command, Map.of());
                assertThat(arguments)
                        .as("%s: %s runs the server's jar", block.where(), line)
                        .hasSize(1);
                output = new ArrayList<>();
                commands.put(arguments.get(0), output);
            } else {
                assertThat(output)
                        .as("%s: output before any command", block.where())
                        .isNotNull();
                output.add(line);
            }
        }
        return commands;
    }
}
