package io.offsetkit.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings of the API routes ({@code offsetkit.http.*}).
 *
 * @param maxBodySize the largest request body accepted on the API routes ({@code /v2/**}); a larger
 *     one is refused with 400 before it is parsed. Default 64KB: the operation's body is under 300
 *     bytes.
 */
@ConfigurationProperties("offsetkit.http")
public record HttpProperties(DataSize maxBodySize) {

    /** Default of {@code offsetkit.http.max-body-size}. */
    public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofKilobytes(64);

    public HttpProperties {
        if (maxBodySize == null) {
            maxBodySize = DEFAULT_MAX_BODY_SIZE;
        }
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException(
                    "offsetkit.http.max-body-size must be between 1B and 2GB, was " + maxBodySize);
        }
    }
}
