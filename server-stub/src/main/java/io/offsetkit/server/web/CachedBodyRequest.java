package io.offsetkit.server.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body has been read in full, so that it can be read again: once by the signature
 * check (which hashes the exact bytes received), once by the JSON reader.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The body of a request that went through {@link CachedBodyFilter}; null for any other request. */
    public static byte[] bodyOf(HttpServletRequest request) {
        return request.getAttribute(CachedBodyFilter.BODY_ATTRIBUTE) instanceof byte[] bytes ? bytes : null;
    }

    /** The body exactly as received (after de-chunking); not a copy, do not modify. */
    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        return new CachedInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class CachedInputStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        CachedInputStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already read; there is nothing to wait for");
        }
    }
}
