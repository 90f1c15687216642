package io.offsetkit.server.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The media-type checks of a request: its Content-Type against what the operation consumes, its Accept. */
class MediaTypesTest {

    private static final List<String> JSON = List.of("application/json");

    private static DmsException refusedContentType(String contentType) {
        DmsException refused =
                catchThrowableOfType(DmsException.class, () -> MediaTypes.requireContentType(contentType, JSON));
        assertThat(refused).as("Content-Type %s is refused", contentType).isNotNull();
        return refused;
    }

    private static DmsException refusedAccept(String accept) {
        DmsException refused =
                catchThrowableOfType(DmsException.class, () -> MediaTypes.requireAcceptable(accept, JSON));
        assertThat(refused).as("Accept %s is refused", accept).isNotNull();
        return refused;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-8",
                "APPLICATION/JSON",
                "Application/Json ; charset=\"utf-8\"",
                " application/json ",
            })
    void aConsumedTypeIsAcceptedWhateverItsParametersAndCase(String contentType) {
        assertThatCode(() -> MediaTypes.requireContentType(contentType, JSON)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "application/jsonx",
                "application/json-patch+json",
                "application/x-www-form-urlencoded",
                "json",
                "application/*",
            })
    void anotherTypeIs400NotJsonNamingItAndTheTypeToSend(String contentType) {
        DmsException refused = refusedContentType(contentType);

        assertThat(refused.error()).isEqualTo(DmsError.BODY_NOT_JSON);
        assertThat(refused)
                .hasMessageContaining("Content-Type '" + contentType + "' is not supported")
                .hasMessageContaining("send the body as application/json");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void aMissingContentTypeIs400NotJson(String contentType) {
        DmsException refused = refusedContentType(contentType);

        assertThat(refused.error()).isEqualTo(DmsError.BODY_NOT_JSON);
        assertThat(refused).hasMessageContaining("no Content-Type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "*/*",
                "*",
                "application/*",
                "application/json",
                "Application/JSON",
                "application/json; charset=utf-8",
                "text/html, application/json;q=0.5",
                "text/html;q=0.9, */*;q=0.1",
                "application/json;q=0.001",
                "application/json,;",
                ";, */*",
            })
    @NullSource
    void anAcceptThatAllowsJsonPasses(String accept) {
        assertThatCode(() -> MediaTypes.requireAcceptable(accept, JSON)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/html",
                "text/*",
                "application/xml, text/plain",
                "application/json;q=0",
                "application/json; q=0.0",
                "application/json;q=0, text/html",
                "*/*;q=0",
                "application/jsonx",
                ";",
                ";;",
                ",",
                " ; q=1",
            })
    void anAcceptThatRefusesJsonIs400InvalidParameterNamingIt(String accept) {
        DmsException refused = refusedAccept(accept);

        assertThat(refused.error()).isEqualTo(DmsError.INVALID_PARAMETER);
        assertThat(refused)
                .hasMessageContaining("Accept '" + accept + "' does not allow application/json")
                .hasMessageContaining("the only type this API answers in");
    }

    @Test
    void aMoreSpecificRangeWithQZeroWinsOverABroaderOne() {
        // RFC 9110, 12.5.1: "If more than one media range applies to a given type, the most specific
        // reference has precedence": this Accept refuses JSON, whatever */* allows.
        assertThat(refusedAccept("application/json;q=0, */*").error()).isEqualTo(DmsError.INVALID_PARAMETER);
        assertThat(refusedAccept("*/*, application/json;q=0").error()).isEqualTo(DmsError.INVALID_PARAMETER);
        assertThat(refusedAccept("application/json;q=0, application/*").error()).isEqualTo(DmsError.INVALID_PARAMETER);
    }

    @Test
    void theEssenceOfAMediaTypeIsItsTypeAndSubtypeInLowerCase() {
        assertThat(MediaTypes.essence("Application/JSON; charset=UTF-8")).isEqualTo("application/json");
        assertThat(MediaTypes.essence(" text/plain ")).isEqualTo("text/plain");
    }
}
