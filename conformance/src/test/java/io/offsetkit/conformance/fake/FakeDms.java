package io.offsetkit.conformance.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.QueueRef;
import io.offsetkit.signing.SdkAuthorization;
import io.offsetkit.signing.SdkDate;
import io.offsetkit.signing.SdkHmacSha256;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small, independent, in-memory implementation of the reset API for the kit's own tests: correct
 * by default (the kit passes every rule against it), and broken on purpose by any set of {@link
 * Defect}s. A real HTTP server on a loopback port chosen by the system; AK/SK authentication when
 * started with {@link #withAkSk}; a {@link Fixture} over the same store.
 *
 * <p>It holds the documented example's data: project, instance, group {@code group_01} and topic
 * {@code topic_01} with one queue, {@code broker-1/0}, whose first message is stored at the
 * documented time.
 */
public final class FakeDms implements AutoCloseable {

    public static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    public static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    public static final String GROUP = "group_01";
    public static final String TOPIC = "topic_01";
    /** A second group of the instance, which has consumed nothing yet. */
    public static final String OTHER_GROUP = "group_02";
    /** The AK/SK pair that authenticates but may not reset (with {@link #withAkSk}). */
    public static final String READ_ONLY_AK = "FAKEREADONLYKEY";

    public static final String READ_ONLY_SK = "fake-read-only-secret-key";
    /** The token the fake knows as expired. */
    public static final String EXPIRED_TOKEN = "fake-expired-token";
    /** The token the fake knows as another project's. */
    public static final String OTHER_PROJECT_TOKEN = "fake-other-project-token";

    static final long DOCUMENTED_TIME = 1_662_652_800_000L;
    static final List<String> BROKERS = List.of("broker-1", "broker-2");

    private static final Pattern MAIN_ROUTE =
            Pattern.compile("^/v2/([^/]+)/([^/]+)/instances/([^/]+)/groups/([^/]+)/reset-message-offset$");
    private static final Pattern OLDER_ROUTE =
            Pattern.compile("^/v2/([^/]+)/rocketmq/instances/([^/]+)/groups/([^/]+)/reset-message-offset$");
    private static final Pattern GROUP_TOPICS_ROUTE =
            Pattern.compile("^/v2/([^/]+)/instances/([^/]+)/groups/([^/]+)/topics$");
    private static final Pattern TOPIC_STATUS_ROUTE =
            Pattern.compile("^/v2/([^/]+)/instances/([^/]+)/topics/([^/]+)/status$");
    private static final Pattern CONSUMERS_ROUTE =
            Pattern.compile("^/v2/rocketmq/([^/]+)/instances/([^/]+)/groups/([^/]+)/clients$");
    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,10}$");
    /** The consumers of the documented group: two, so that a page of one has a next page. */
    static final List<String> CLIENTS = List.of("192.168.0.10@4711#1662652800000", "192.168.0.11@4712#1662652800000");

    private static final Pattern TIMESTAMP_STRING = Pattern.compile("^(-1|[0-9]{1,19})$");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    private static final JsonMapper JSON = JsonMapper.shared();

    static {
        // Headers and body go out in two writes; without TCP_NODELAY each exchange waits ~40 ms for
        // the delayed ACK, which makes a kit run ten times slower than the kit itself.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Set<Defect> defects;
    private final String accessKey;
    private final String secretKey;
    /** The one token accepted, in token mode; null when the fake checks AK/SK signatures or nothing. */
    private final String token;

    private final HttpServer server;
    private final Map<String, Topic> topics = new HashMap<>();
    private final Set<String> groups = new HashSet<>();
    private final Set<String> offlineGroups = new HashSet<>();
    /** The group-and-topic keys whose next reset fails, as the fixture induced it. */
    private final Set<String> failNextReset = new HashSet<>();

    private final Map<String, Long> committed = new HashMap<>();
    private String previousRequest;

    private static final class Topic {
        final boolean madeByFixture;
        final TreeMap<String, TreeMap<Integer, Queue>> brokers = new TreeMap<>();

        Topic(boolean madeByFixture) {
            this.madeByFixture = madeByFixture;
        }
    }

    private static final class Queue {
        long first;
        final List<Long> times = new ArrayList<>();

        long max() {
            return first + times.size();
        }
    }

    private record Answer(String broker, int queueId, long offset) {}

    private record Failure(int status, String code, String message) {}

    private static final class Refused extends RuntimeException {
        final Failure failure;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.failure = new Failure(status, code, message);
        }
    }

    private FakeDms(Set<Defect> defects, String accessKey, String secretKey, String token) throws IOException {
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.token = token;
        Topic documented = new Topic(false);
        Queue queue = new Queue();
        if (has(Defect.DOCUMENTED_DATA_DIFFERENT)) {
            queue.times.addAll(List.of(DOCUMENTED_TIME - 1000, DOCUMENTED_TIME + 1000));
        } else {
            queue.times.addAll(List.of(DOCUMENTED_TIME, DOCUMENTED_TIME + 1000, DOCUMENTED_TIME + 2000));
        }
        documented.brokers.computeIfAbsent("broker-1", b -> new TreeMap<>()).put(0, queue);
        topics.put(TOPIC, documented);
        groups.add(GROUP);
        groups.add(OTHER_GROUP);
        // the documented group has consumed topic_01's first two messages: its progress is readable from the start
        committed.put(committedKey(GROUP, TOPIC, "broker-1", 0), 2L);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A correct implementation, or one with the given defects, without authentication. */
    public static FakeDms start(Defect... defects) throws IOException {
        return new FakeDms(Set.of(defects), null, null, null);
    }

    /** The same, accepting one IAM token (X-Auth-Token) and no signature. */
    public static FakeDms withToken(String token, Defect... defects) throws IOException {
        return new FakeDms(Set.of(defects), null, null, token);
    }

    /** The same, checking AK/SK signatures made with the given key pair. */
    public static FakeDms withAkSk(String accessKey, String secretKey, Defect... defects) throws IOException {
        return new FakeDms(Set.of(defects), accessKey, secretKey, null);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The fixture over this server's store. */
    public Fixture fixture() {
        return new FakeFixture();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private boolean has(Defect defect) {
        return defects.contains(defect);
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // read whole either way: a server that reads Content-Length bytes only sees none of a chunked body
            String requestId = has(Defect.CONSTANT_REQUEST_ID)
                    ? "offsetkit-fake-request"
                    : HexFormat.of()
                            .formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
            if (has(Defect.CHUNKED_BODY_IGNORED)
                    && "chunked".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Transfer-Encoding"))) {
                body = new byte[0];
            }
            try {
                Optional<String> read = read(exchange);
                boolean chunked =
                        "chunked".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
                String answer = read.isPresent()
                        ? read.get()
                        : answersJson(
                                reset(exchange, body),
                                has(Defect.NUMBERS_AS_STRINGS)
                                        || (chunked && has(Defect.CHUNKED_ANSWER_NUMBERS_AS_STRINGS)));
                respond(
                        exchange,
                        requestId,
                        200,
                        answer,
                        has(Defect.TEXT_PLAIN_CONTENT_TYPE) ? "text/plain" : "application/json");
            } catch (Refused refused) {
                Failure failure = refused.failure;
                ObjectNode error = JSON.createObjectNode();
                error.put(has(Defect.ERROR_BODY_WRONG_SHAPE) ? "code" : "error_code", failure.code());
                error.put(
                        has(Defect.ERROR_BODY_WRONG_SHAPE) ? "message" : "error_msg",
                        has(Defect.ERROR_MESSAGE_SAYS_NOTHING) ? reasonPhrase(failure.status()) : failure.message());
                respond(
                        exchange,
                        has(Defect.NO_REQUEST_ID_ON_ERRORS) ? null : requestId,
                        failure.status(),
                        JSON.writeValueAsString(error),
                        "application/json");
            }
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, String requestId, int status, String body, String type)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private synchronized List<Answer> reset(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getRawPath();
        Matcher main = MAIN_ROUTE.matcher(path);
        Matcher older = OLDER_ROUTE.matcher(path);
        String engine;
        String project;
        String instance;
        String group;
        if (older.matches()) {
            if (has(Defect.OLDER_ROUTE_MISSING)) {
                throw new Refused(404, "DMS.00404001", "The requested URL does not exist.");
            }
            engine = "rocketmq";
            project = segment(older.group(1));
            instance = segment(older.group(2));
            group = segment(older.group(3));
        } else if (main.matches()) {
            engine = segment(main.group(1));
            project = segment(main.group(2));
            instance = segment(main.group(3));
            group = segment(main.group(4));
        } else if (has(Defect.UNKNOWN_ROUTE_IS_500)) {
            throw new Refused(500, "DMS.00500000", "Internal service error.");
        } else {
            throw new Refused(404, "DMS.00404001", "The requested URL does not exist.");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            throw has(Defect.WRONG_METHOD_IS_404)
                    ? new Refused(404, "DMS.00404001", "The requested URL does not exist.")
                    : new Refused(405, "DMS.00405001", "This request method is not allowed.");
        }
        if (!has(Defect.AUTHENTICATED_AFTER_RESET)
                && authenticate(exchange, body)
                && !has(Defect.READ_ONLY_MAY_RESET)) {
            throw new Refused(403, "DMS.00403007", "Authorization denied.");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (has(Defect.CHARSET_REFUSED) && contentType != null && !contentType.equals("application/json")) {
            throw new Refused(400, "DMS.00400800", "Invalid request parameter: Content-Type must be application/json");
        }
        if (has(Defect.ENGINE_CASE_IGNORED)) {
            engine = engine.toLowerCase(Locale.ROOT);
        }
        boolean engineKnown =
                engine.equals("rocketmq") || (engine.equals("reliability") && !has(Defect.ALIAS_NOT_HONOURED));
        if (!engineKnown && !has(Defect.UNKNOWN_ENGINE_ACCEPTED)) {
            throw new Refused(400, "DMS.00400800", "Invalid request parameter: engine " + engine);
        }
        if (!project.equals(PROJECT) || !instance.equals(INSTANCE)) {
            throw has(Defect.UNKNOWN_INSTANCE_IS_500)
                    ? new Refused(500, "DMS.00500000", "Internal service error.")
                    : new Refused(404, "DMS.00404022", "This instance does not exist.");
        }
        JsonNode request = readBody(body);
        String topicName = request.path("topic").asString();
        long timestamp = timestamp(request);
        if (has(Defect.NAMES_LIMITED_TO_64) && (group.length() > 64 || topicName.length() > 64)) {
            throw new Refused(400, "DMS.00400800", "Invalid request parameter: names have 1 to 64 characters.");
        }
        if (!groups.contains(group)) {
            if (!has(Defect.UNKNOWN_GROUP_CREATED)) {
                throw new Refused(404, "DMS.10240405", "The consumption group ID is incorrect or not found.");
            }
            groups.add(group);
        }
        if (offlineGroups.contains(group) && !has(Defect.OFFLINE_GROUP_RESET)) {
            throw new Refused(400, "DMS.50050004", "The consumer group is offline.");
        }
        Topic topic = topics.get(topicName);
        if (topic == null) {
            if (has(Defect.UNKNOWN_TOPIC_IS_EMPTY_ANSWER)) {
                return List.of();
            }
            throw new Refused(400, "DMS.00400876", "The topic does not exist.");
        }
        if (failNextReset.remove(group + "|" + topicName)) {
            throw has(Defect.INTERNAL_ERROR_UNDOCUMENTED)
                    ? new Refused(503, "STORE.0001", "The store failed to complete the reset.")
                    : new Refused(500, "DMS.00500000", "Internal service error.");
        }
        String requestKey = path + "|" + new String(body, StandardCharsets.UTF_8);
        boolean repeated = requestKey.equals(previousRequest);
        previousRequest = requestKey;
        List<Answer> answers = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Queue>> broker : topic.brokers.entrySet()) {
            if (topic.madeByFixture
                    && has(Defect.SECOND_BROKER_IGNORED)
                    && !broker.getKey().equals(topic.brokers.firstKey())) {
                continue;
            }
            for (Map.Entry<Integer, Queue> queue : broker.getValue().entrySet()) {
                if (topic.madeByFixture
                        && has(Defect.EMPTY_QUEUE_OMITTED)
                        && queue.getValue().times.isEmpty()) {
                    continue;
                }
                long offset =
                        lookup(topic, queue.getValue(), timestamp) + (repeated && has(Defect.REPEAT_MOVES_ON) ? 1 : 0);
                answers.add(new Answer(broker.getKey(), queue.getKey(), offset));
                if (!has(Defect.NOT_COMMITTED)) {
                    String key = committedKey(
                            has(Defect.COMMITS_ELSEWHERE) ? group + "_shadow" : group,
                            topicName,
                            broker.getKey(),
                            queue.getKey());
                    // the defect is in the answer only: what is committed stays a real offset
                    long stored = has(Defect.NEGATIVE_OFFSET_AT_ZERO) ? Math.max(0, offset) : offset;
                    if (has(Defect.COMMIT_ONLY_FORWARD)) {
                        committed.merge(key, stored, Math::max);
                    } else {
                        committed.put(key, stored);
                    }
                }
            }
        }
        if (has(Defect.FIRST_QUEUE_DUPLICATED) && !answers.isEmpty()) {
            answers.add(answers.get(0));
        }
        if (has(Defect.FOREIGN_QUEUE_IN_FUTURE) && timestamp > System.currentTimeMillis()) {
            answers.add(new Answer("broker-9", 7, 0));
        }
        if (has(Defect.AUTHENTICATED_AFTER_RESET) && authenticate(exchange, body)) {
            throw new Refused(403, "DMS.00403007", "Authorization denied.");
        }
        return has(Defect.EMPTY_QUEUES) ? List.of() : answers;
    }

    /**
     * The three reads, when the path is one of theirs: the answer's JSON; empty for any other path
     * (the reset's, or none).
     */
    private synchronized Optional<String> read(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        Matcher groupTopics = GROUP_TOPICS_ROUTE.matcher(path);
        Matcher topicStatus = TOPIC_STATUS_ROUTE.matcher(path);
        Matcher consumers = CONSUMERS_ROUTE.matcher(path);
        Matcher route = groupTopics.matches()
                ? groupTopics
                : topicStatus.matches() ? topicStatus : consumers.matches() ? consumers : null;
        if (route == null) {
            return Optional.empty();
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            throw has(Defect.READ_WRONG_METHOD_IS_404)
                    ? new Refused(404, "DMS.00404001", "The requested URL does not exist.")
                    : new Refused(405, "DMS.00405001", "This request method is not allowed.");
        }
        if (!has(Defect.READS_UNAUTHENTICATED)) {
            authenticate(exchange, new byte[0]);
        }
        if (has(Defect.GET_WITH_CONTENT_TYPE_REFUSED)
                && exchange.getRequestHeaders().containsKey("Content-Type")) {
            throw new Refused(400, "DMS.00400800", "Invalid request parameter: a GET carries no Content-Type.");
        }
        if (!segment(route.group(1)).equals(PROJECT) || !segment(route.group(2)).equals(INSTANCE)) {
            throw new Refused(404, "DMS.00404022", "This instance does not exist.");
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String name = segment(route.group(3));
        if (route == topicStatus) {
            return Optional.of(topicStatus(name));
        }
        if (!groups.contains(name)) {
            if (route == consumers && has(Defect.READ_UNKNOWN_GROUP_EMPTY)) {
                return Optional.of(consumers(name, List.of(), query));
            }
            throw new Refused(404, "DMS.10240405", "The consumption group ID is incorrect or not found: " + name);
        }
        if (route == consumers) {
            return Optional.of(consumers(name, name.equals(GROUP) ? CLIENTS : List.of(), query));
        }
        String topic = query.get("topic");
        Page page = page(query);
        if (topic == null) {
            List<String> consumed = new ArrayList<>();
            topics.keySet().stream()
                    .sorted()
                    .filter(t -> committed.keySet().stream().anyMatch(key -> key.startsWith(committedPrefix(name, t))))
                    .forEach(consumed::add);
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode listed = answer.putArray("topics");
            consumed.stream().skip(page.offset()).limit(page.limit()).forEach(listed::add);
            answer.put("total", consumed.size());
            return Optional.of(JSON.writeValueAsString(answer));
        }
        return Optional.of(progress(name, topic));
    }

    private record Page(int limit, int offset) {}

    private Page page(Map<String, String> query) {
        int limit = number(query, "limit", 10, 50, "DMS.10240042");
        if (limit < 1) {
            throw new Refused(
                    400, "DMS.00400800", "Invalid request parameter: limit must be an integer from 1 to 50; was 0");
        }
        return new Page(limit, number(query, "offset", 0, Integer.MAX_VALUE, "DMS.10240043"));
    }

    private int number(Map<String, String> query, String name, int fallback, long maximum, String tooLarge) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        if (has(Defect.LENIENT_QUERY_VALUES)) {
            try {
                value = (long) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new Refused(400, "DMS.00400800", "Invalid request parameter: " + name + " is not a number");
            }
        } else if (DECIMAL.matcher(text).matches()) {
            value = Long.parseLong(text);
        } else {
            throw new Refused(
                    400,
                    "DMS.00400800",
                    "Invalid request parameter: " + name + " must be a decimal integer; was " + text);
        }
        if (value < 0) {
            throw new Refused(400, "DMS.00400800", "Invalid request parameter: " + name + " is negative");
        }
        if (value > maximum) {
            throw new Refused(400, tooLarge, "Invalid request parameter: " + name + " above " + maximum);
        }
        return (int) value;
    }

    private String progress(String group, String topicName) {
        Topic topic = topics.get(topicName);
        if (topic == null) {
            throw new Refused(400, "DMS.00400876", "The topic does not exist: " + topicName);
        }
        boolean consumed = topic.brokers.entrySet().stream()
                .anyMatch(broker -> broker.getValue().keySet().stream()
                        .anyMatch(id -> committed.containsKey(committedKey(group, topicName, broker.getKey(), id))));
        if (!consumed) {
            throw new Refused(
                    404,
                    "DMS.10240405",
                    "The consumer group " + group + " has no consumer offset on topic " + topicName);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode brokers = JSON.createArrayNode();
        long lag = 0;
        long max = 0;
        long consumer = 0;
        for (Map.Entry<String, TreeMap<Integer, Queue>> broker : topic.brokers.entrySet()) {
            ObjectNode brokerNode = brokers.addObject();
            brokerNode.put("broker_name", broker.getKey());
            ArrayNode queues = brokerNode.putArray("queues");
            for (Map.Entry<Integer, Queue> entry : broker.getValue().entrySet()) {
                Queue queue = entry.getValue();
                String key = committedKey(group, topicName, broker.getKey(), entry.getKey());
                long offset = committed.getOrDefault(key, queue.first);
                long queueLag =
                        has(Defect.LAG_FROM_MIN_OFFSET) ? queue.max() - queue.first : Math.max(0, queue.max() - offset);
                ObjectNode node = queues.addObject();
                node.put("id", entry.getKey());
                node.put("lag", queueLag);
                node.put("broker_offset", queue.max());
                node.put("consumer_offset", offset);
                node.put("last_message_time", queue.times.isEmpty() ? 0 : queue.times.get(queue.times.size() - 1));
                lag += queueLag;
                max += queue.max();
                consumer += offset;
                if (has(Defect.READ_MOVES_OFFSETS)) {
                    committed.put(key, queue.max()); // a read that "consumes": it commits the broker offset
                }
            }
        }
        answer.put("lag", lag);
        answer.put("max_offset", max);
        answer.put("consumer_offset", consumer);
        answer.set("brokers", brokers);
        return JSON.writeValueAsString(answer);
    }

    private String topicStatus(String topicName) {
        Topic topic = topics.get(topicName);
        if (topic == null) {
            throw new Refused(400, "DMS.00400876", "The topic does not exist: " + topicName);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode brokers = JSON.createArrayNode();
        long min = 0;
        long max = 0;
        for (Map.Entry<String, TreeMap<Integer, Queue>> broker : topic.brokers.entrySet()) {
            ObjectNode brokerNode = brokers.addObject();
            brokerNode.put("broker_name", broker.getKey());
            ArrayNode queues = brokerNode.putArray("queues");
            for (Map.Entry<Integer, Queue> entry : broker.getValue().entrySet()) {
                Queue queue = entry.getValue();
                long queueMin = queue.first + (has(Defect.STATUS_MIN_OFFSET_OFF_BY_ONE) ? 1 : 0);
                long queueMax = has(Defect.STATUS_MAX_IS_LAST_MESSAGE) && !queue.times.isEmpty()
                        ? queue.max() - 1
                        : queue.max();
                ObjectNode node = queues.addObject();
                node.put("id", entry.getKey());
                if (has(Defect.READ_NUMBERS_AS_STRINGS)) {
                    node.put("min_offset", String.valueOf(queueMin));
                    node.put("max_offset", String.valueOf(queueMax));
                } else {
                    node.put("min_offset", queueMin);
                    node.put("max_offset", queueMax);
                }
                node.put("last_message_time", queue.times.isEmpty() ? 0 : queue.times.get(queue.times.size() - 1));
                min += queueMin;
                max += queueMax;
            }
        }
        answer.put("max_offset", max);
        answer.put("min_offset", min);
        answer.set("brokers", brokers);
        return JSON.writeValueAsString(answer);
    }

    private String consumers(String group, List<String> clients, Map<String, String> query) {
        Page page = page(query);
        String detail = query.getOrDefault("is_detail", "false");
        boolean withDetail;
        if (has(Defect.LENIENT_QUERY_VALUES)) {
            withDetail = detail.equals("1") || detail.equalsIgnoreCase("true") || detail.equalsIgnoreCase("yes");
        } else if (detail.equals("true") || detail.equals("false")) {
            withDetail = detail.equals("true");
        } else {
            throw new Refused(
                    400, "DMS.00400800", "Invalid request parameter: is_detail must be true or false; was " + detail);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("group_name", group);
        answer.put("online", !clients.isEmpty());
        answer.put("subscription_consistency", true);
        answer.put("total", clients.size());
        int next = page.offset() + page.limit();
        answer.put("next_offset", next < clients.size() || has(Defect.NEXT_OFFSET_NEVER_LAST) ? next : -1);
        answer.put("previous_offset", page.offset() == 0 ? -1 : Math.max(0, page.offset() - page.limit()));
        ArrayNode list = answer.putArray("clients");
        clients.stream().skip(page.offset()).limit(page.limit()).forEach(id -> {
            ObjectNode client = list.addObject();
            client.put("language", "JAVA");
            client.put("version", "V5_3_1");
            client.put("client_id", id);
            client.put("client_addr", id.substring(0, id.indexOf('@')) + ":53412");
            if (withDetail) {
                ObjectNode subscription = client.putArray("subscriptions").addObject();
                subscription.put("topic", TOPIC);
                subscription.put("type", "TAG");
                subscription.put("expression", "*");
            }
        });
        return JSON.writeValueAsString(answer);
    }

    /** The query's parameters, each name and value percent-decoded; the last value of a name wins. */
    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Error";
        };
    }

    /** What every committed key of a group on a topic starts with. */
    private String committedPrefix(String group, String topic) {
        String key = committedKey(group, topic, "", 0);
        return key.substring(0, key.lastIndexOf('|') + 1);
    }

    /** Where a group's committed offset on one queue is kept. */
    private String committedKey(String group, String topic, String broker, int queueId) {
        return (has(Defect.OFFSETS_SHARED_ACROSS_GROUPS) ? "*" : group) + "|" + topic + "|" + broker + "/" + queueId;
    }

    /** A path segment as the name it carries: percent-decoded (a '+' stays a '+' in a path). */
    private String segment(String raw) {
        if (has(Defect.PATH_NOT_DECODED)) {
            return raw;
        }
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The lookup: the first offset whose store time is at or after t; -1 is the maximum. */
    private long lookup(Topic topic, Queue queue, long t) {
        List<Long> times = queue.times;
        boolean fixture = topic.madeByFixture;
        if (t == -1) {
            if (has(Defect.LATEST_IS_EARLIEST)) {
                return queue.first;
            }
            return fixture && has(Defect.LATEST_IS_LAST_MESSAGE) && !times.isEmpty() ? queue.max() - 1 : queue.max();
        }
        if (t == 0 && has(Defect.NEGATIVE_OFFSET_AT_ZERO)) {
            return -1;
        }
        if (t == 0 && has(Defect.ZERO_IS_LATEST)) {
            return queue.max();
        }
        if (has(Defect.FAR_FUTURE_GOES_BACKWARDS)
                && t > System.currentTimeMillis() + Duration.ofDays(2).toMillis()) {
            return queue.first;
        }
        if (fixture && has(Defect.BEFORE_FIRST_IS_MAX) && !times.isEmpty() && t < times.get(0)) {
            return queue.max();
        }
        int index;
        if (fixture && has(Defect.BINARY_SEARCH_ON_UNSORTED)) {
            int low = 0;
            int high = times.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (times.get(mid) < t) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            index = low;
        } else {
            boolean strictlyAfter = fixture && has(Defect.AT_MESSAGE_SKIPPED);
            index = 0;
            while (index < times.size() && (strictlyAfter ? times.get(index) <= t : times.get(index) < t)) {
                index++;
            }
            if (fixture
                    && has(Defect.BETWEEN_GIVES_EARLIER)
                    && index > 0
                    && index < times.size()
                    && times.get(index) != t) {
                index--;
            }
            if (fixture && has(Defect.LAST_OF_EQUAL)) {
                while (index + 1 < times.size() && times.get(index + 1).equals(times.get(index))) {
                    index++;
                }
            }
        }
        if (index == times.size() && fixture && has(Defect.AFTER_LAST_IS_LAST_MESSAGE) && !times.isEmpty()) {
            index--;
        }
        return (fixture && has(Defect.FIRST_OFFSET_IGNORED) ? 0 : queue.first) + index;
    }

    private JsonNode readBody(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw has(Defect.EMPTY_BODY_IS_500)
                    ? new Refused(500, "DMS.00500000", "Internal service error.")
                    : new Refused(400, "DMS.00400004", "The request body is empty.");
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            throw has(Defect.MALFORMED_BODY_WRONG_CODE)
                    ? new Refused(400, "DMS.00400800", "Invalid request parameter.")
                    : new Refused(400, "DMS.00400005", "The message body is not in JSON format.");
        }
        if (request.isArray() && has(Defect.ARRAY_BODY_UNWRAPPED) && !request.isEmpty()) {
            request = request.get(0);
        }
        if (!request.isObject() || !request.path("topic").isString()) {
            throw new Refused(
                    400, "DMS.00400800", "Invalid request parameter: send {\"topic\": string, \"timestamp\": ...}.");
        }
        return request;
    }

    private long timestamp(JsonNode request) {
        JsonNode value = request.path("timestamp");
        Refused invalid = new Refused(400, "DMS.00400142", "Timestamp is invalid.");
        if (value.isMissingNode()) {
            if (has(Defect.MISSING_TIMESTAMP_MEANS_LATEST)) {
                return -1;
            }
            throw invalid;
        }
        if (value.isIntegralNumber()) {
            if (has(Defect.NUMERIC_TIMESTAMP_REFUSED) || !value.canConvertToLong() || value.asLong() < -1) {
                throw invalid;
            }
            if (has(Defect.TIMESTAMP_AS_DOUBLE) && Math.abs(value.asLong()) > (1L << 53)) {
                throw invalid;
            }
            return value.asLong();
        }
        if (value.isNumber() && has(Defect.FRACTION_TRUNCATED)) {
            return (long) value.asDouble();
        }
        String text = value.isString() ? value.asString() : null;
        if (text != null && has(Defect.TIMESTAMP_STRING_TRIMMED)) {
            text = text.strip().replaceFirst("^\\+", ""); // what a lenient number parser forgives
        }
        if (text != null
                && !has(Defect.STRING_TIMESTAMP_REFUSED)
                && TIMESTAMP_STRING.matcher(text).matches()
                && !(has(Defect.STRING_LATEST_REFUSED) && text.equals("-1"))) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw invalid;
            }
        }
        throw invalid;
    }

    /** Checks the credentials; true when they are the read-only pair's, which may read but not reset. */
    private boolean authenticate(HttpExchange exchange, byte[] body) {
        if (accessKey == null && this.token == null) {
            return false;
        }
        if (has(Defect.KIT_CREDENTIALS_REFUSED)) {
            throw new Refused(401, "DMS.10240101", "Invalid token.");
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
        if (this.token != null) {
            // token mode: the one token given, nothing else (a signature names a key the fake does not have)
            if (token == null) {
                if (has(Defect.UNSIGNED_ACCEPTED)) {
                    return false;
                }
                throw new Refused(401, "DMS.10240103", "Missing token.");
            }
            if (!token.equals(this.token) && !has(Defect.ANY_TOKEN_ACCEPTED)) {
                if (token.equals(EXPIRED_TOKEN) && !has(Defect.EXPIRED_TOKEN_IS_INVALID)) {
                    throw new Refused(401, "DMS.10240102", "Expired token.");
                }
                if (token.equals(OTHER_PROJECT_TOKEN) && !has(Defect.OTHER_PROJECT_TOKEN_IS_INVALID)) {
                    throw new Refused(401, "DMS.10240104", "The project ID and token do not match.");
                }
                throw new Refused(401, "DMS.10240101", "Invalid token.");
            }
            return false;
        }
        if (authorization == null) {
            if (token != null) {
                if (has(Defect.ANY_TOKEN_ACCEPTED)) {
                    return false;
                }
                if (token.equals(EXPIRED_TOKEN) && !has(Defect.EXPIRED_TOKEN_IS_INVALID)) {
                    throw new Refused(401, "DMS.10240102", "Expired token.");
                }
                if (token.equals(OTHER_PROJECT_TOKEN) && !has(Defect.OTHER_PROJECT_TOKEN_IS_INVALID)) {
                    throw new Refused(401, "DMS.10240104", "The project ID and token do not match.");
                }
                throw new Refused(
                        401, "DMS.10240101", has(Defect.TOKEN_ECHOED) ? "Invalid token " + token : "Invalid token.");
            }
            if (has(Defect.UNSIGNED_ACCEPTED)) {
                return false;
            }
            throw new Refused(401, "DMS.10240103", "Missing token.");
        }
        Refused invalid = new Refused(401, "DMS.10240101", "Invalid token.");
        SdkAuthorization parsed;
        try {
            parsed = SdkAuthorization.parse(authorization);
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        String date = exchange.getRequestHeaders().getFirst(SdkHmacSha256.DATE_HEADER);
        boolean readOnly = parsed.accessKey().equals(READ_ONLY_AK);
        if (!(parsed.accessKey().equals(accessKey) || readOnly) || date == null) {
            throw invalid;
        }
        try {
            Instant signedAt = SdkDate.parse(date);
            if (!has(Defect.DATE_NOT_CHECKED)
                    && Duration.between(signedAt, Instant.now()).abs().compareTo(CLOCK_SKEW) > 0) {
                throw invalid;
            }
        } catch (DateTimeParseException e) {
            throw invalid;
        }
        if (has(Defect.SIGNATURE_NOT_VERIFIED)) {
            return readOnly;
        }
        List<String> names = has(Defect.SIGNED_HEADERS_FIXED) ? List.of("host", "x-sdk-date") : parsed.signedHeaders();
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : names) {
            if (has(Defect.CONTENT_TYPE_NEVER_SIGNED) && name.equals("content-type")) {
                continue;
            }
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value == null) {
                throw invalid;
            }
            signed.put(name, value);
        }
        String canonical = SdkHmacSha256.canonicalRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                SdkHmacSha256.canonicalHeaders(signed),
                SdkHmacSha256.payloadHash(body));
        String expected = SdkHmacSha256.requestSignature(readOnly ? READ_ONLY_SK : secretKey, date, canonical);
        if (!SdkHmacSha256.signaturesMatch(expected, parsed.signature())) {
            throw invalid;
        }
        return readOnly;
    }

    private String answersJson(List<Answer> answers, boolean numbersAsStrings) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode queues = root.putArray("queues");
        for (Answer answer : answers) {
            ObjectNode queue = queues.addObject();
            queue.put("broker_name", answer.broker());
            if (numbersAsStrings) {
                queue.put("queue_id", String.valueOf(answer.queueId()));
                queue.put("timestamp_offset", String.valueOf(answer.offset()));
            } else if (has(Defect.NUMBERS_AS_FRACTIONS)) {
                queue.put("queue_id", (double) answer.queueId());
                queue.put("timestamp_offset", (double) answer.offset());
            } else {
                queue.put("queue_id", answer.queueId());
                if (!(has(Defect.OFFSET_FIELD_MISSING) && answer.offset() == 0)) {
                    queue.put("timestamp_offset", answer.offset());
                }
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    /** The fixture: creates topics, groups and messages directly in the store. */
    private final class FakeFixture implements Fixture {

        @Override
        public List<String> brokers() {
            return BROKERS;
        }

        @Override
        public void createTopic(String topic, Map<String, Integer> queuesPerBroker) {
            synchronized (FakeDms.this) {
                Topic created = new Topic(true);
                queuesPerBroker.forEach((broker, count) -> {
                    TreeMap<Integer, Queue> queues = created.brokers.computeIfAbsent(broker, b -> new TreeMap<>());
                    for (int i = 0; i < count; i++) {
                        queues.put(i, new Queue());
                    }
                });
                topics.put(topic, created);
            }
        }

        @Override
        public void createGroup(String group) {
            synchronized (FakeDms.this) {
                groups.add(group);
            }
        }

        @Override
        public void appendMessages(QueueRef ref, long firstOffset, List<Long> storeTimestamps) {
            synchronized (FakeDms.this) {
                Queue queue = topics.get(ref.topic()).brokers.get(ref.broker()).get(ref.queueId());
                if (!queue.times.isEmpty()) {
                    throw new IllegalStateException("the first offset can be set on an empty queue only");
                }
                queue.first = firstOffset;
                queue.times.addAll(storeTimestamps);
            }
        }

        @Override
        public boolean canSetFirstOffset() {
            return true;
        }

        @Override
        public Optional<List<CommittedOffset>> committedOffsets(String group, String topic) {
            synchronized (FakeDms.this) {
                List<CommittedOffset> offsets = new ArrayList<>();
                topics.get(topic)
                        .brokers
                        .forEach((broker, queues) -> queues.keySet()
                                .forEach(id -> offsets.add(new CommittedOffset(
                                        broker, id, committed.get(committedKey(group, topic, broker, id))))));
                return Optional.of(offsets);
            }
        }

        @Override
        public boolean canReadCommittedOffsets() {
            return true;
        }

        @Override
        public boolean canCreateOfflineGroup() {
            return true;
        }

        @Override
        public void createOfflineGroup(String group) {
            synchronized (FakeDms.this) {
                groups.add(group);
                offlineGroups.add(group);
            }
        }

        @Override
        public boolean canInduceInternalError() {
            return true;
        }

        @Override
        public void induceInternalError(String group, String topic) {
            synchronized (FakeDms.this) {
                failNextReset.add(group + "|" + topic);
            }
        }

        @Override
        public Optional<Credentials> readOnlyCredentials() {
            return accessKey == null ? Optional.empty() : Optional.of(Credentials.akSk(READ_ONLY_AK, READ_ONLY_SK));
        }

        @Override
        public Optional<String> expiredToken() {
            return accessKey == null ? Optional.empty() : Optional.of(EXPIRED_TOKEN);
        }

        @Override
        public Optional<String> otherProjectToken() {
            return accessKey == null ? Optional.empty() : Optional.of(OTHER_PROJECT_TOKEN);
        }
    }
}
