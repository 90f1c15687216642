package io.offsetkit.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.call.Call.BodyTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A body is read whole within its limit, whether its length is declared, cut short, overrun, or unknown. */
class BoundedBodyTest {

    private static final byte[] BODY =
            "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}".getBytes(StandardCharsets.UTF_8);

    private static BoundedBody.InputStreamSource stream(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    @Test
    void aBodyOfItsDeclaredLengthIsReadWhole() throws Exception {
        // GIVEN a body whose Content-Length is its size
        // WHEN it is read
        byte[] read = BoundedBody.read(BODY.length, stream(BODY), 1024);

        // THEN every byte is there, nothing more
        assertThat(read).isEqualTo(BODY);
    }

    @Test
    void aBodyCutShortOfItsDeclaredLengthIsReturnedAsFarAsItArrived() throws Exception {
        // GIVEN a stream that ends 10 bytes before the declared length
        byte[] arrived = java.util.Arrays.copyOf(BODY, BODY.length - 10);

        // WHEN it is read
        byte[] read = BoundedBody.read(BODY.length, stream(arrived), 1024);

        // THEN what arrived is returned
        assertThat(read).isEqualTo(arrived);
    }

    @Test
    void aBodyThatGoesOnPastItsDeclaredLengthIsReadToItsEndWithinTheLimit() throws Exception {
        // GIVEN a stream with 5 bytes more than the declared length, within the limit
        byte[] longer = (new String(BODY, StandardCharsets.UTF_8) + "     ").getBytes(StandardCharsets.UTF_8);

        // WHEN it is read
        byte[] read = BoundedBody.read(BODY.length, stream(longer), 1024);

        // THEN the whole stream is the body
        assertThat(read).isEqualTo(longer);
    }

    @Test
    void aBodyThatGoesOnPastItsDeclaredLengthAndTheLimitIsRefused() {
        // GIVEN a declared length of the limit exactly, and one byte more in the stream
        byte[] longer = new byte[65];

        // WHEN it is read THEN it is refused as too large
        assertThatThrownBy(() -> BoundedBody.read(64, stream(longer), 64))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessageContaining("more than 64 bytes arrived");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutOpeningTheStream() {
        AtomicBoolean opened = new AtomicBoolean();
        BoundedBody.InputStreamSource source = () -> {
            opened.set(true);
            return InputStream.nullInputStream();
        };

        assertThatThrownBy(() -> BoundedBody.read(65, source, 64))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessageContaining("Content-Length is 65");
        assertThat(opened).isFalse();
    }

    @Test
    void aBodyOfUnknownLengthIsReadToItsEndAndRefusedPastTheLimit() throws Exception {
        // GIVEN chunked bodies (no declared length), one within the limit and one past it
        // WHEN they are read THEN the first is returned whole, the second refused
        assertThat(BoundedBody.read(-1, stream(BODY), 1024)).isEqualTo(BODY);
        assertThatThrownBy(() -> BoundedBody.read(-1, stream(BODY), BODY.length - 1))
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aDeclaredEmptyBodyIsEmptyWithoutOpeningTheStream() throws Exception {
        AtomicBoolean opened = new AtomicBoolean();
        byte[] read = BoundedBody.read(
                0,
                () -> {
                    opened.set(true);
                    return InputStream.nullInputStream();
                },
                64);

        assertThat(read).isEmpty();
        assertThat(opened).isFalse();
    }
}
