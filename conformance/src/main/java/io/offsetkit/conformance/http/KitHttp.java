package io.offsetkit.conformance.http;

import io.offsetkit.client.auth.AkSkCredentials;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.auth.SignableRequest;
import io.offsetkit.signing.SdkSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Sends {@link RawRequest}s to a target with the JDK's HTTP client and records every {@link
 * Exchange}. The kit must control bytes, headers and bad bodies exactly, which a typed client would
 * not let it do.
 *
 * <p>{@link #send} authenticates with the configured credentials (a token header, or an AK/SK
 * signature over the exact bytes sent); {@link #sendUnauthenticated} adds nothing, for the rules
 * that send their own (missing, wrong, stale) credentials. A transport failure (refused
 * connection, timeout) does not throw: it is an exchange without response.
 *
 * <p>Requests are sent one at a time, but for {@link #sendAll}; the recorded list is safe to read from
 * any thread. Work done on another thread beside the rules' (a fixture's scenario built ahead) holds
 * its exchanges back ({@link #holdBack}) until the rules' thread {@linkplain #release releases} them
 * where it would have sent them itself, so that the record's order is that of a run on one thread.
 */
public final class KitHttp {

    /** How long the kit waits for each answer. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI baseUrl;
    private final Credentials credentials;
    private final Clock clock;
    private final HttpClient client;
    private final List<Exchange> recorded = Collections.synchronizedList(new ArrayList<>());
    /** The exchanges held back from the record on the current thread, while it runs {@link #holdBack}'s work. */
    private final ThreadLocal<List<Exchange>> heldBack = new ThreadLocal<>();

    public KitHttp(URI baseUrl, Credentials credentials, Clock clock) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.clock = clock;
        this.client = ClientBuilders.forBaseUrl(baseUrl)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The credentials the kit sends with {@link #send}. */
    public Credentials credentials() {
        return credentials;
    }

    /** The base URL requests go to. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The clock used for signing dates. */
    public Clock clock() {
        return clock;
    }

    /** Sends the request with the configured credentials. */
    public Exchange send(RawRequest request) {
        URI uri = uriOf(request.path());
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.putAll(credentials.authenticate(
                new SignableRequest(request.method(), uri, request.headers(), request.body()), clock.instant()));
        return exchange(request, uri, headers);
    }

    /**
     * Sends the request with the configured credentials, an AK/SK signature covering every header of
     * the request, {@code Content-Type} included, as the official Node.js SDK signs (the Java SDK and
     * {@link #send} leave {@code Content-Type} out). A verifier that follows the request's {@code
     * SignedHeaders} accepts both; one that never signs {@code Content-Type} refuses this one. Tokens
     * and no credentials as {@link #send}.
     */
    public Exchange sendSigningEveryHeader(RawRequest request) {
        if (!(credentials instanceof AkSkCredentials akSk)) {
            return send(request);
        }
        URI uri = uriOf(request.path());
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        // The shared signer signs exactly the headers it is given: here all of them.
        headers.putAll(new SdkSigner(akSk.accessKey(), akSk.secretKey())
                .sign(request.method(), uri, request.headers(), request.body(), clock.instant()));
        return exchange(request, uri, headers);
    }

    /** Sends the request exactly as given, without credentials. */
    public Exchange sendUnauthenticated(RawRequest request) {
        return exchange(request, uriOf(request.path()), request.headers());
    }

    /** Every exchange so far, in order. */
    public List<Exchange> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * Runs the work on this thread with every exchange it sends held back from the record, and returns
     * them with its value (or with what it threw): for {@link #release} on the rules' thread.
     */
    public <T> HeldBack<T> holdBack(Supplier<T> work) {
        List<Exchange> held = new ArrayList<>();
        heldBack.set(held);
        try {
            return new HeldBack<>(work.get(), null, held);
        } catch (RuntimeException | Error e) {
            return new HeldBack<>(null, e, held);
        } finally {
            heldBack.remove();
        }
    }

    /**
     * Records the exchanges held back, as if sent now, then gives the work's value, or throws what it
     * threw.
     */
    public <T> T release(HeldBack<T> held) {
        recorded.addAll(held.exchanges());
        if (held.failure() instanceof RuntimeException e) {
            throw e;
        }
        if (held.failure() instanceof Error e) {
            throw e;
        }
        return held.value();
    }

    /**
     * What {@link #holdBack}'s work gave: its value or what it threw, and the exchanges it sent, in
     * order.
     */
    public record HeldBack<T>(T value, Throwable failure, List<Exchange> exchanges) {}

    /** The full URI of a path under the base URL. */
    public URI uriOf(String path) {
        return URI.create(baseUrl + path);
    }

    /**
     * Sends several requests at once, each with the configured credentials when {@code authenticate}
     * says so, and returns their exchanges in the order given (also the order they are recorded in).
     * For requests whose order does not matter, such as the refusals of one rule, which change nothing
     * on a conforming target: over HTTP/1.1 each goes on its own connection.
     */
    public List<Exchange> sendAll(List<RawRequest> requests, boolean authenticate) {
        List<Outgoing> outgoing = new ArrayList<>();
        for (RawRequest request : requests) {
            URI uri = uriOf(request.path());
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            if (authenticate) {
                headers.putAll(credentials.authenticate(
                        new SignableRequest(request.method(), uri, request.headers(), request.body()),
                        clock.instant()));
            }
            outgoing.add(new Outgoing(request, uri, headers, clock.instant()));
        }
        List<CompletableFuture<HttpResponse<byte[]>>> responses = outgoing.stream()
                .map(out -> client.sendAsync(out.httpRequest(), HttpResponse.BodyHandlers.ofByteArray()))
                .toList();
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < outgoing.size(); i++) {
            Exchange exchange;
            try {
                exchange = outgoing.get(i).answered(responses.get(i).join(), clock.instant());
            } catch (CompletionException e) {
                exchange = outgoing.get(i).failed(e.getCause(), clock.instant());
            }
            record(exchange);
            exchanges.add(exchange);
        }
        return List.copyOf(exchanges);
    }

    private Exchange exchange(RawRequest request, URI uri, Map<String, String> headers) {
        Outgoing out = new Outgoing(request, uri, headers, clock.instant());
        Exchange exchange;
        try {
            exchange = out.answered(
                    client.send(out.httpRequest(), HttpResponse.BodyHandlers.ofByteArray()), clock.instant());
        } catch (IOException e) {
            exchange = out.failed(e, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange = out.failed(e, clock.instant());
        }
        record(exchange);
        return exchange;
    }

    private void record(Exchange exchange) {
        List<Exchange> held = heldBack.get();
        if (held != null) {
            held.add(exchange);
        } else {
            recorded.add(exchange);
        }
    }

    /** One request on its way: what goes on the wire, and how what comes back becomes an {@link Exchange}. */
    private record Outgoing(RawRequest request, URI uri, Map<String, String> headers, Instant start) {

        boolean chunked() {
            return request.chunked() && request.body().length > 0;
        }

        HttpRequest httpRequest() {
            byte[] body = request.body();
            HttpRequest.BodyPublisher publisher;
            if (body.length == 0) {
                publisher = HttpRequest.BodyPublishers.noBody();
            } else if (chunked()) {
                // A body of unknown length goes out chunked over HTTP/1.1, without Content-Length.
                publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
            } else {
                publisher = HttpRequest.BodyPublishers.ofByteArray(body);
            }
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).method(request.method(), publisher);
            headers.forEach(builder::header);
            return builder.build();
        }

        Exchange answered(HttpResponse<byte[]> response, Instant end) {
            Map<String, List<String>> responseHeaders = new TreeMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) -> responseHeaders.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            return new Exchange(
                    request.method(),
                    uri,
                    Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                    request.body(),
                    chunked(),
                    response.statusCode(),
                    Collections.unmodifiableMap(responseHeaders),
                    response.body(),
                    Duration.between(start, end),
                    null,
                    request.operation());
        }

        Exchange failed(Throwable cause, Instant end) {
            String reason;
            if (cause instanceof HttpTimeoutException) {
                reason = "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
            } else if (cause instanceof ConnectException) {
                reason = "connection refused by " + uri.getAuthority();
            } else if (cause instanceof InterruptedException) {
                reason = "interrupted";
            } else {
                reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            return new Exchange(
                    request.method(),
                    uri,
                    Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                    request.body(),
                    chunked(),
                    0,
                    Map.of(),
                    new byte[0],
                    Duration.between(start, end),
                    reason,
                    request.operation());
        }
    }
}
