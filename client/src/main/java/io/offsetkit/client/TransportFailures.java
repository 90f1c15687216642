package io.offsetkit.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Words for a request that got no answer, for the messages of {@link OffsetkitConnectionException}
 * and {@link OffsetkitTimeoutException}: what happened, in the words a person searches for
 * ("connection refused", "timed out after 200 ms"), not only the name of the HTTP client's
 * exception, which for a refused connection carries no message at all.
 *
 * <p>{@code java.net.http} wraps the cause several times ({@code ConnectException} around {@code
 * ConnectException} around {@code ClosedChannelException} for a refusal on Java 17; around {@code
 * UnresolvedAddressException} for an unknown host), so the whole cause chain is read.
 */
final class TransportFailures {

    private TransportFailures() {}

    /** The message of an {@link OffsetkitConnectionException}. */
    static String connectionFailed(URI endpoint, int attempt, IOException failure) {
        return "Connection to " + endpoint + " failed (attempt " + attempt + "): " + what(endpoint, failure) + " ["
                + failure.getClass().getName() + "]";
    }

    /**
     * The message of an {@link OffsetkitTimeoutException}. The read timeout bounds the whole exchange,
     * connect included ({@code HttpRequest.timeout}), so a connect that outlasts a read timeout shorter
     * than the connect timeout is that one's doing: the message names the one that fired.
     */
    static String timedOut(
            URI endpoint, int attempt, HttpTimeoutException failure, Duration connectTimeout, Duration readTimeout) {
        String what;
        if (failure instanceof HttpConnectTimeoutException) {
            String bound = readTimeout.compareTo(connectTimeout) < 0
                    ? readTimeout.toMillis() + " ms (readTimeout, which bounds the connect too)"
                    : connectTimeout.toMillis() + " ms (connectTimeout)";
            what = "connect timed out after " + bound + ": no connection to " + hostAndPort(endpoint);
        } else {
            what = "timed out after " + readTimeout.toMillis()
                    + " ms (readTimeout) waiting for the answer to start, once the request was sent";
        }
        return "No answer from " + endpoint + " in time (attempt " + attempt + "): " + what;
    }

    private static String what(URI endpoint, IOException failure) {
        if (has(failure, UnresolvedAddressException.class) || has(failure, UnknownHostException.class)) {
            return "unknown host '" + endpoint.getHost() + "'";
        }
        if (has(failure, NoRouteToHostException.class)) {
            return "no route to host " + hostAndPort(endpoint);
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return "TLS failed: " + tls.getMessage();
        }
        if (failure instanceof ConnectException) {
            // Java 17 says nothing more for a refusal (its cause is a bare ClosedChannelException);
            // newer JDKs say "Connection refused". Either way no connection was accepted.
            return "connection refused: nothing accepts connections at " + hostAndPort(endpoint)
                    + " (is the server running, on this port?)";
        }
        String message = failure.getMessage();
        return "the connection broke before an answer" + (message == null ? "" : ": " + message);
    }

    private static String hostAndPort(URI endpoint) {
        int port = endpoint.getPort() >= 0
                ? endpoint.getPort()
                : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        return endpoint.getHost() + ":" + port;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
