package io.offsetkit.conformance.rules;

import static io.offsetkit.conformance.rules.Capability.AKSK_CREDENTIALS;
import static io.offsetkit.conformance.rules.Capability.CHOSEN_STORE_TIMESTAMPS;
import static io.offsetkit.conformance.rules.Capability.COMMITTED_OFFSETS;
import static io.offsetkit.conformance.rules.Capability.CREDENTIALS;
import static io.offsetkit.conformance.rules.Capability.DOCUMENTED_DATA;
import static io.offsetkit.conformance.rules.Capability.EXPIRED_TOKEN;
import static io.offsetkit.conformance.rules.Capability.FIRST_OFFSET;
import static io.offsetkit.conformance.rules.Capability.FIXTURE;
import static io.offsetkit.conformance.rules.Capability.INTERNAL_ERROR;
import static io.offsetkit.conformance.rules.Capability.OFFLINE_GROUP;
import static io.offsetkit.conformance.rules.Capability.OTHER_PROJECT_TOKEN;
import static io.offsetkit.conformance.rules.Capability.READ_ONLY_CREDENTIALS;
import static io.offsetkit.conformance.rules.Capability.SEVERAL_BROKERS;
import static io.offsetkit.conformance.rules.Family.AUTH;
import static io.offsetkit.conformance.rules.Family.DOMAIN;
import static io.offsetkit.conformance.rules.Family.EDGE;
import static io.offsetkit.conformance.rules.Family.EXACT;
import static io.offsetkit.conformance.rules.Family.EXAMPLE;
import static io.offsetkit.conformance.rules.Family.NEGATIVE;
import static io.offsetkit.conformance.rules.Family.RESPONSE;
import static io.offsetkit.conformance.rules.Family.WIRE;
import static io.offsetkit.conformance.rules.Level.MUST;
import static io.offsetkit.conformance.rules.Level.SHOULD;
import static io.offsetkit.conformance.rules.Source.contract;
import static io.offsetkit.conformance.rules.Source.nodeSdk;
import static io.offsetkit.conformance.rules.Source.semantics;
import static io.offsetkit.conformance.rules.Source.vendor;
import static io.offsetkit.conformance.rules.Source.wire;

import io.offsetkit.conformance.http.Operations;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue: every rule the kit checks, in one place, in the order it runs them.
 *
 * <p>Each rule has a stable id (never reused, never renumbered: reports and CI configurations name
 * rules by id), a {@link Level}, a {@link Family}, a plain-English statement, the documentation it
 * comes from, what a failure means for the implementation's users, and the {@link Capability
 * capabilities} it needs. How each rule is checked lives in the {@code check} package, one class per
 * family; {@code RuleChecks} maps every constant here to its check.
 *
 * <p>State: the rules of the {@link Family#EXAMPLE}, {@link Family#RESPONSE} and {@link
 * Family#DOMAIN} families reset the group the user names, on the topic the user names, many times;
 * point the kit at a group whose offsets may be lost. The {@link Family#NEGATIVE} and {@link
 * Family#AUTH} rules send requests that must be refused and change nothing when they are. The
 * {@link Family#EXACT} rules create their own topic and group, with fresh names, through the
 * fixture, and never touch the user's.
 */
public enum Rule {
    // ---- documented-example replay
    EXAMPLE_NUMERIC(
            "RESET-EXAMPLE-01",
            MUST,
            EXAMPLE,
            "The documented request, with a numeric timestamp, is answered 200 with a list of queues",
            vendor(
                    "Example Requests",
                    "{ \"topic\" : \"topic_01\", \"timestamp\" : 1662652800000 } ... Status code: 200 Consumer offset reset."),
            "Clients sending the vendor's own example (the Node.js SDK, Java SDKs from 3.1.212) cannot reset offsets."),
    EXAMPLE_STRING(
            "RESET-EXAMPLE-02",
            MUST,
            EXAMPLE,
            "The same request with the timestamp as a JSON string of digits is answered 200, with the same queues and offsets",
            vendor(
                    "Table 2 and the Java SDK sample",
                    "timestamp | Yes | String ... body.withTimestamp(\"1662652800000\");"),
            "The official Java SDK 3.1.80 to 3.1.211, which sends the timestamp as a string, cannot reset offsets or gets another answer."),
    EXAMPLE_DOCUMENTED_ANSWER(
            "RESET-EXAMPLE-03",
            MUST,
            EXAMPLE,
            "On the documented example's data the documented answer comes back exactly",
            vendor(
                    "Example Responses",
                    "\"queues\" : [ { \"broker_name\" : \"broker-1\", \"queue_id\" : 0, \"timestamp_offset\" : 0 } ]"),
            "The implementation does not reproduce the vendor's own example; tutorials written against it fail.",
            DOCUMENTED_DATA),
    EXAMPLE_READS(
            "RESET-EXAMPLE-04",
            List.of(Operations.GROUP_TOPICS, Operations.TOPIC_STATUS, Operations.RESET),
            MUST,
            EXAMPLE,
            "On the documented example's data the reads answer as their documented examples: the group's topics"
                    + " include the documented topic, the topic's status lists the documented queue from offset 0, and"
                    + " after the documented reset the group's progress there is the documented consumer offset",
            contract(
                    "responses/ConsumerListOrDetails and TopicStatus, examples",
                    "topics: [topic_01] ... brokers: - broker_name: broker-1 queues: - id: 0 min_offset: 0 ..."
                            + " consumer_offset: 0"),
            "Tutorials written against the documented examples read other numbers than the ones they show.",
            DOCUMENTED_DATA),

    // ---- response conformance
    RESPONSE_CONTENT_TYPE(
            "RESET-RESPONSE-01",
            MUST,
            RESPONSE,
            "Every successful answer is 200 with Content-Type application/json",
            contract("responses/OffsetReset", "content: application/json"),
            "Clients that select their decoder by media type cannot read the answer."),
    RESPONSE_SCHEMA(
            "RESET-RESPONSE-02",
            MUST,
            RESPONSE,
            "Every successful body is valid against the contract's ResetConsumeOffsetResp schema",
            contract(
                    "schemas/ResetConsumeOffsetResp",
                    "required: [queues] ... required: [broker_name, queue_id, timestamp_offset]"),
            "Generated clients fail to decode the answer or read missing values as null."),
    RESPONSE_STRICT_TYPES(
            "RESET-RESPONSE-03",
            MUST,
            RESPONSE,
            "queue_id and timestamp_offset are JSON integers and broker_name a JSON string, in every successful body",
            wire(
                    "Responses must use JSON numbers",
                    "`queue_id` (Integer) and `timestamp_offset` (Long) must be JSON numbers, `broker_name` a JSON string"),
            "The official Java SDK, which deserialises strictly, throws on the answer."),
    RESPONSE_REQUEST_ID(
            "RESET-RESPONSE-04",
            MUST,
            RESPONSE,
            "Every response, success or error, carries a non-empty X-Request-Id header",
            contract(
                    "headers/X-Request-Id",
                    "Present on every response, success or error; the official SDKs read it from this header"),
            "Support cannot trace a call; the SDKs report a null request id."),
    RESPONSE_REQUEST_ID_UNIQUE(
            "RESET-RESPONSE-05",
            MUST,
            RESPONSE,
            "Every response carries its own X-Request-Id: no two responses of a run share one",
            contract("headers/X-Request-Id", "The id of this request, for support and logs."),
            "Support cannot tell one call from another: every call of every client quotes the same id."),
    RESPONSE_READ_SCHEMA(
            "RESET-RESPONSE-06",
            List.of(Operations.GROUP_TOPICS, Operations.TOPIC_STATUS, Operations.CONSUMERS),
            MUST,
            RESPONSE,
            "Every successful answer of a read is 200 with Content-Type application/json and a body valid against"
                    + " the read's own schema in the contract, its numbers JSON integers",
            contract(
                    "responses/ConsumerListOrDetails, TopicStatus, ConsumerConnections",
                    "schema: $ref: '#/components/schemas/ShowConsumerListOrDetailsResp' ... ShowTopicStatusResp ..."
                            + " ShowConsumerConnectionsResp"),
            "Generated clients and the official SDK fail to decode where a group stands, or read it wrongly."),
    RESPONSE_ERROR_MESSAGE(
            "RESET-RESPONSE-07",
            List.of(Operations.RESET, Operations.GROUP_TOPICS, Operations.TOPIC_STATUS, Operations.CONSUMERS),
            MUST,
            RESPONSE,
            "Every error body's error_msg tells a person what went wrong: not blank, not the bare error code, and"
                    + " naming the query parameter when one is refused",
            contract("schemas/Error/properties/error_msg", "What went wrong, in words a person can act on."),
            "Users see an error they cannot act on: which parameter, which value, is not said."),

    // ---- domain semantics, for any data
    DOMAIN_NON_NEGATIVE(
            "RESET-DOMAIN-01",
            MUST,
            DOMAIN,
            "Every offset is a non-negative number",
            semantics("the reset", "a negative result is replaced by 0"),
            "Consumers are sent to an offset that cannot exist."),
    DOMAIN_EACH_QUEUE_ONCE(
            "RESET-DOMAIN-02",
            MUST,
            DOMAIN,
            "Each (broker_name, queue_id) appears once in an answer",
            contract(
                    "schemas/ResetConsumeOffsetResp/queues",
                    "one entry for every queue of the topic on every broker, each listed once"),
            "A client cannot tell which of two offsets a queue was reset to."),
    DOMAIN_SAME_QUEUES(
            "RESET-DOMAIN-03",
            MUST,
            DOMAIN,
            "The answer lists the same set of queues whatever the time",
            vendor("Table 3", "queues | Array of queues objects | Queues to be reset."),
            "Some queues are silently left unreset at some times."),
    DOMAIN_MONOTONE(
            "RESET-DOMAIN-04",
            MUST,
            DOMAIN,
            "Offsets are monotone in time: for t1 < t2, each queue's offset at t1 is at most its offset at t2",
            contract(
                    "info.description",
                    "the new offset is the first offset whose message store time is at or after `timestamp`"),
            "Resetting to a later time can replay more messages than resetting to an earlier one."),
    DOMAIN_LATEST(
            "RESET-DOMAIN-05",
            MUST,
            DOMAIN,
            "timestamp -1 gives, on each queue, an offset at least the offset of any other time",
            contract("schemas/ResetTimestamp", "`-1` means \"latest\": each queue's maximum offset"),
            "\"Skip to the latest\" leaves messages to be consumed again."),
    DOMAIN_EARLIEST(
            "RESET-DOMAIN-06",
            MUST,
            DOMAIN,
            "timestamp 0 gives, on each queue, an offset at most the offset of any other time",
            contract(
                    "schemas/ResetTimestamp",
                    "`0` is an ordinary time, before every message, and so gives each queue's minimum offset"),
            "\"Replay from the beginning\" skips messages."),
    DOMAIN_ENGINE_ALIAS(
            "RESET-DOMAIN-07",
            MUST,
            DOMAIN,
            "Engine reliability gives the same answer as engine rocketmq",
            vendor("Table 1, engine", "rocketmq: RocketMQ message engine. reliability: RocketMQ message engine alias."),
            "Clients using the alias (the Java SDK's captured requests do) get another answer or an error."),
    DOMAIN_IDEMPOTENT(
            "RESET-DOMAIN-08",
            MUST,
            DOMAIN,
            "The same request sent twice gives the same answer",
            contract("resetConsumeOffset", "The reset applies whether it moves the offset forwards or backwards."),
            "A retried reset (the SDKs retry on timeouts) lands somewhere else than the first attempt."),
    DOMAIN_OLDER_ROUTE(
            "RESET-DOMAIN-09",
            List.of(Operations.RESET_OLDER_ROUTE, Operations.RESET),
            SHOULD,
            DOMAIN,
            "The older route without the engine segment gives the same answer as engine rocketmq",
            contract(
                    "resetConsumeOffsetForRocketMq",
                    "Same request body, same responses, same semantics as `resetConsumeOffset` with engine `rocketmq`"),
            "SDK calls of ResetConsumeOffsetForRocketMq fail or get another answer."),
    DOMAIN_PROGRESS_AFTER_RESET(
            "RESET-DOMAIN-10",
            List.of(Operations.RESET, Operations.GROUP_TOPICS),
            MUST,
            DOMAIN,
            "After a reset to a time, the group's progress on the topic lists, queue for queue, the offsets the reset"
                    + " answered as its consumer offsets",
            contract(
                    "showConsumerListOrDetails",
                    "With `topic`: the group's progress on that topic, queue by queue: the broker offset (the queue's"
                            + " maximum offset), the group's consumer offset"),
            "The reset's answer and the group's offsets disagree: the answer is only a report, or the read shows"
                    + " something else than where consumers resume."),
    DOMAIN_LAG(
            "RESET-DOMAIN-11",
            List.of(Operations.GROUP_TOPICS),
            MUST,
            DOMAIN,
            "Each queue's lag is its broker offset minus its consumer offset, never below 0, and the topic's lag,"
                    + " max_offset and consumer_offset are the sums over its queues",
            contract(
                    "schemas/ConsumerProgressQueue/lag",
                    "How many messages the group has still to consume: `broker_offset` minus `consumer_offset`, never"
                            + " below 0."),
            "Dashboards and alerts on consumer lag show numbers that are not the lag."),
    DOMAIN_LATEST_IS_MAX_OFFSET(
            "RESET-DOMAIN-12",
            List.of(Operations.RESET, Operations.TOPIC_STATUS, Operations.GROUP_TOPICS),
            MUST,
            DOMAIN,
            "A reset to -1 answers every queue of the topic's status, each at its max_offset, and the group's progress"
                    + " then shows the same queues with those max offsets as broker offsets",
            contract(
                    "showTopicStatus",
                    "A reset to `-1` answers each queue's `max_offset`; a reset to `0` each queue's `min_offset`."),
            "\"Skip to the latest\" and the topic's own status disagree: some queues are skipped or land elsewhere."),
    DOMAIN_EARLIEST_IS_MIN_OFFSET(
            "RESET-DOMAIN-13",
            List.of(Operations.RESET, Operations.TOPIC_STATUS),
            MUST,
            DOMAIN,
            "A reset to 0 answers each queue's min_offset from the topic's status",
            contract(
                    "showTopicStatus",
                    "A reset to `-1` answers each queue's `max_offset`; a reset to `0` each queue's `min_offset`."),
            "\"Replay from the beginning\" starts elsewhere than the topic's oldest stored message."),
    DOMAIN_READ_CHANGES_NOTHING(
            "RESET-DOMAIN-14",
            List.of(Operations.GROUP_TOPICS, Operations.TOPIC_STATUS, Operations.CONSUMERS),
            MUST,
            DOMAIN,
            "A read changes nothing: the group's progress is the same before and after every read of every operation",
            contract(
                    "showConsumerListOrDetails, showTopicStatus, showConsumerConnections",
                    "get: ... Show a consumer group's topics, or its progress on one topic"),
            "Looking at a group moves its offsets: a monitoring tool replays or skips messages."),
    DOMAIN_READ_PAGING(
            "RESET-DOMAIN-15",
            List.of(Operations.GROUP_TOPICS, Operations.CONSUMERS),
            MUST,
            DOMAIN,
            "Paged reads page as documented: at most limit entries, total counts them all, an offset past the last"
                    + " entry gives an empty page, and next_offset and previous_offset point at the neighbouring pages"
                    + " or are -1",
            contract(
                    "showConsumerConnections",
                    "`next_offset` is the `offset` of the next page, or `-1` when this page is the last;"
                            + " `previous_offset` is the `offset` of the previous page, or `-1` when this page is the"
                            + " first."),
            "Clients that page through a group's topics or consumers loop forever, or miss some."),

    // ---- wire forms of the official SDKs
    WIRE_CHUNKED(
            "RESET-WIRE-01",
            MUST,
            WIRE,
            "A body sent chunked (Transfer-Encoding: chunked, no Content-Length) is answered as the same body sent with"
                    + " Content-Length",
            wire(
                    "The official Java SDK on the wire",
                    "Transfer-Encoding: chunked ... Note: the body is chunked, with no Content-Length."),
            "Every user of the official Java SDK is refused: its body never arrives."),
    WIRE_JAVA_SDK(
            "RESET-WIRE-02",
            MUST,
            WIRE,
            "The request as the official Java SDK 3.1.143 sends it (engine reliability, User-Agent and X-Project-Id"
                    + " signed with Host and X-Sdk-Date, a string timestamp, a chunked body) is answered as the plain"
                    + " request",
            wire(
                    "The official Java SDK on the wire",
                    "SignedHeaders=host;user-agent;x-project-id;x-sdk-date ... X-Project-Id: 77b6a44cba5143ab91d13ab9a8ff44fd"
                            + " ... {\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}"),
            "Users of the official Java SDK are refused, or get another answer than other clients."),
    WIRE_NODE_SDK(
            "RESET-WIRE-03",
            MUST,
            WIRE,
            "The request as the official Node.js SDK sends it (a lower-case content-type header that is among the"
                    + " signed headers, X-Project-Id, a numeric timestamp, a Content-Length body) is answered as the"
                    + " plain request",
            nodeSdk(
                    "core/auth/AKSKSigner.ts, sign()",
                    "Object.assign(allHeaders, current_headers, authenticationHeaders); ... const signedHeaderNames ="
                            + " sortedKeys.join(\";\").toLocaleLowerCase();"),
            "Users of the official Node.js SDK are refused: a verifier that never signs Content-Type rejects their"
                    + " signature."),
    WIRE_READ_SDK(
            "RESET-WIRE-04",
            List.of(Operations.GROUP_TOPICS, Operations.TOPIC_STATUS),
            MUST,
            WIRE,
            "A read as the official SDKs send it (a GET with Content-Type application/json and no body, User-Agent"
                    + " and X-Project-Id) is answered as the plain read",
            wire(
                    "The read operations of the offset workflow",
                    "Content-Type: application/json (both SDKs send it on a GET, with no body) ... So a GET with a"
                            + " `Content-Type` and no body is the normal case"),
            "Users of the official SDKs cannot read a group's progress or a topic's status: their GET is refused."),
    WIRE_CHARSET(
            "RESET-WIRE-05",
            MUST,
            WIRE,
            "A reset whose Content-Type carries a charset (application/json;charset=UTF-8, as many HTTP clients and"
                    + " proxies write it) is answered as the plain request",
            contract("requestBodies/ResetConsumeOffset", "content: application/json"),
            "Clients and gateways that label the body's charset, as many do by default, cannot reset offsets."),

    // ---- valid inputs at the contract's edges
    EDGE_TIMESTAMP_INTEGER(
            "RESET-EDGE-01",
            MUST,
            EDGE,
            "Every JSON integer timestamp at the contract's edges (its minimum -1, 0, 1, the int64 maximum, a time"
                    + " drawn from the seed) is answered 200, the int64 maximum with the offsets of -1",
            contract("schemas/ResetTimestamp", "type: integer, format: int64, minimum: -1"),
            "Valid times are refused or land elsewhere: clients that compute far-future times fail."),
    EDGE_TIMESTAMP_STRING(
            "RESET-EDGE-02",
            MUST,
            EDGE,
            "Every string timestamp at the contract's edges (\"-1\", the shortest and the longest digit strings,"
                    + " the int64 maximum) is answered with the offsets of the same value sent as a JSON integer",
            contract(
                    "schemas/ResetTimestamp",
                    "type: string, pattern: '^(-1|[0-9]{1,19})$' ... Either form must fit a signed 64-bit integer"),
            "Java SDK 3.1.80 to 3.1.211 users cannot skip to the latest offsets, or land elsewhere than with a number."),
    EDGE_NAMES(
            "RESET-EDGE-03",
            MUST,
            EDGE,
            "Project id, instance id, group and topic names valid by the contract (the shortest, the longest, every"
                    + " allowed character) are never refused as invalid: the answer is 200 or the documented"
                    + " 'does not exist'",
            contract(
                    "parameters and schemas/ResetConsumeOffsetReq/topic",
                    "maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' (ids); maxLength: 120 (group), 127 (topic),"
                            + " pattern: '^[%|a-zA-Z0-9_-]+$'"),
            "Groups and topics that RocketMQ accepts cannot be reset: long names, or names with % or |, are refused."),
    EDGE_NAMES_RESET(
            "RESET-EDGE-04",
            MUST,
            EDGE,
            "A topic and a group named at their longest with every allowed character, made through the fixture, are"
                    + " reset like any other",
            contract(
                    "parameters/Group",
                    "Consumer group names are the characters Apache RocketMQ allows (letters, digits, `%`, `|`, `-`,"
                            + " `_`), at most 120 of them"),
            "Groups and topics with long names, or with % or | in them, are not found or reset wrongly.",
            FIXTURE),

    // ---- negative inputs
    NEGATIVE_UNKNOWN_ENGINE(
            "RESET-NEGATIVE-01",
            MUST,
            NEGATIVE,
            "An engine other than rocketmq or reliability is refused with 400 or 404 and a documented error body",
            vendor("Table 1, engine", "Range: rocketmq ... reliability"),
            "Typos in the engine are accepted and act on some other engine, or crash the server."),
    NEGATIVE_UNKNOWN_INSTANCE(
            "RESET-NEGATIVE-02",
            MUST,
            NEGATIVE,
            "An unknown instance is refused with 404 DMS.00404022",
            vendor("Error Codes", "404 | DMS.00404022 | This instance does not exist."),
            "Clients cannot tell a wrong instance id from a server fault."),
    NEGATIVE_UNKNOWN_GROUP(
            "RESET-NEGATIVE-03",
            MUST,
            NEGATIVE,
            "An unknown consumer group is refused with 404 DMS.10240405",
            vendor("Error Codes", "404 | DMS.10240405 | The consumption group ID is incorrect or not found."),
            "A typo in the group name creates or resets some other group silently."),
    NEGATIVE_UNKNOWN_TOPIC(
            "RESET-NEGATIVE-04",
            MUST,
            NEGATIVE,
            "An unknown topic is refused with 400 DMS.00400876",
            vendor("Error Codes", "400 | DMS.00400876 | The topic does not exist."),
            "A typo in the topic name is answered as if nothing needed resetting."),
    NEGATIVE_EMPTY_BODY(
            "RESET-NEGATIVE-05",
            MUST,
            NEGATIVE,
            "An empty body is refused with 400 DMS.00400004",
            vendor("Error Codes", "400 | DMS.00400004 | The request body is empty."),
            "A request without body resets to an arbitrary time or crashes the server."),
    NEGATIVE_MALFORMED_BODY(
            "RESET-NEGATIVE-06",
            MUST,
            NEGATIVE,
            "A body that is not JSON is refused with 400 DMS.00400005",
            vendor(
                    "Error Codes",
                    "400 | DMS.00400005 | The message body is not in JSON format or contains invalid characters."),
            "Broken clients get a 500 or a reset they did not ask for."),
    NEGATIVE_WRONG_TYPES(
            "RESET-NEGATIVE-07",
            MUST,
            NEGATIVE,
            "A body of the wrong JSON types (an array, a numeric topic, a boolean or object timestamp) is refused with 400",
            vendor("Table 2", "topic | Yes | String ... timestamp | Yes | String"),
            "Values are coerced: a reset happens on a topic or at a time nobody named."),
    NEGATIVE_MISSING_FIELD(
            "RESET-NEGATIVE-08",
            MUST,
            NEGATIVE,
            "A body without topic or without timestamp is refused with 400",
            vendor("Table 2", "Parameter | Mandatory ... topic | Yes ... timestamp | Yes"),
            "A missing time is read as 0 or now: the group replays or skips everything."),
    NEGATIVE_BAD_TIMESTAMP(
            "RESET-NEGATIVE-09",
            MUST,
            NEGATIVE,
            "A timestamp that is not -1 or a non-negative int64 (letters, a fraction, -2, empty, too large) is refused with 400",
            vendor("Error Codes", "400 | DMS.00400142 | Timestamp is invalid."),
            "An invalid time is rounded, wrapped or defaulted: the group lands at an unintended offset."),
    NEGATIVE_WRONG_METHOD(
            "RESET-NEGATIVE-10",
            MUST,
            NEGATIVE,
            "Another HTTP method on the operation's route is refused with 405 DMS.00405001",
            vendor("Error Codes", "405 | DMS.00405001 | This request method is not allowed."),
            "A GET (a crawler, a prefetch) could reset offsets, or clients get a misleading 404 or 500."),
    NEGATIVE_UNKNOWN_ROUTE(
            "RESET-NEGATIVE-11",
            MUST,
            NEGATIVE,
            "A path that is no route of the API is refused with 404 DMS.00404001",
            vendor("Error Codes", "404 | DMS.00404001 | The requested URL does not exist."),
            "Misspelt paths are answered with a 200, a 500 or a body clients cannot read."),
    NEGATIVE_READ_UNKNOWN(
            "RESET-NEGATIVE-12",
            List.of(Operations.GROUP_TOPICS, Operations.TOPIC_STATUS, Operations.CONSUMERS),
            MUST,
            NEGATIVE,
            "Each read refuses an unknown instance with 404 DMS.00404022, an unknown group with 404 DMS.10240405 and"
                    + " an unknown topic with 400 DMS.00400876",
            contract(
                    "responses/NotFound and ReadBadRequest",
                    "The route, the instance or the consumer group does not exist ... DMS.00400876 The topic does not"
                            + " exist."),
            "A typo in a name reads as an empty group or topic, or as a server fault."),
    NEGATIVE_READ_PAGING(
            "RESET-NEGATIVE-13",
            List.of(Operations.GROUP_TOPICS, Operations.CONSUMERS),
            MUST,
            NEGATIVE,
            "Bad paging values are refused with 400 and their documented codes: limit 0, -1, not a number or"
                    + " spelt otherwise than the contract (DMS.00400800), above 50 (DMS.10240042); offset -1 or not a"
                    + " number (DMS.00400800), beyond int32 (DMS.10240043); is_detail other than true or false",
            contract(
                    "parameters/Limit, Offset, IsDetail",
                    "A value above 50 is refused with `400 DMS.10240042`; below 1, or not a decimal integer, with"
                            + " `400 DMS.00400800`."),
            "Bad paging is read as some other page: clients get silently truncated or repeated lists."),
    NEGATIVE_READ_WRONG_METHOD(
            "RESET-NEGATIVE-14",
            List.of(Operations.GROUP_TOPICS, Operations.TOPIC_STATUS, Operations.CONSUMERS),
            MUST,
            NEGATIVE,
            "Another HTTP method on a read's route is refused with 405 DMS.00405001",
            vendor("Error Codes", "405 | DMS.00405001 | This request method is not allowed."),
            "A write sent to a read's route is answered as a read, or with a misleading 404 or 500."),
    NEGATIVE_GROUP_OFFLINE(
            "RESET-NEGATIVE-15",
            MUST,
            NEGATIVE,
            "A reset of a group with no consumer online is refused with 400 DMS.50050004",
            vendor("Error Codes", "400 | DMS.50050004 | The consumer group is offline."),
            "An app that stops its consumers before it resets passes its tests here and fails against the service.",
            FIXTURE,
            OFFLINE_GROUP),
    NEGATIVE_INTERNAL_ERROR(
            "RESET-NEGATIVE-16",
            MUST,
            NEGATIVE,
            "A reset the target fails to complete (the fixture induces the failure) is answered 500 DMS.00500000"
                    + " with a documented error body",
            vendor("Error Codes", "500 | DMS.00500000 | Internal service error."),
            "An app's retry and error handling is never exercised: a failure reaches it as another status, a body"
                    + " it cannot read or a success.",
            FIXTURE,
            INTERNAL_ERROR),

    // ---- authentication
    AUTH_NO_CREDENTIALS(
            "RESET-AUTH-01",
            MUST,
            AUTH,
            "A request without credentials is refused with 401 and a documented error body",
            vendor("Error Codes", "401 | DMS.10240103 | Missing token."),
            "Anyone who can reach the endpoint can move every group's offsets.",
            CREDENTIALS),
    AUTH_WRONG_TOKEN(
            "RESET-AUTH-02",
            MUST,
            AUTH,
            "A request with a wrong X-Auth-Token is refused with 401",
            vendor("Error Codes", "401 | DMS.10240101 | Invalid token."),
            "Any token string is accepted: the authentication is decoration.",
            CREDENTIALS),
    AUTH_BAD_SIGNATURE(
            "RESET-AUTH-03",
            MUST,
            AUTH,
            "A request whose SDK-HMAC-SHA256 signature does not verify is refused with 401",
            contract(
                    "securitySchemes/akskSignature",
                    "A request whose signature does not verify ... is refused with 401."),
            "A forged or tampered request (another body under a valid signature) is executed.",
            CREDENTIALS,
            AKSK_CREDENTIALS),
    AUTH_STALE_DATE(
            "RESET-AUTH-04",
            MUST,
            AUTH,
            "A correctly signed request whose X-Sdk-Date is a day old is refused with 401",
            contract(
                    "securitySchemes/akskSignature",
                    "or whose `X-Sdk-Date` is too far from the server's clock, is refused with 401."),
            "A captured request can be replayed at any later time.",
            CREDENTIALS,
            AKSK_CREDENTIALS),
    AUTH_READS(
            "RESET-AUTH-05",
            List.of(Operations.GROUP_TOPICS, Operations.TOPIC_STATUS, Operations.CONSUMERS),
            MUST,
            AUTH,
            "Each read without credentials is refused with 401 and a documented error body",
            contract("security", "- iamToken: [] - akskSignature: []"),
            "Anyone who can reach the endpoint can read every group's offsets and consumers.",
            CREDENTIALS),
    AUTH_KIT_CREDENTIALS(
            "RESET-AUTH-06",
            MUST,
            AUTH,
            "A request with the kit's own credentials is accepted (not refused with 401 or 403), so that the"
                    + " refusals the other authentication rules expect prove that credentials are checked",
            contract(
                    "securitySchemes",
                    "iamToken ... X-Auth-Token; akskSignature ... SDK-HMAC-SHA256 ... A request whose signature does"
                            + " not verify ... is refused with 401."),
            "Valid credentials are refused: no client can call the API; and every refusal the kit sees may be"
                    + " that refusal, not a check of the credentials.",
            CREDENTIALS),
    AUTH_EXPIRED_TOKEN(
            "RESET-AUTH-07",
            MUST,
            AUTH,
            "A request with an expired X-Auth-Token is refused with 401 DMS.10240102",
            vendor("Error Codes", "401 | DMS.10240102 | Expired token."),
            "A client cannot tell an expired token (obtain a new one) from a wrong one, or an expired token still works.",
            FIXTURE,
            EXPIRED_TOKEN),
    AUTH_OTHER_PROJECT_TOKEN(
            "RESET-AUTH-08",
            MUST,
            AUTH,
            "A request with a token of another project than the path's is refused with 401 DMS.10240104",
            vendor("Error Codes", "401 | DMS.10240104 | The project ID and token do not match."),
            "A token of one project moves the offsets of another's groups, or the client cannot tell why it is refused.",
            FIXTURE,
            OTHER_PROJECT_TOKEN),
    AUTH_READ_ONLY(
            "RESET-AUTH-09",
            MUST,
            AUTH,
            "A reset with credentials that authenticate but may not reset is refused with 403 DMS.00403007",
            vendor("Error Codes", "403 | DMS.00403007 | Authorization denied."),
            "A user whose policy only reads can move offsets, or is told the credentials are wrong.",
            FIXTURE,
            READ_ONLY_CREDENTIALS),

    // ---- exact answers with a fixture
    EXACT_BEFORE_FIRST(
            "RESET-EXACT-01",
            MUST,
            EXACT,
            "A time before every message of a queue gives the queue's first offset",
            semantics("the store lookup", "`t` before every message: the queue's min offset."),
            "Resetting to before the data skips messages that are still stored.",
            FIXTURE),
    EXACT_AT_MESSAGE(
            "RESET-EXACT-02",
            MUST,
            EXACT,
            "A time equal to a message's store time gives that message's offset",
            contract("info.description", "the first offset whose message store time is at or after `timestamp`"),
            "The message stored at exactly the requested time is skipped or replayed twice.",
            FIXTURE),
    EXACT_BETWEEN(
            "RESET-EXACT-03",
            MUST,
            EXACT,
            "A time between two messages gives the offset of the later one",
            contract("info.description", "the first offset whose message store time is at or after `timestamp`"),
            "The reset lands one message early or late.",
            FIXTURE),
    EXACT_EQUAL_TIMESTAMPS(
            "RESET-EXACT-04",
            MUST,
            EXACT,
            "Among messages with equal store times, the time gives the first of them",
            semantics("the store lookup", "Equal timestamps: the walk goes left to the first of them (LOWER)."),
            "Messages stored in the same millisecond as the requested time are skipped.",
            FIXTURE),
    EXACT_STEP_BACK(
            "RESET-EXACT-05",
            MUST,
            EXACT,
            "When store times step back within a queue, the time gives the first offset whose store time is at or after it",
            semantics(
                    "the store lookup",
                    "Clocks can step back (failover), so store timestamps within a queue are usually, not always, non-decreasing."),
            "After a broker failover, resets land in the wrong place.",
            FIXTURE,
            CHOSEN_STORE_TIMESTAMPS),
    EXACT_AFTER_LAST(
            "RESET-EXACT-06",
            MUST,
            EXACT,
            "A time after every message gives the queue's maximum offset (the next to be written)",
            semantics(
                    "the store lookup",
                    "`t` after every message: the queue's max offset (the next offset to be written)."),
            "Resetting to now replays the last message, or points past the end.",
            FIXTURE),
    EXACT_EMPTY_QUEUE(
            "RESET-EXACT-07",
            MUST,
            EXACT,
            "An empty queue gives its first offset (equal to its maximum) at every time, -1 included",
            semantics("the store lookup", "Empty queue: 0 (min == max)."),
            "Empty queues get offsets that cannot exist, or disappear from the answer.",
            FIXTURE),
    EXACT_SEVERAL_BROKERS(
            "RESET-EXACT-08",
            MUST,
            EXACT,
            "A topic on several brokers is answered with every queue of every broker, each from its own messages",
            vendor("URI and Table 4", "broker_name | String | Broker where the queue is located."),
            "Queues of some brokers are not reset, or get another broker's offsets.",
            FIXTURE,
            SEVERAL_BROKERS),
    EXACT_LATEST(
            "RESET-EXACT-09",
            MUST,
            EXACT,
            "timestamp -1 gives every queue's maximum offset",
            semantics("the reset", "`t == -1` -> max offset"),
            "\"Skip to the latest\" leaves messages unconsumed or points past the end.",
            FIXTURE),
    EXACT_FIRST_OFFSET_NOT_ZERO(
            "RESET-EXACT-10",
            MUST,
            EXACT,
            "A queue whose first offset is not 0 (after retention) is answered in its own offsets",
            semantics("the store lookup", "The result is clamped to `[minOffset, maxOffset]`."),
            "After retention has deleted old messages, resets point at offsets that no longer exist.",
            FIXTURE,
            FIRST_OFFSET),
    EXACT_COMMITTED(
            "RESET-EXACT-11",
            List.of(Operations.RESET, Operations.GROUP_TOPICS),
            MUST,
            EXACT,
            "After a reset, the group's committed offsets are the offsets the answer lists",
            vendor("Function", "This API is used to reset the consumer offset."),
            "The answer is only a report: consumers keep reading from where they were.",
            COMMITTED_OFFSETS),
    EXACT_COMMITTED_BACKWARDS(
            "RESET-EXACT-12",
            List.of(Operations.RESET, Operations.GROUP_TOPICS),
            MUST,
            EXACT,
            "After a reset back to an earlier time, the group's committed offsets are the earlier offsets the answer"
                    + " lists",
            contract("resetConsumeOffset", "The reset applies whether it moves the offset forwards or backwards."),
            "Replaying from an earlier time does nothing: consumers keep reading from the later offsets.",
            COMMITTED_OFFSETS),
    EXACT_OTHER_GROUP_UNTOUCHED(
            "RESET-EXACT-13",
            List.of(Operations.RESET, Operations.GROUP_TOPICS),
            MUST,
            EXACT,
            "A reset of another group on the same topic leaves this group's committed offsets as they were",
            contract(
                    "resetConsumeOffset",
                    "Resets the consumer offset of consumer group `group` on topic `topic` to the time `timestamp`"),
            "Resetting one application's group moves every other group's consumers too.",
            COMMITTED_OFFSETS),
    EXACT_REFUSED_CHANGES_NOTHING(
            "RESET-EXACT-14",
            List.of(Operations.RESET, Operations.GROUP_TOPICS),
            MUST,
            EXACT,
            "A refused reset (an invalid timestamp; with credentials, an unsigned request) leaves the group's committed"
                    + " offsets as they were",
            contract(
                    "securitySchemes/akskSignature",
                    "A request whose signature does not verify, or whose `X-Sdk-Date` is too far from the server's"
                            + " clock, is refused with 401."),
            "A request answered with an error still moves the offsets: anyone can reset a group, and clients that"
                    + " retry after an error reset twice.",
            COMMITTED_OFFSETS);

    private final String id;
    private final List<String> operations;
    private final Level level;
    private final Family family;
    private final String statement;
    private final Source source;
    private final String failureMeans;
    private final Set<Capability> requires;

    Rule(
            String id,
            Level level,
            Family family,
            String statement,
            Source source,
            String failureMeans,
            Capability... requires) {
        this(id, List.of(Operations.RESET), level, family, statement, source, failureMeans, requires);
    }

    Rule(
            String id,
            List<String> operations,
            Level level,
            Family family,
            String statement,
            Source source,
            String failureMeans,
            Capability... requires) {
        this.id = id;
        this.operations = List.copyOf(operations);
        this.level = level;
        this.family = family;
        this.statement = statement;
        this.source = source;
        this.failureMeans = failureMeans;
        // An EnumSet keeps catalogue order, so the first missing capability named is the most basic one.
        this.requires =
                requires.length == 0 ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(requires)));
    }

    /** The stable id, such as {@code RESET-EXAMPLE-01}. */
    public String id() {
        return id;
    }

    /**
     * The contract's operations the rule sends requests to, by {@code operationId} ({@link Operations}),
     * the first the one it is about; resolved to their descriptors from the contract at run time.
     */
    public List<String> operations() {
        return operations;
    }

    public Level level() {
        return level;
    }

    public Family family() {
        return family;
    }

    /** What the rule requires, as one plain-English sentence. */
    public String statement() {
        return statement;
    }

    /** The documentation the rule comes from. */
    public Source source() {
        return source;
    }

    /** What a failure means for the implementation's users. */
    public String failureMeans() {
        return failureMeans;
    }

    /** The capabilities the rule needs; empty for rules every target can be checked against. */
    public Set<Capability> requires() {
        return requires;
    }

    /**
     * The rules this one relies on: when one of them fails, errs or is itself blocked, this rule is not
     * checked but reported as blocked by it (skipped, naming the rule and its one-line cause), so that
     * one refused request form is one failure, not thirty. They are checked first, whatever the order
     * the rules are asked in. A rule that needs nothing every rule needs returns an empty set.
     *
     * <p>Two request forms carry almost every rule: a request with the kit's own credentials ({@link
     * #AUTH_KIT_CREDENTIALS}, skipped without credentials, and then blocking nothing) and the documented
     * reset answered 200 with its queues ({@link #EXAMPLE_NUMERIC}). A rule needs the second when it
     * judges the answer of a reset the kit expects to succeed; the rules that only read, or that expect
     * refusals (every {@link Family#NEGATIVE} and {@link Family#AUTH} rule, a new one included), need the
     * first only.
     */
    public Set<Rule> needs() {
        return switch (this) {
            case AUTH_KIT_CREDENTIALS -> Set.of();
            // the documented request itself; the response rules, which judge whatever answers came back (the
            // documented one or not); and the rules that only read
            case EXAMPLE_NUMERIC,
                    RESPONSE_CONTENT_TYPE,
                    RESPONSE_SCHEMA,
                    RESPONSE_STRICT_TYPES,
                    RESPONSE_REQUEST_ID,
                    RESPONSE_REQUEST_ID_UNIQUE,
                    RESPONSE_READ_SCHEMA,
                    RESPONSE_ERROR_MESSAGE,
                    DOMAIN_LAG,
                    DOMAIN_READ_CHANGES_NOTHING,
                    DOMAIN_READ_PAGING,
                    WIRE_READ_SDK -> CREDENTIALS_ACCEPTED;
            // a refusal needs no successful reset, only credentials the target accepts to refuse others against
            default -> family == NEGATIVE || family == AUTH ? CREDENTIALS_ACCEPTED : DOCUMENTED_RESET_ANSWERED;
        };
    }

    /**
     * The rules checked before this one, whatever the order the rules are asked in, without depending on
     * their verdicts: the response rules judge every response the run receives, so every other rule
     * selected runs before them, and their verdict is the same whether they are asked first (as JUnit
     * may), last (as the command line does) or alone.
     */
    public List<Rule> checkedAfter() {
        return family == RESPONSE ? NOT_RESPONSE_RULES : List.of();
    }

    // EnumSets, so that needs are checked in catalogue order, the same in every run
    private static final Set<Rule> CREDENTIALS_ACCEPTED = Collections.unmodifiableSet(EnumSet.of(AUTH_KIT_CREDENTIALS));
    private static final Set<Rule> DOCUMENTED_RESET_ANSWERED =
            Collections.unmodifiableSet(EnumSet.of(AUTH_KIT_CREDENTIALS, EXAMPLE_NUMERIC));
    private static final List<Rule> NOT_RESPONSE_RULES =
            Arrays.stream(values()).filter(rule -> rule.family != RESPONSE).toList();

    /** {@code RESET-EXAMPLE-01 (MUST)}. */
    public String label() {
        return id + " (" + level + ")";
    }

    /** Every rule of a family, in catalogue order. */
    public static List<Rule> of(Family family) {
        return Arrays.stream(values()).filter(rule -> rule.family == family).toList();
    }

    /**
     * The rule with the given id.
     *
     * @throws IllegalArgumentException naming the id, and the closest id, when no rule has it
     */
    public static Rule byId(String id) {
        return Arrays.stream(values())
                .filter(rule -> rule.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No rule has the id '" + id + "'; the closest is "
                        + Closest.to(id, Arrays.stream(values()).map(Rule::id).toList())));
    }
}
