package io.offsetkit.server.readme;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A README's {@code curl} command, read as curl reads the options the READMEs use ({@code -s}, {@code
 * -S}, {@code -X}, {@code -H}, {@code -d}, a URL with or without its scheme) and sent with the JDK's
 * HTTP client. An option curl has but this class does not know fails the test, so a README cannot
 * use one unchecked.
 *
 * @param method {@code -X}, else POST with a body and GET without
 * @param url the URL as written, with {@code http://} added when it has no scheme
 * @param headers each {@code -H}, as written
 * @param body {@code -d}, or null
 */
record CurlCommand(String method, String url, List<String> headers, String body) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Reads a command's words ({@code curl} first). */
    static CurlCommand of(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            throw new IllegalArgumentException("not a curl command: " + words);
        }
        String method = null;
        String url = null;
        List<String> headers = new ArrayList<>();
        String body = null;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s", "-S", "-sS", "-Ss" -> {
                    // silent, show errors: what is printed, not what is sent
                }
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(words.get(++i));
                case "-d" -> body = words.get(++i);
                default -> {
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException(
                                "curl option " + word + " is not one this check knows: " + words);
                    }
                    if (url != null) {
                        throw new IllegalArgumentException("curl is given two URLs: " + words);
                    }
                    url = word.contains("://") ? word : "http://" + word;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("curl is given no URL: " + words);
        }
        return new CurlCommand(method != null ? method : body != null ? "POST" : "GET", url, headers, body);
    }

    /** The URL's path and query. */
    String pathAndQuery() {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The URL's host and port, as written ({@code localhost:8080}). */
    String authority() {
        return URI.create(url).getRawAuthority();
    }

    /** Sends the request to {@code baseUrl} instead of the URL's own host and port; returns the answer. */
    HttpResponse<String> sendTo(String baseUrl) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery()))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (String header : headers) {
            int colon = header.indexOf(':');
            request.header(
                    header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
