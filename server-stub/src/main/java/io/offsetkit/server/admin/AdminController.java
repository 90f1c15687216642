package io.offsetkit.server.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.InstanceView;
import io.offsetkit.server.store.Names;
import io.offsetkit.server.store.OffsetRange;
import io.offsetkit.server.store.QueueState;
import io.offsetkit.server.store.config.StoreProperties;
import io.offsetkit.server.web.DmsError;
import io.offsetkit.server.web.DmsException;
import io.offsetkit.server.web.ErrorText;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulator's control plane, outside the contract's paths: create instances, topics and groups,
 * append message store timestamps to a queue, read a group's offsets back. Its document is served at
 * {@value #OPENAPI}. No authentication applies here. Every input is checked; errors are the contract's
 * {@code {error_code, error_msg}} with the documented DMS codes.
 */
@RestController
@RequestMapping(AdminController.PREFIX)
@ConditionalOnProperty(name = "offsetkit.backend", havingValue = StoreProperties.EMBEDDED, matchIfMissing = true)
public class AdminController {

    /** Every admin route starts with this. */
    public static final String PREFIX = "/admin";

    /** Where the admin API's OpenAPI document is served. */
    public static final String OPENAPI = PREFIX + "/openapi.yaml";

    /** The most store timestamps one append request may carry. */
    public static final int MAX_TIMESTAMPS_PER_REQUEST = 100_000;

    /** The largest admin request body, in bytes (100,000 timestamps of 20 digits fit). */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final EmbeddedStore store;
    private final byte[] openApi;

    public AdminController(EmbeddedStore store) throws IOException {
        this.store = store;
        try (InputStream in = AdminController.class.getResourceAsStream("admin-openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("admin-openapi.yaml is missing from the jar");
            }
            this.openApi = in.readAllBytes();
        }
    }

    @GetMapping("/openapi.yaml")
    ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body(openApi);
    }

    @PutMapping("/instances/{instance_id}")
    InstanceResponse putInstance(@PathVariable("instance_id") String instanceId, HttpServletRequest request) {
        checked(Names::instanceId, instanceId);
        AdminJson body = AdminJson.parse(body(request), false, Set.of("project_id", "brokers"));
        String projectId = checked(Names::projectId, body.string("project_id"));
        List<String> brokers = body.strings("brokers");
        brokers.forEach(broker -> checked(Names::broker, broker));
        InstanceView view = store.putInstance(instanceId, projectId, brokers);
        return new InstanceResponse(view.instanceId(), view.projectId(), view.brokers());
    }

    @PutMapping("/instances/{instance_id}/topics/{topic}")
    TopicResponse putTopic(
            @PathVariable("instance_id") String instanceId,
            @PathVariable("topic") String topic,
            HttpServletRequest request) {
        checked(Names::instanceId, instanceId);
        checked(Names::topic, topic);
        AdminJson body = AdminJson.parse(body(request), false, Set.of("queues"));
        Map<String, Integer> queues = body.intMap("queues", 1, EmbeddedStore.MAX_QUEUES_PER_BROKER);
        queues.keySet().forEach(broker -> checked(Names::broker, broker));
        InstanceView.TopicView view = store.putTopic(instanceId, topic, queues);
        return new TopicResponse(view.topic(), view.queues());
    }

    @PutMapping("/instances/{instance_id}/groups/{group}")
    GroupResponse putGroup(
            @PathVariable("instance_id") String instanceId,
            @PathVariable("group") String group,
            HttpServletRequest request) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        AdminJson.parse(body(request), true, Set.of());
        store.putGroup(instanceId, group);
        return new GroupResponse(group);
    }

    @PostMapping("/instances/{instance_id}/topics/{topic}/brokers/{broker}/queues/{queue_id}/messages")
    RangeResponse appendMessages(
            @PathVariable("instance_id") String instanceId,
            @PathVariable("topic") String topic,
            @PathVariable("broker") String broker,
            @PathVariable("queue_id") String queueId,
            HttpServletRequest request) {
        checked(Names::instanceId, instanceId);
        checked(Names::topic, topic);
        checked(Names::broker, broker);
        int queue = queueId(queueId);
        AdminJson body = AdminJson.parse(body(request), false, Set.of("store_timestamps", "min_offset"));
        long[] timestamps = body.longs("store_timestamps", MAX_TIMESTAMPS_PER_REQUEST);
        Long minOffset = body.optionalLong("min_offset");
        OffsetRange range = store.append(
                instanceId,
                topic,
                broker,
                queue,
                timestamps,
                minOffset == null ? OptionalLong.empty() : OptionalLong.of(minOffset));
        return new RangeResponse(range.minOffset(), range.maxOffset());
    }

    @GetMapping("/instances/{instance_id}/groups/{group}/offsets")
    OffsetsResponse offsets(
            @PathVariable("instance_id") String instanceId,
            @PathVariable("group") String group,
            @RequestParam(name = "topic", required = false) String topic) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        if (topic == null) {
            throw AdminJson.invalid("the query parameter topic is required");
        }
        checked(Names::topic, topic);
        List<QueueResponse> queues = store.offsets(instanceId, group, topic).stream()
                .map(QueueResponse::of)
                .toList();
        return new OffsetsResponse(queues);
    }

    private static String checked(java.util.function.UnaryOperator<String> rule, String value) {
        try {
            return rule.apply(value);
        } catch (IllegalArgumentException e) {
            throw AdminJson.invalid(e.getMessage());
        }
    }

    private static int queueId(String text) {
        if (!text.matches("[0-9]{1,4}")) {
            throw AdminJson.invalid("queue_id " + ErrorText.quote(text) + " must be an integer from 0 to "
                    + (EmbeddedStore.MAX_QUEUES_PER_BROKER - 1));
        }
        return Integer.parseInt(text);
    }

    /** The whole body, chunked or not, refused above {@link #MAX_BODY_BYTES}. */
    private static byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge("Content-Length is " + request.getContentLengthLong());
        }
        String contentType = request.getContentType();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new DmsException(DmsError.BODY_NOT_JSON, "The request body could not be read: " + e.getMessage());
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge("more than " + MAX_BODY_BYTES + " bytes arrived");
        }
        if (body.length > 0 && contentType != null && !isJson(contentType)) {
            throw AdminJson.invalid("the Content-Type must be application/json, was " + ErrorText.quote(contentType));
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static DmsException tooLarge(String what) {
        return AdminJson.invalid("the request body is too large: " + what + "; the limit is " + MAX_BODY_BYTES
                + " bytes (" + MAX_TIMESTAMPS_PER_REQUEST + " timestamps per request)");
    }

    record InstanceResponse(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("brokers") List<String> brokers) {}

    record TopicResponse(
            @JsonProperty("topic") String topic,
            @JsonProperty("queues") SortedMap<String, Integer> queues) {}

    record GroupResponse(@JsonProperty("group") String group) {}

    record RangeResponse(
            @JsonProperty("min_offset") long minOffset,
            @JsonProperty("max_offset") long maxOffset) {}

    record OffsetsResponse(@JsonProperty("queues") List<QueueResponse> queues) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueueResponse(
            @JsonProperty("broker_name") String brokerName,
            @JsonProperty("queue_id") int queueId,
            @JsonProperty("consumer_offset") Long consumerOffset,
            @JsonProperty("min_offset") long minOffset,
            @JsonProperty("max_offset") long maxOffset) {

        static QueueResponse of(QueueState state) {
            return new QueueResponse(
                    state.brokerName(), state.queueId(), state.consumerOffset(), state.minOffset(), state.maxOffset());
        }
    }
}
