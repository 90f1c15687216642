package io.offsetkit.server.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP calls of an emulator, as any client makes them. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    /** The documented reset, of {@code group} on {@code topic} to {@code timestamp}, on the newer route. */
    public static HttpResponse<String> reset(
            RunningEmulator emulator, String group, String topic, long timestamp, Map<String, String> headers) {
        String path = "/v2/rocketmq/" + emulator.projectId() + "/instances/" + emulator.instanceId() + "/groups/"
                + group + "/reset-message-offset";
        return send(
                emulator.baseUrl(),
                "POST",
                path,
                "{\"topic\":\"" + topic + "\",\"timestamp\":" + timestamp + "}",
                headers);
    }

    public static HttpResponse<String> send(
            String baseUrl, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
