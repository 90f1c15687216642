package io.offsetkit.server.emulator.junit;

import io.offsetkit.server.emulator.OffsetkitEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The reset as any HTTP client sends it, to an emulator without authentication or with its token. */
final class EmulatorHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private EmulatorHttp() {}

    static int reset(OffsetkitEmulator emulator, String group, String topic, long timestamp, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v2/rocketmq/"
                        + emulator.projectId() + "/instances/" + emulator.instanceId() + "/groups/" + group
                        + "/reset-message-offset"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"topic\":\"" + topic + "\",\"timestamp\":" + timestamp + "}"));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("the reset could not be sent to " + emulator.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
