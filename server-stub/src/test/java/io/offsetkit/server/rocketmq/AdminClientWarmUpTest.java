package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backend starts each cluster's admin client as it opens, not on the first request: on a busy
 * machine that start (RocketMQ's client classes and threads) can outlast a request's whole budget, and
 * the first reset after a server's start was answered 500 for it.
 */
class AdminClientWarmUpTest {

    @Test
    void theBackendReachesForItsNameServerAsItOpensBeforeAnyRequest() throws IOException {
        // GIVEN a socket standing in for the instance's name server
        try (ServerSocket nameServer = new ServerSocket(0)) {
            nameServer.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            RocketMqProperties properties = new RocketMqProperties(
                    List.of(new RocketMqProperties.Instance(
                            "warm", null, "127.0.0.1:" + nameServer.getLocalPort(), null, null)),
                    Duration.ofSeconds(2));

            // WHEN the backend opens, and no request is made
            try (RocketMqOffsetBackend backend = new RocketMqOffsetBackend(properties);
                    // THEN the name server is connected to all the same (accept fails after 20 s if not)
                    Socket connection = nameServer.accept()) {
                // AND asked something: the admin client's first request (the cluster's brokers)
                connection.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
                assertThat(connection.getInputStream().read())
                        .as("the first byte of a request, not the end of the stream")
                        .isNotNegative();
            }
        }
    }
}
