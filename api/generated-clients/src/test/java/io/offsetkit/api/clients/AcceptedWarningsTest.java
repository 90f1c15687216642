package io.offsetkit.api.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedWarningsTest {

    @TempDir
    Path directory;

    @Test
    void entryAcceptsItsWarningForItsGeneratorOnly() throws IOException {
        // GIVEN a list with a reason and one entry for typescript-fetch
        AcceptedWarnings accepted = read("# why\n\ntypescript-fetch: Renamed to ModelError\n");

        // THEN it accepts that warning from typescript-fetch, not from typescript-axios, and no other
        assertThat(accepted.accepts(new GeneratorWarning(ClientGenerator.TYPESCRIPT_FETCH, "Renamed to ModelError")))
                .isTrue();
        assertThat(accepted.accepts(new GeneratorWarning(ClientGenerator.TYPESCRIPT_AXIOS, "Renamed to ModelError")))
                .isFalse();
        assertThat(accepted.accepts(new GeneratorWarning(ClientGenerator.TYPESCRIPT_FETCH, "Renamed to ModelObject")))
                .isFalse();
    }

    @Test
    void entriesNoWarningMatchedAreUnusedForTheirGenerator() throws IOException {
        // GIVEN two entries for python
        AcceptedWarnings accepted = read("python: first\npython: second\ngo: first\n");

        // WHEN python logged only the first
        List<String> unused = accepted.unusedBy(
                ClientGenerator.PYTHON, List.of(new GeneratorWarning(ClientGenerator.PYTHON, "first")));

        // THEN the second is unused, and go's entry is not judged by python's run
        assertThat(unused).containsExactly("python: second");
    }

    @Test
    void lineWithoutAKnownGeneratorIsRefusedWithItsNumber() throws IOException {
        // GIVEN a list whose second entry names a generator the check does not run
        Path file = directory.resolve("accepted-warnings.txt");
        Files.writeString(file, "# reason\ngo: fine\nkotlin: Renamed to ModelError\n");

        // THEN reading it fails, naming the file's line 3 and the checked generators
        assertThatThrownBy(() -> AcceptedWarnings.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'kotlin'")
                .hasMessageContaining("typescript-fetch, typescript-axios, python, go");
    }

    @Test
    void lineWithoutGeneratorIsRefused() throws IOException {
        Path file = directory.resolve("accepted-warnings.txt");
        Files.writeString(file, "Renamed to ModelError\n");

        assertThatThrownBy(() -> AcceptedWarnings.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected 'generator: message'");
    }

    private AcceptedWarnings read(String text) throws IOException {
        Path file = directory.resolve("accepted-warnings.txt");
        Files.writeString(file, text);
        return AcceptedWarnings.read(file);
    }
}
