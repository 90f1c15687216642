package io.offsetkit.server.rocketmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider;
import org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A real Apache RocketMQ cluster inside the test JVM: one name server and one master broker per
 * name given, each on a port the kernel picks, on loopback, with its store in a directory of the
 * test's own and small files (a 4 MiB commit log and consume queues of 10,000 entries, no timer
 * wheel), so that a cluster starts in a second or two and takes little disk.
 *
 * <p>Topics are not created automatically (a reset of an unknown topic must be refused); consumer
 * groups are, as brokers do by default when a consumer first connects.
 *
 * <p>Shared with the conformance kit's tests through this module's test jar.
 */
public final class InProcessRocketMq implements AutoCloseable {

    /** The cluster name every broker registers under. */
    public static final String CLUSTER = "offsetkit-test-cluster";

    private static final Duration REGISTRATION_WAIT = Duration.ofSeconds(60);

    private final org.apache.rocketmq.namesrv.NamesrvController nameServer;
    private final Map<String, BrokerController> brokers = new LinkedHashMap<>();
    private final Map<String, Stall> stalls = new LinkedHashMap<>();

    private InProcessRocketMq(org.apache.rocketmq.namesrv.NamesrvController nameServer) {
        this.nameServer = nameServer;
    }

    /**
     * Starts a name server and one broker per name, and returns once every broker has registered.
     *
     * @param directory an empty directory the cluster may fill (the test's temporary directory)
     * @param brokerNames the brokers' names, at least one
     */
    public static InProcessRocketMq start(Path directory, String... brokerNames) throws Exception {
        return start(directory, (name, config) -> {}, brokerNames);
    }

    /**
     * Starts a name server and one broker per name, each broker's settings first passed to {@code
     * tune} (to start a broker without the server-side reset of offsets, say).
     */
    public static InProcessRocketMq start(Path directory, BiConsumer<String, BrokerConfig> tune, String... brokerNames)
            throws Exception {
        return start(directory, tune, null, brokerNames);
    }

    /**
     * Starts a name server and brokers that accept only requests signed with the given access key
     * and secret key (RocketMQ's ACL, authentication on, authorization off). The key pair is a
     * super user, and the brokers' own client uses it too.
     */
    public static InProcessRocketMq startWithAcl(
            Path directory, String accessKey, String secretKey, String... brokerNames) throws Exception {
        return start(directory, (name, config) -> {}, new String[] {accessKey, secretKey}, brokerNames);
    }

    private static InProcessRocketMq start(
            Path directory, BiConsumer<String, BrokerConfig> tune, String[] credentials, String... brokerNames)
            throws Exception {
        if (brokerNames.length == 0) {
            throw new IllegalArgumentException("at least one broker");
        }
        // RocketMQ's client and broker write their own log files under this root, not the user's home.
        System.setProperty("rocketmq.client.logRoot", directory.resolve("logs").toString());
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(directory.resolve("namesrv/kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(
                directory.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig nameServerNetty = new NettyServerConfig();
        nameServerNetty.setListenPort(0);
        nameServerNetty.setBindAddress("127.0.0.1");
        var nameServer = new org.apache.rocketmq.namesrv.NamesrvController(namesrvConfig, nameServerNetty);
        if (!nameServer.initialize()) {
            throw new IllegalStateException("the name server did not initialise");
        }
        nameServer.start();
        InProcessRocketMq cluster = new InProcessRocketMq(nameServer);
        try {
            for (String name : brokerNames) {
                Stall stall = new Stall();
                cluster.stalls.put(name, stall);
                cluster.brokers.put(
                        name,
                        startBroker(directory.resolve(name), name, cluster.nameServer(), tune, credentials, stall));
            }
            cluster.awaitRegistration(REGISTRATION_WAIT);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static BrokerController startBroker(
            Path directory,
            String name,
            String nameServerAddress,
            BiConsumer<String, BrokerConfig> tune,
            String[] credentials,
            Stall stall)
            throws Exception {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName(name);
        config.setBrokerClusterName(CLUSTER);
        config.setBrokerIP1("127.0.0.1");
        config.setNamesrvAddr(nameServerAddress);
        config.setAutoCreateTopicEnable(false);
        config.setAutoCreateSubscriptionGroup(true);
        tune.accept(name, config);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(directory.toString());
        store.setStorePathCommitLog(directory.resolve("commitlog").toString());
        store.setMappedFileSizeCommitLog(4 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(10_000 * 20);
        store.setTimerWheelEnable(false);
        store.setHaListenPort(0);
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(0);
        server.setBindAddress("127.0.0.1");
        BrokerController broker = credentials == null
                ? new BrokerController(config, server, new NettyClientConfig(), store)
                : new BrokerController(
                        config, server, new NettyClientConfig(), store, authentication(directory, credentials));
        if (!broker.initialize()) {
            throw new IllegalStateException("the broker " + name + " did not initialise");
        }
        broker.registerServerRPCHook(stall);
        broker.start();
        return broker;
    }

    private static AuthConfig authentication(Path directory, String[] credentials) {
        AuthConfig auth = new AuthConfig();
        auth.setConfigName("offsetkit-test-" + directory.getFileName());
        auth.setClusterName(CLUSTER);
        auth.setAuthConfigPath(directory.resolve("auth").toString());
        auth.setAuthenticationEnabled(true);
        auth.setAuthenticationProvider(DefaultAuthenticationProvider.class.getName());
        auth.setAuthenticationMetadataProvider(LocalAuthenticationMetadataProvider.class.getName());
        String user = "{\"username\":\"" + credentials[0] + "\",\"password\":\"" + credentials[1] + "\"}";
        auth.setInitAuthenticationUser(user);
        auth.setInnerClientAuthenticationCredentials(
                "{\"accessKey\":\"" + credentials[0] + "\",\"secretKey\":\"" + credentials[1] + "\"}");
        return auth;
    }

    /**
     * Makes the broker hang, as a broker paused by the operating system or stuck in a long garbage
     * collection does: from now on it takes every request and answers none, until the returned handle
     * is closed; then it processes what it took, late, and answers again.
     */
    public AutoCloseable hang(String brokerName) {
        broker(brokerName);
        Stall stall = stalls.get(brokerName);
        CountDownLatch gate = new CountDownLatch(1);
        stall.gate = gate;
        return () -> {
            stall.gate = null;
            gate.countDown();
        };
    }

    /** Waits until the name server lists every broker with its master address. */
    private void awaitRegistration(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var registered =
                    nameServer.getRouteInfoManager().getAllClusterInfo().getBrokerAddrTable();
            boolean all = brokers.keySet().stream()
                    .allMatch(name -> registered.containsKey(name)
                            && registered.get(name).getBrokerAddrs().containsKey(MixAll.MASTER_ID));
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the brokers " + brokers.keySet() + " did not all register with the"
                        + " name server within " + wait + "; registered: " + registered.keySet());
            }
            Thread.sleep(20);
        }
    }

    /** A broker's hook that holds every request it is given while a gate is set ({@link #hang}). */
    private static final class Stall implements RPCHook {

        volatile CountDownLatch gate;

        @Override
        public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            CountDownLatch current = gate;
            if (current != null) {
                try {
                    current.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {}
    }

    /** The name server's address, {@code 127.0.0.1:port}. */
    public String nameServer() {
        return "127.0.0.1:" + nameServer.getNettyServerConfig().getListenPort();
    }

    /** The brokers' names, in the order given to {@link #start}. */
    public List<String> brokerNames() {
        return new ArrayList<>(brokers.keySet());
    }

    /** A broker's address, {@code 127.0.0.1:port}. */
    public String brokerAddress(String brokerName) {
        return broker(brokerName).getBrokerAddr();
    }

    /** A broker itself, for what only the broker can tell (its store). */
    public BrokerController broker(String brokerName) {
        BrokerController broker = brokers.get(brokerName);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + brokerName + " in " + brokers.keySet());
        }
        return broker;
    }

    /**
     * Stops every broker (unregistering it), then the name server. A broker's shutdown waits for each
     * of its service threads in turn (about ten seconds), so the brokers stop in parallel.
     */
    @Override
    public void close() {
        for (Stall stall : stalls.values()) { // a hung broker would never finish its shutdown
            CountDownLatch gate = stall.gate;
            stall.gate = null;
            if (gate != null) {
                gate.countDown();
            }
        }
        List<Thread> stopping = new ArrayList<>();
        for (BrokerController broker : brokers.values()) {
            Thread thread = new Thread(
                    broker::shutdown, "stop-" + broker.getBrokerConfig().getBrokerName());
            thread.start();
            stopping.add(thread);
        }
        try {
            for (Thread thread : stopping) {
                thread.join(60_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            nameServer.shutdown();
        }
    }
}
