package io.offsetkit.client;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.generated.api.ConsumerOffsetsApi;
import io.offsetkit.client.generated.invoker.ApiClient;
import io.offsetkit.client.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.client.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.client.generated.model.ResetTimestamp;
import io.offsetkit.client.generated.model.ShowConsumerConnectionsResp;
import io.offsetkit.client.generated.model.ShowConsumerListOrDetailsResp;
import io.offsetkit.client.generated.model.ShowTopicStatusResp;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests.Request;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests.ShowConsumerConnectionsBuilder;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests.ShowConsumerListOrDetailsBuilder;
import io.offsetkit.client.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.ObjectMapper;

/**
 * The entry point of the client: resets a consumer group's offset on a topic to a point in time,
 * and reads where a group stands: its topics, its progress on a topic, a topic's status and the
 * group's consumers (the offset workflow: read, reset, read back).
 *
 * <pre>{@code
 * OffsetkitClient client = OffsetkitClient.builder()
 *         .endpoint("https://dms.cn-north-4.myhuaweicloud.com")
 *         .projectId(projectId)
 *         .credentials(Credentials.akSk(accessKey, secretKey))
 *         .build();
 * ConsumerProgress before = client.groupProgress(instanceId, "group_01", "topic_01");
 * ResetResult result = client.resetToTime(instanceId, "group_01", "topic_01", Instant.parse("2022-09-08T16:00:00Z"));
 * ConsumerProgress after = client.groupProgress(instanceId, "group_01", "topic_01");
 * // after.consumerOffsets() equals result.queues()
 * }</pre>
 *
 * <p>Every request is built by the code generated from the contract ({@link ConsumerOffsetsRequests},
 * one method per operation), so that a contract that drops an operation or adds a required
 * parameter no longer compiles with this class. Every request carries {@code User-Agent:
 * offsetkit-client/<version>}, {@code X-Project-Id} and the credentials' headers (an {@code
 * X-Auth-Token}, or an {@code X-Sdk-Date} and an {@code SDK-HMAC-SHA256} {@code Authorization} over
 * the bytes sent). A failure is an {@link
 * OffsetkitException}: {@link OffsetkitApiException} for any non-2xx answer, and distinct types for
 * connection failures and timeouts. Retries follow the {@link RetryPolicy} (none by default), and
 * every retry is authenticated afresh.
 *
 * <p>Immutable and thread-safe: build one per endpoint and credentials, and share it. It holds one
 * {@link HttpClient} and its connection pool.
 */
public final class OffsetkitClient {

    /**
     * The most entries of one page of a paged read, as the contract allows ({@code limit}'s maximum,
     * taken from the generated request).
     */
    public static final int MAX_PAGE_SIZE = (int) ShowConsumerListOrDetailsBuilder.LIMIT_MAXIMUM;

    private final URI endpoint;
    private final String baseUri;
    private final String projectId;
    private final Engine engine;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final RequestAuthenticator authenticator;
    private final ResponseReader reader;
    private final Retrier retrier;
    private final Answers answers;
    private final ConsumerOffsetsRequests requests;
    private volatile ConsumerOffsetsApi generatedApi;

    private OffsetkitClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.baseUri = builder.endpoint.toString();
        this.projectId = builder.projectId;
        this.engine = builder.engine;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.http = HttpClients.forEndpoint(endpoint, connectTimeout).build();
        this.mapper = ApiClient.createDefaultObjectMapper();
        String userAgent =
                ClientVersion.USER_AGENT + (builder.userAgentSuffix == null ? "" : " " + builder.userAgentSuffix);
        this.authenticator = new RequestAuthenticator(userAgent, projectId, builder.credentials, builder.clock);
        this.reader = new ResponseReader(mapper);
        this.retrier = new Retrier(retryPolicy);
        this.answers = new Answers(mapper);
        this.requests = new ConsumerOffsetsRequests(baseUri, mapper);
    }

    /** A builder; {@link Builder#endpoint}, {@link Builder#projectId} and {@link Builder#credentials} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resets {@code group}'s offset on every queue of {@code topic} to the first message stored at or
     * after {@code time} (a time after every message gives the queue's end).
     *
     * @throws IllegalArgumentException for a blank id or name, or a time before the Unix epoch
     * @throws OffsetkitException when the reset fails (see its subclasses)
     */
    public ResetResult resetToTime(String instanceId, String group, String topic, Instant time) {
        Objects.requireNonNull(time, "time");
        if (time.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("time must not be before the Unix epoch, was " + time);
        }
        return resetToTime(instanceId, group, topic, time.toEpochMilli());
    }

    /**
     * The same, with the time in milliseconds since the Unix epoch ({@code 0} gives each queue's
     * start).
     *
     * @throws IllegalArgumentException for a blank id or name, or negative milliseconds (use {@link
     *     #resetToLatest} for "latest")
     */
    public ResetResult resetToTime(String instanceId, String group, String topic, long epochMillis) {
        if (epochMillis < 0) {
            throw new IllegalArgumentException("epochMillis must be 0 or more, was " + epochMillis
                    + "; resetToLatest resets to the latest offsets");
        }
        return reset(instanceId, group, topic, epochMillis);
    }

    /** Resets {@code group}'s offset on every queue of {@code topic} to its latest offset (timestamp {@code -1}). */
    public ResetResult resetToLatest(String instanceId, String group, String topic) {
        return reset(instanceId, group, topic, -1L);
    }

    /**
     * One page of the topics {@code group} has consumer offsets on ({@code ShowConsumerListOrDetails}
     * without a topic). Safe to retry.
     *
     * @param limit the most topics on the page, 1 to {@value #MAX_PAGE_SIZE}
     * @param offset how many topics to skip, 0 or more; past the last one the page is empty
     * @throws IllegalArgumentException for a blank id or name, or a limit or offset out of range
     * @throws OffsetkitException when the read fails: an unknown instance or group is an {@link
     *     OffsetkitApiException} with HTTP 404
     */
    public GroupTopicsPage groupTopics(String instanceId, String group, int limit, int offset) {
        Request<ShowConsumerListOrDetailsResp> request = requests.showConsumerListOrDetails(
                        projectId, requireText("instanceId", instanceId), requireText("group", group))
                .limit(within(
                        "limit",
                        limit,
                        ShowConsumerListOrDetailsBuilder.LIMIT_MINIMUM,
                        ShowConsumerListOrDetailsBuilder.LIMIT_MAXIMUM))
                .offset(within(
                        "offset",
                        offset,
                        ShowConsumerListOrDetailsBuilder.OFFSET_MINIMUM,
                        ShowConsumerListOrDetailsBuilder.OFFSET_MAXIMUM))
                .request();
        return call(request, answers.groupTopics(offset));
    }

    /**
     * Every topic {@code group} has consumer offsets on: {@link #groupTopics} page after page, {@value
     * #MAX_PAGE_SIZE} at a time, until a page ends at the total or comes back empty.
     *
     * @return the topics in the server's order, immutable
     * @throws OffsetkitException when a page's read fails
     */
    public List<String> allGroupTopics(String instanceId, String group) {
        List<String> topics = new ArrayList<>();
        GroupTopicsPage page = groupTopics(instanceId, group, MAX_PAGE_SIZE, 0);
        topics.addAll(page.topics());
        while (page.hasNext()) {
            page = groupTopics(instanceId, group, MAX_PAGE_SIZE, page.nextOffset());
            topics.addAll(page.topics());
        }
        return List.copyOf(topics);
    }

    /**
     * {@code group}'s progress on {@code topic}, queue by queue: broker offset, consumer offset, lag
     * and last message time, with their sums ({@code ShowConsumerListOrDetails} with a topic). What
     * to read before a reset, and to read back after one ({@link ConsumerProgress#consumerOffsets()}).
     * Safe to retry.
     *
     * @throws IllegalArgumentException for a blank id or name
     * @throws OffsetkitException when the read fails: an unknown instance, an unknown group, or a
     *     group with no consumer offset on the topic is an {@link OffsetkitApiException} with HTTP 404
     *     ({@code DMS.10240405} for the group), an unknown topic one with HTTP 400 ({@code
     *     DMS.00400876})
     */
    public ConsumerProgress groupProgress(String instanceId, String group, String topic) {
        Request<ShowConsumerListOrDetailsResp> request = requests.showConsumerListOrDetails(
                        projectId, requireText("instanceId", instanceId), requireText("group", group))
                .topic(requireText("topic", topic))
                .request();
        return call(request, answers.groupProgress(topic));
    }

    /**
     * {@code topic}'s queues on every broker, each with its minimum and maximum offset and last message
     * time, with the sums ({@code ShowTopicStatus}). A reset to the latest goes to each queue's
     * maximum offset, a reset to 0 to its minimum. Safe to retry.
     *
     * @throws IllegalArgumentException for a blank id or name
     * @throws OffsetkitException when the read fails: an unknown topic is an {@link
     *     OffsetkitApiException} with HTTP 400 ({@code DMS.00400876})
     */
    public TopicStatus topicStatus(String instanceId, String topic) {
        Request<ShowTopicStatusResp> request = requests.showTopicStatus(
                        projectId, requireText("instanceId", instanceId), requireText("topic", topic))
                .request();
        return call(request, answers.topicStatus(topic));
    }

    /**
     * One page of {@code group}'s connected consumers, whether the group is online, and whether its
     * consumers subscribe alike ({@code ShowConsumerConnections}). A group with no consumer connected
     * is an answer, offline and empty, not an error. Safe to retry.
     *
     * @param limit the most consumers on the page, 1 to {@value #MAX_PAGE_SIZE}
     * @param offset how many consumers to skip, 0 or more
     * @param withDetails whether each consumer lists its subscriptions ({@code is_detail})
     * @throws IllegalArgumentException for a blank id or name, or a limit or offset out of range
     * @throws OffsetkitException when the read fails: an unknown instance or group is an {@link
     *     OffsetkitApiException} with HTTP 404
     */
    public ConsumersPage consumers(String instanceId, String group, int limit, int offset, boolean withDetails) {
        Request<ShowConsumerConnectionsResp> request = requests.showConsumerConnections(
                        projectId, requireText("instanceId", instanceId), requireText("group", group))
                .limit(within(
                        "limit",
                        limit,
                        ShowConsumerConnectionsBuilder.LIMIT_MINIMUM,
                        ShowConsumerConnectionsBuilder.LIMIT_MAXIMUM))
                .offset(within(
                        "offset",
                        offset,
                        ShowConsumerConnectionsBuilder.OFFSET_MINIMUM,
                        ShowConsumerConnectionsBuilder.OFFSET_MAXIMUM))
                .isDetail(withDetails)
                .request();
        return call(request, answers.consumers());
    }

    /**
     * The generated API over the same endpoint, timeouts and credentials: its requests carry the
     * same {@code User-Agent}, {@code X-Project-Id} and authentication, signed over the bytes it
     * sends. It has the generated API's own behaviour otherwise: no retries, and failures as the
     * generated {@code ApiException}. Created on first use, then shared; thread-safe.
     */
    public ConsumerOffsetsApi generatedApi() {
        ConsumerOffsetsApi api = generatedApi;
        if (api == null) {
            synchronized (this) {
                api = generatedApi;
                if (api == null) {
                    ApiClient apiClient =
                            new ApiClient(HttpClients.forEndpoint(endpoint, connectTimeout), mapper, baseUri);
                    apiClient.setReadTimeout(readTimeout);
                    apiClient.setRequestInterceptor(authenticator.asInterceptor());
                    api = new ConsumerOffsetsApi(apiClient);
                    generatedApi = api;
                }
            }
        }
        return api;
    }

    /** The endpoint requests go to, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** The {@code User-Agent} every request carries. */
    public String userAgent() {
        return authenticator.userAgent();
    }

    /** The retry policy of every call. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    private ResetResult reset(String instanceId, String group, String topic, long timestamp) {
        Request<ResetConsumeOffsetResp> request = requests.resetConsumeOffset(
                        engine.pathSegment(),
                        projectId,
                        requireText("instanceId", instanceId),
                        requireText("group", group),
                        new ResetConsumeOffsetReq()
                                .topic(requireText("topic", topic))
                                .timestamp(new ResetTimestamp(timestamp)))
                .request();
        return call(request, answers.reset());
    }

    /**
     * Every call: its attempts under the retry policy, each one sending the same request (the same
     * body bytes), authenticated afresh.
     */
    private <A, T> T call(Request<A> request, Answers.Reader<A, T> answer) {
        return retrier.call(attempt -> send(request, attempt, answer));
    }

    /**
     * A paging parameter checked against the contract's bounds (the generated request's constants),
     * so that a value the server would refuse fails here, before anything is sent.
     */
    private static int within(String name, int value, long minimum, long maximum) {
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(name + " must be " + minimum
                    + (maximum >= Integer.MAX_VALUE ? " or more" : " to " + maximum) + ", was " + value);
        }
        return value;
    }

    /**
     * One attempt: sends the request, authenticated over the bytes sent, and reads the answer. A
     * request without a body (the reads) is sent with neither body nor {@code Content-Type}.
     */
    private <A, T> T send(Request<A> request, int attempt, Answers.Reader<A, T> answer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(readTimeout)
                .method(
                        request.method(),
                        request.hasBody()
                                ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                                : HttpRequest.BodyPublishers.noBody());
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        if (request.hasBody()) {
            headers.put("Content-Type", request.contentType());
        }
        if (!request.accept().isEmpty()) {
            headers.put("Accept", request.accept());
        }
        // Sets these headers, then the client's and the authentication's over the very bytes sent.
        authenticator.apply(builder, request.method(), request.uri(), headers, request.body());
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return reader.read(response, attempt, request.answer(), answer);
        } catch (HttpTimeoutException e) {
            throw new OffsetkitTimeoutException(
                    TransportFailures.timedOut(endpoint, attempt, e, connectTimeout, readTimeout), e, attempt);
        } catch (IOException e) {
            throw new OffsetkitConnectionException(
                    TransportFailures.connectionFailed(endpoint, attempt, e), e, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OffsetkitInterruptedException(
                    "Interrupted while waiting for " + endpoint + " (attempt " + attempt + ")", e, attempt);
        }
    }

    private static String requireText(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }

    /**
     * Builds an {@link OffsetkitClient}. Not thread-safe; the client it builds is.
     *
     * <p>Defaults: engine {@link Engine#ROCKETMQ}, connect timeout {@value #DEFAULT_CONNECT_SECONDS}
     * s, read timeout {@value #DEFAULT_READ_SECONDS} s, {@link RetryPolicy#none()}.
     */
    public static final class Builder {

        /** Default connect timeout, in seconds. */
        public static final int DEFAULT_CONNECT_SECONDS = 10;

        /** Default read timeout (until the response starts), in seconds. */
        public static final int DEFAULT_READ_SECONDS = 30;

        private URI endpoint;
        private String projectId;
        private Credentials credentials;
        private Engine engine = Engine.ROCKETMQ;
        private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_SECONDS);
        private Duration readTimeout = Duration.ofSeconds(DEFAULT_READ_SECONDS);
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private String userAgentSuffix;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The service's base URL: {@code http} or {@code https}, a host, an optional port and an
         * optional base path (for a gateway); no query, fragment or user info. A trailing slash is
         * dropped.
         */
        public Builder endpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            URI uri;
            try {
                uri = new URI(endpoint.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("endpoint is not a URL: '" + endpoint + "'", e);
            }
            return endpoint(uri);
        }

        /** The same, as a URI. */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("endpoint must be an http or https URL, was '" + endpoint + "'");
            }
            if (endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint has no host: '" + endpoint + "'");
            }
            if (endpoint.getRawQuery() != null
                    || endpoint.getRawFragment() != null
                    || endpoint.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "endpoint must have no query, fragment or user info: '" + endpoint + "'");
            }
            String text = endpoint.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            this.endpoint = URI.create(text);
            return this;
        }

        /** The project id, in the path and in {@code X-Project-Id}. Required. */
        public Builder projectId(String projectId) {
            this.projectId = requireText("projectId", projectId);
            return this;
        }

        /** {@link Credentials#token}, {@link Credentials#akSk} or {@link Credentials#none}. Required. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The engine segment of the route. Default {@link Engine#ROCKETMQ}. */
        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** How long to wait for a new connection. Positive. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /** How long to wait, once a request is sent, for its response to start. Positive. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive("readTimeout", readTimeout);
            return this;
        }

        /** When to retry. Default {@link RetryPolicy#none()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Words appended to the {@code User-Agent}, such as {@code "my-app/1.2"}: one line of
         * printable ASCII.
         */
        public Builder userAgentSuffix(String suffix) {
            Objects.requireNonNull(suffix, "suffix");
            if (!suffix.matches("[\\x20-\\x7E]+") || suffix.isBlank()) {
                throw new IllegalArgumentException("userAgentSuffix must be printable ASCII, was '" + suffix + "'");
            }
            this.userAgentSuffix = suffix.trim();
            return this;
        }

        /** The clock that dates signatures; tests use it to tell attempts apart. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalStateException naming the missing setting
         */
        public OffsetkitClient build() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is not set");
            }
            if (projectId == null) {
                throw new IllegalStateException("projectId is not set");
            }
            if (credentials == null) {
                throw new IllegalStateException(
                        "credentials are not set (use Credentials.none() for a server without authentication)");
            }
            return new OffsetkitClient(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
