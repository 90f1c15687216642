package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that takes the connection and the request and never answers: the reset on it ends after
 * the request timeout, with a reason that says so, instead of hanging.
 */
class SilentBrokerTest {

    ServerSocket silent;
    ExecutorService acceptor = Executors.newSingleThreadExecutor();
    List<Socket> accepted = new ArrayList<>();
    RocketMqCluster cluster;

    @BeforeEach
    void listenAndNeverAnswer() throws IOException {
        silent = new ServerSocket(0);
        acceptor.submit(() -> {
            while (!silent.isClosed()) {
                try {
                    Socket socket = silent.accept();
                    accepted.add(socket);
                    InputStream in = socket.getInputStream();
                    while (in.read() >= 0) {
                        // read the request, answer nothing
                    }
                } catch (IOException closed) {
                    return null;
                }
            }
            return null;
        });
        cluster = new RocketMqCluster(
                new RocketMqProperties.Instance("silent", null, "127.0.0.1:" + silent.getLocalPort(), null, null), 700);
    }

    @AfterEach
    void stop() throws IOException {
        cluster.close();
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
        acceptor.shutdownNow();
    }

    @Test
    void aBrokerThatNeverAnswersFailsTheResetAfterTheRequestTimeout() {
        // WHEN a broker that never answers is asked to reset
        long start = System.nanoTime();
        BrokerOutcome outcome = new BrokerReset(
                        cluster, "broker-x", "127.0.0.1:" + silent.getLocalPort(), 1, "topic_01", "group_01", 0)
                .apply(Deadline.in(700));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // THEN the outcome is a failure that says the broker did not answer in time, after about the timeout
        assertThat(outcome).isInstanceOf(BrokerOutcome.Failed.class);
        assertThat(((BrokerOutcome.Failed) outcome).reason())
                .isEqualTo(
                        "the broker 'broker-x' (127.0.0.1:" + silent.getLocalPort() + ") did not answer within 700 ms");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aNameServerThatNeverAnswersFailsTheRouteLookupAfterTheRequestTimeout() {
        // WHEN the topic's route is asked of a name server that never answers
        // THEN the call fails, saying the name server did not answer in time
        assertThatThrownBy(() -> cluster.route("topic_01", Deadline.in(700)))
                .isInstanceOf(RocketMqCallException.class)
                .hasMessage("the name server 127.0.0.1:" + silent.getLocalPort() + " did not answer within 700 ms");
    }
}
