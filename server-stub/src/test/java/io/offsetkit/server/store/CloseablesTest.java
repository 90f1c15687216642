package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseablesTest {

    @Test
    void everyOneIsClosedAndTheFirstFailureCarriesTheOthers() {
        List<String> closed = new ArrayList<>();
        // GIVEN three closeables of which the first and the last fail
        Closeable first = () -> {
            closed.add("first");
            throw new IOException("first failed");
        };
        Closeable second = () -> closed.add("second");
        Closeable third = () -> {
            closed.add("third");
            throw new IOException("third failed");
        };

        // WHEN they are closed together
        // THEN the first failure is thrown with the later one suppressed in it
        assertThatThrownBy(() -> Closeables.closeAll(List.of(first, second, third)))
                .isInstanceOf(IOException.class)
                .hasMessage("first failed")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("third failed"));
        // AND every one was closed, in order
        assertThat(closed).containsExactly("first", "second", "third");
    }

    @Test
    void nothingIsThrownWhenAllClose() throws IOException {
        List<String> closed = new ArrayList<>();

        Closeables.closeAll(List.of(() -> closed.add("a"), () -> closed.add("b")));

        assertThat(closed).containsExactly("a", "b");
    }
}
