package io.offsetkit.server.reset;

import io.offsetkit.server.generated.model.ResetConsumeOffsetReq;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * Turns the body of a reset into the generated {@link ResetConsumeOffsetReq} with
 * {@link ResetRequestReader} instead of a general-purpose JSON binding, which would coerce a number
 * into {@code topic} or accept a fractional {@code timestamp}. Read-only; registered before the
 * default converters.
 */
public final class ResetRequestConverter implements HttpMessageConverter<ResetConsumeOffsetReq> {

    private final ResetRequestReader reader;

    public ResetRequestConverter(ResetRequestReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return clazz == ResetConsumeOffsetReq.class
                && (mediaType == null || MediaType.APPLICATION_JSON.includes(mediaType));
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(MediaType.APPLICATION_JSON);
    }

    @Override
    public ResetConsumeOffsetReq read(Class<? extends ResetConsumeOffsetReq> clazz, HttpInputMessage inputMessage)
            throws IOException {
        return reader.read(inputMessage.getBody().readAllBytes());
    }

    @Override
    public void write(ResetConsumeOffsetReq request, MediaType contentType, HttpOutputMessage outputMessage) {
        throw new UnsupportedOperationException("ResetRequestConverter only reads");
    }
}
