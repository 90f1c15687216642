package io.offsetkit.conformance;

import static io.offsetkit.conformance.rules.Rule.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Proof that the kit can fail: each test runs the whole kit against {@link
 * io.offsetkit.conformance.fake.FakeDms} broken by one {@link Defect}, and checks that exactly the
 * intended rules fail, that each failure names its rule, and that the message shows what came back.
 *
 * <p>{@link #INTENDED} is the table: for each defect, every rule it must break. Most defects break
 * one rule. Some break several because the rules overlap by design (a number written as a string is
 * both a schema violation and a strict-type violation) or because every later rule needs what the
 * defect breaks (a server that refuses numeric timestamps cannot be judged on its answers at all);
 * the table states those sets whole, so a rule failing outside them fails the test.
 */
class BrokenImplementationsTest {

    /** The rules each defect must break, and no other. */
    static final Map<Defect, Set<Rule>> INTENDED = new EnumMap<>(Defect.class);

    static {
        // the rules that read the offsets of an answer to the kit's numeric or SDK-form resets
        Set<Rule> everyAnswerRule = EnumSet.of(EXAMPLE_DOCUMENTED_ANSWER, EDGE_TIMESTAMP_INTEGER);
        everyAnswerRule.addAll(Rule.of(Family.DOMAIN));
        everyAnswerRule.addAll(Rule.of(Family.WIRE));
        everyAnswerRule.addAll(Rule.of(Family.EXACT));
        everyAnswerRule.removeAll(EnumSet.of(EXACT_OTHER_GROUP_UNTOUCHED, EXACT_REFUSED_CHANGES_NOTHING));
        // the rules that judge reads only: the documented group's progress is readable whatever the resets do
        everyAnswerRule.removeAll(
                EnumSet.of(DOMAIN_LAG, DOMAIN_READ_CHANGES_NOTHING, DOMAIN_READ_PAGING, WIRE_READ_SDK));
        // the string-timestamp requests are answered, but there is no numeric answer to compare them with: a
        // comparison that cannot be made is not a pass
        intended(
                Defect.NUMERIC_TIMESTAMP_REFUSED,
                everyAnswerRule,
                EXAMPLE_NUMERIC,
                EXAMPLE_STRING,
                // these requests carry a numeric timestamp too: refused for it before anything else
                NEGATIVE_UNKNOWN_GROUP,
                NEGATIVE_UNKNOWN_TOPIC,
                EDGE_NAMES,
                EDGE_NAMES_RESET,
                EXACT_OTHER_GROUP_UNTOUCHED,
                // nothing was ever committed, so nothing read back can show that a refusal left it as it was
                EXACT_REFUSED_CHANGES_NOTHING,
                // the offline group's reset is refused for its timestamp before its group is looked at
                NEGATIVE_GROUP_OFFLINE);
        intended(Defect.STRING_TIMESTAMP_REFUSED, EXAMPLE_STRING, WIRE_JAVA_SDK, EDGE_TIMESTAMP_STRING);
        // the documented reset lands elsewhere, and so does the progress read after it
        intended(Defect.DOCUMENTED_DATA_DIFFERENT, EXAMPLE_DOCUMENTED_ANSWER, EXAMPLE_READS);
        // the reads are answered text/plain too
        intended(Defect.TEXT_PLAIN_CONTENT_TYPE, RESPONSE_CONTENT_TYPE, RESPONSE_READ_SCHEMA);
        intended(Defect.NUMBERS_AS_STRINGS, RESPONSE_SCHEMA, RESPONSE_STRICT_TYPES);
        intended(Defect.NUMBERS_AS_FRACTIONS, RESPONSE_SCHEMA, RESPONSE_STRICT_TYPES);
        // a queue without its offset cannot be judged by any rule that reads offsets (the reset to a time just after
        // the documented one, and to -1, never answer 0 there)
        Set<Rule> zeroOffsetAnswers = EnumSet.copyOf(everyAnswerRule);
        zeroOffsetAnswers.removeAll(EnumSet.of(DOMAIN_PROGRESS_AFTER_RESET, DOMAIN_LATEST_IS_MAX_OFFSET));
        intended(
                Defect.OFFSET_FIELD_MISSING,
                zeroOffsetAnswers,
                EXAMPLE_NUMERIC,
                EXAMPLE_STRING,
                RESPONSE_SCHEMA,
                EDGE_TIMESTAMP_STRING);
        intended(Defect.NO_REQUEST_ID_ON_ERRORS, RESPONSE_REQUEST_ID);
        intended(Defect.CONSTANT_REQUEST_ID, RESPONSE_REQUEST_ID_UNIQUE);
        intended(
                Defect.NEGATIVE_OFFSET_AT_ZERO,
                DOMAIN_NON_NEGATIVE,
                DOMAIN_EARLIEST_IS_MIN_OFFSET,
                RESPONSE_SCHEMA,
                EXACT_BEFORE_FIRST,
                EXACT_EMPTY_QUEUE,
                EXACT_SEVERAL_BROKERS,
                EXACT_FIRST_OFFSET_NOT_ZERO);
        // topic_01 has one queue: listed twice, the documented answer is no longer the documented one
        intended(Defect.FIRST_QUEUE_DUPLICATED, DOMAIN_EACH_QUEUE_ONCE, EXAMPLE_DOCUMENTED_ANSWER);
        // the int64 maximum is in the future too, and must give the offsets of -1
        intended(Defect.FOREIGN_QUEUE_IN_FUTURE, DOMAIN_SAME_QUEUES, EDGE_TIMESTAMP_INTEGER);
        intended(Defect.FAR_FUTURE_GOES_BACKWARDS, DOMAIN_MONOTONE, EDGE_TIMESTAMP_INTEGER);
        intended(
                Defect.LATEST_IS_EARLIEST,
                DOMAIN_LATEST,
                DOMAIN_LATEST_IS_MAX_OFFSET,
                EDGE_TIMESTAMP_INTEGER,
                EXACT_LATEST,
                EXACT_SEVERAL_BROKERS,
                EXACT_FIRST_OFFSET_NOT_ZERO);
        intended(
                Defect.ZERO_IS_LATEST,
                DOMAIN_EARLIEST,
                DOMAIN_EARLIEST_IS_MIN_OFFSET,
                DOMAIN_MONOTONE,
                EXACT_BEFORE_FIRST,
                EXACT_SEVERAL_BROKERS,
                EXACT_FIRST_OFFSET_NOT_ZERO);
        // the Java SDK's captured request uses the alias
        intended(Defect.ALIAS_NOT_HONOURED, DOMAIN_ENGINE_ALIAS, WIRE_JAVA_SDK);
        // the chunked request repeats the reset to the documented time that RESET-DOMAIN-14 sends just before it, and
        // the charset's request the Node.js SDK's body
        intended(Defect.REPEAT_MOVES_ON, DOMAIN_IDEMPOTENT, WIRE_CHUNKED, WIRE_CHARSET);
        intended(Defect.OLDER_ROUTE_MISSING, DOMAIN_OLDER_ROUTE);
        // the Java SDK's request is chunked too; and it signs more than host and x-sdk-date, as the Node.js SDK does
        intended(Defect.CHUNKED_BODY_IGNORED, WIRE_CHUNKED, WIRE_JAVA_SDK);
        intended(Defect.SIGNED_HEADERS_FIXED, WIRE_JAVA_SDK, WIRE_NODE_SDK, WIRE_READ_SDK);
        intended(Defect.CONTENT_TYPE_NEVER_SIGNED, WIRE_NODE_SDK);
        intended(Defect.TIMESTAMP_AS_DOUBLE, EDGE_TIMESTAMP_INTEGER);
        intended(Defect.STRING_LATEST_REFUSED, EDGE_TIMESTAMP_STRING);
        // the fixture's long names are longer than 64 too
        intended(Defect.NAMES_LIMITED_TO_64, EDGE_NAMES, EDGE_NAMES_RESET);
        intended(Defect.PATH_NOT_DECODED, EDGE_NAMES_RESET);
        intended(Defect.UNKNOWN_ENGINE_ACCEPTED, NEGATIVE_UNKNOWN_ENGINE);
        // valid but unknown project and instance ids are answered 500 too
        intended(Defect.UNKNOWN_INSTANCE_IS_500, NEGATIVE_UNKNOWN_INSTANCE, EDGE_NAMES);
        intended(Defect.UNKNOWN_GROUP_CREATED, NEGATIVE_UNKNOWN_GROUP);
        intended(Defect.UNKNOWN_TOPIC_IS_EMPTY_ANSWER, NEGATIVE_UNKNOWN_TOPIC);
        intended(Defect.EMPTY_BODY_IS_500, NEGATIVE_EMPTY_BODY);
        intended(Defect.MALFORMED_BODY_WRONG_CODE, NEGATIVE_MALFORMED_BODY);
        intended(Defect.ARRAY_BODY_UNWRAPPED, NEGATIVE_WRONG_TYPES);
        intended(Defect.MISSING_TIMESTAMP_MEANS_LATEST, NEGATIVE_MISSING_FIELD);
        intended(Defect.FRACTION_TRUNCATED, NEGATIVE_BAD_TIMESTAMP);
        intended(Defect.WRONG_METHOD_IS_404, NEGATIVE_WRONG_METHOD);
        intended(Defect.UNKNOWN_ROUTE_IS_500, NEGATIVE_UNKNOWN_ROUTE);
        Set<Rule> everyRefusal = EnumSet.copyOf(Rule.of(Family.NEGATIVE));
        everyRefusal.addAll(Rule.of(Family.AUTH));
        everyRefusal.add(EDGE_NAMES); // valid unknown names are refused as not existing
        everyRefusal.add(RESPONSE_ERROR_MESSAGE); // no error body has an error_msg to judge
        intended(Defect.ERROR_BODY_WRONG_SHAPE, everyRefusal);
        // the read-back rules send an unsigned reset too, and see it applied
        intended(Defect.UNSIGNED_ACCEPTED, AUTH_NO_CREDENTIALS, AUTH_READS, EXACT_REFUSED_CHANGES_NOTHING);
        // an expired token and another project's are any token too
        intended(Defect.ANY_TOKEN_ACCEPTED, AUTH_WRONG_TOKEN, AUTH_EXPIRED_TOKEN, AUTH_OTHER_PROJECT_TOKEN);
        intended(Defect.SIGNATURE_NOT_VERIFIED, AUTH_BAD_SIGNATURE);
        intended(Defect.DATE_NOT_CHECKED, AUTH_STALE_DATE);
        // the lookup defects also show on the second broker's and the retained queue's messages, and in the
        // reset backwards, whose answer is checked against the oracle on every queue
        intended(
                Defect.BEFORE_FIRST_IS_MAX,
                EXACT_BEFORE_FIRST,
                EXACT_SEVERAL_BROKERS,
                EXACT_FIRST_OFFSET_NOT_ZERO,
                EXACT_COMMITTED_BACKWARDS);
        intended(
                Defect.AT_MESSAGE_SKIPPED,
                EXACT_AT_MESSAGE,
                EXACT_EQUAL_TIMESTAMPS,
                EXACT_STEP_BACK,
                EXACT_SEVERAL_BROKERS,
                EXACT_FIRST_OFFSET_NOT_ZERO,
                EXACT_COMMITTED_BACKWARDS,
                EDGE_NAMES_RESET);
        intended(
                Defect.BETWEEN_GIVES_EARLIER,
                EXACT_BETWEEN,
                EXACT_EQUAL_TIMESTAMPS,
                EXACT_STEP_BACK,
                EXACT_SEVERAL_BROKERS,
                EXACT_FIRST_OFFSET_NOT_ZERO,
                EXACT_COMMITTED_BACKWARDS);
        intended(Defect.LAST_OF_EQUAL, EXACT_EQUAL_TIMESTAMPS, EXACT_COMMITTED_BACKWARDS);
        intended(Defect.BINARY_SEARCH_ON_UNSORTED, EXACT_STEP_BACK);
        intended(
                Defect.AFTER_LAST_IS_LAST_MESSAGE,
                EXACT_AFTER_LAST,
                EXACT_SEVERAL_BROKERS,
                EXACT_FIRST_OFFSET_NOT_ZERO);
        intended(Defect.EMPTY_QUEUE_OMITTED, EXACT_EMPTY_QUEUE, EXACT_SEVERAL_BROKERS, EXACT_COMMITTED_BACKWARDS);
        intended(Defect.SECOND_BROKER_IGNORED, EXACT_SEVERAL_BROKERS, EXACT_COMMITTED_BACKWARDS);
        intended(Defect.LATEST_IS_LAST_MESSAGE, EXACT_LATEST, EXACT_SEVERAL_BROKERS, EXACT_FIRST_OFFSET_NOT_ZERO);
        intended(Defect.FIRST_OFFSET_IGNORED, EXACT_FIRST_OFFSET_NOT_ZERO, EXACT_COMMITTED_BACKWARDS);
        // what the progress read shows after a reset is not what the reset answered; and with nothing committed, no
        // read-back can show that another group's reset or a refused one left the offsets as they were
        Set<Rule> notCommitted = EnumSet.of(
                EXACT_COMMITTED,
                EXACT_COMMITTED_BACKWARDS,
                EXACT_OTHER_GROUP_UNTOUCHED,
                EXACT_REFUSED_CHANGES_NOTHING,
                EDGE_NAMES_RESET,
                EXAMPLE_READS,
                DOMAIN_PROGRESS_AFTER_RESET,
                DOMAIN_LATEST_IS_MAX_OFFSET);
        intended(Defect.NOT_COMMITTED, notCommitted);
        intended(Defect.COMMIT_ONLY_FORWARD, EXACT_COMMITTED_BACKWARDS, EXAMPLE_READS, DOMAIN_PROGRESS_AFTER_RESET);
        intended(Defect.OFFSETS_SHARED_ACROSS_GROUPS, EXACT_OTHER_GROUP_UNTOUCHED);
        intended(Defect.AUTHENTICATED_AFTER_RESET, EXACT_REFUSED_CHANGES_NOTHING);
        // the reads, and the reads against the reset
        intended(Defect.COMMITS_ELSEWHERE, notCommitted);
        // the read-back after the reset backwards "consumed" up to the end before the other group's reset
        intended(Defect.READ_MOVES_OFFSETS, DOMAIN_READ_CHANGES_NOTHING, WIRE_READ_SDK, EXACT_OTHER_GROUP_UNTOUCHED);
        intended(Defect.LAG_FROM_MIN_OFFSET, DOMAIN_LAG);
        intended(Defect.STATUS_MAX_IS_LAST_MESSAGE, DOMAIN_LATEST_IS_MAX_OFFSET);
        intended(Defect.STATUS_MIN_OFFSET_OFF_BY_ONE, DOMAIN_EARLIEST_IS_MIN_OFFSET, EXAMPLE_READS);
        intended(Defect.READ_NUMBERS_AS_STRINGS, RESPONSE_READ_SCHEMA);
        intended(Defect.READ_UNKNOWN_GROUP_EMPTY, NEGATIVE_READ_UNKNOWN);
        intended(Defect.READ_WRONG_METHOD_IS_404, NEGATIVE_READ_WRONG_METHOD);
        intended(Defect.READS_UNAUTHENTICATED, AUTH_READS);
        intended(Defect.NEXT_OFFSET_NEVER_LAST, DOMAIN_READ_PAGING);
        // the blind spots
        intended(Defect.GET_WITH_CONTENT_TYPE_REFUSED, WIRE_READ_SDK);
        intended(Defect.CHARSET_REFUSED, WIRE_CHARSET);
        intended(Defect.ENGINE_CASE_IGNORED, NEGATIVE_UNKNOWN_ENGINE);
        intended(Defect.TIMESTAMP_STRING_TRIMMED, NEGATIVE_BAD_TIMESTAMP);
        intended(Defect.LENIENT_QUERY_VALUES, NEGATIVE_READ_PAGING);
        intended(Defect.ERROR_MESSAGE_SAYS_NOTHING, RESPONSE_ERROR_MESSAGE);
        // the service's preconditions and refused credentials
        intended(Defect.OFFLINE_GROUP_RESET, NEGATIVE_GROUP_OFFLINE);
        intended(Defect.EXPIRED_TOKEN_IS_INVALID, AUTH_EXPIRED_TOKEN);
        intended(Defect.OTHER_PROJECT_TOKEN_IS_INVALID, AUTH_OTHER_PROJECT_TOKEN);
        intended(Defect.READ_ONLY_MAY_RESET, AUTH_READ_ONLY);
    }

    private static void intended(Defect defect, Rule first, Rule... more) {
        INTENDED.put(defect, EnumSet.of(first, more));
    }

    private static void intended(Defect defect, Set<Rule> base, Rule... more) {
        Set<Rule> rules = EnumSet.copyOf(base);
        rules.addAll(Arrays.asList(more));
        INTENDED.put(defect, rules);
    }

    /**
     * Runs the kit against the fake broken by {@code defect}; asserts that exactly the intended rules
     * fail, that every failure message names its rule with its expectation, and that the message of
     * {@code rule} shows the request sent and {@code shownBack}, a piece of what came back.
     */
    static void expectKitToFail(Defect defect, Rule rule, String shownBack) {
        // WHEN the whole kit runs against the broken implementation
        KitReport report = KitAgainstFake.run(defect);

        // THEN exactly the intended rules fail
        Set<Rule> intended = INTENDED.get(defect);
        assertThat(intended)
                .as("the table names the rules %s breaks", defect)
                .isNotNull()
                .contains(rule);
        assertThat(KitAgainstFake.failed(report))
                .as("rules failed by %s", defect)
                .containsExactlyInAnyOrderElementsOf(intended);
        // AND every failure names its rule and says what was expected and what came back
        for (RuleResult result : report.results()) {
            if (intended.contains(result.rule())) {
                assertThat(result.message())
                        .startsWith(result.rule().id() + " (" + result.rule().level() + ") failed: ")
                        .contains("Expected:", "But:", "What it means:");
                assertThat(result.reason()).isNotBlank();
            }
        }
        RuleResult named = report.results().stream()
                .filter(result -> result.rule() == rule)
                .findFirst()
                .orElseThrow();
        assertThat(named.message()).contains("Request sent:", "Response received:", shownBack);
    }

    @Test
    @DisplayName("every rule of the catalogue is broken by at least one defect")
    void everyRuleHasABrokenImplementation() {
        Set<Rule> covered = EnumSet.noneOf(Rule.class);
        INTENDED.values().forEach(covered::addAll);
        assertThat(covered).containsExactlyInAnyOrder(Rule.values());
        // TOKEN_ECHOED is a hazard for the reports, not a conformance defect: MainTest shows no report holds the token
        assertThat(INTENDED.keySet())
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Defect.TOKEN_ECHOED)));
    }

    @Nested
    @DisplayName("Documented example replay")
    class Example {

        @Test
        void exampleNumeric_shouldFailBy_refusingNumericTimestamps() {
            expectKitToFail(Defect.NUMERIC_TIMESTAMP_REFUSED, EXAMPLE_NUMERIC, "DMS.00400142");
        }

        @Test
        void exampleString_shouldFailBy_refusingStringTimestamps() {
            expectKitToFail(Defect.STRING_TIMESTAMP_REFUSED, EXAMPLE_STRING, "\"timestamp\":\"1662652800000\"");
        }

        @Test
        void exampleDocumentedAnswer_shouldFailBy_holdingOtherData() {
            expectKitToFail(
                    Defect.DOCUMENTED_DATA_DIFFERENT,
                    EXAMPLE_DOCUMENTED_ANSWER,
                    "{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":1}]}");
        }
    }

    @Nested
    @DisplayName("Response conformance")
    class Response {

        @Test
        void responseContentType_shouldFailBy_answeringTextPlain() {
            expectKitToFail(Defect.TEXT_PLAIN_CONTENT_TYPE, RESPONSE_CONTENT_TYPE, "content-type: text/plain");
        }

        @Test
        void responseSchemaAndTypes_shouldFailBy_writingNumbersAsStrings() {
            expectKitToFail(Defect.NUMBERS_AS_STRINGS, RESPONSE_STRICT_TYPES, "\"queue_id\":\"0\"");
            expectKitToFail(Defect.NUMBERS_AS_STRINGS, RESPONSE_SCHEMA, "\"timestamp_offset\":\"0\"");
        }

        @Test
        void responseStrictTypes_shouldFailBy_writingNumbersAsFractions() {
            expectKitToFail(Defect.NUMBERS_AS_FRACTIONS, RESPONSE_STRICT_TYPES, "\"queue_id\":0.0");
        }

        @Test
        void responseSchema_shouldFailBy_droppingZeroOffsets() {
            expectKitToFail(
                    Defect.OFFSET_FIELD_MISSING,
                    RESPONSE_SCHEMA,
                    "{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0}]}");
        }

        @Test
        void responseRequestId_shouldFailBy_omittingItOnErrors() {
            expectKitToFail(
                    Defect.NO_REQUEST_ID_ON_ERRORS, RESPONSE_REQUEST_ID, "was answered 404 without X-Request-Id");
        }

        @Test
        void responseRequestIdUnique_shouldFailBy_answeringOneConstantId() {
            expectKitToFail(
                    Defect.CONSTANT_REQUEST_ID,
                    RESPONSE_REQUEST_ID_UNIQUE,
                    "X-Request-Id offsetkit-fake-request came back on ");
        }
    }

    @Nested
    @DisplayName("Wire forms of the official SDKs")
    class Wire {

        @Test
        void wireChunked_shouldFailBy_readingContentLengthBytesOnly() {
            expectKitToFail(
                    Defect.CHUNKED_BODY_IGNORED, WIRE_CHUNKED, "Transfer-Encoding: chunked (no Content-Length)");
        }

        @Test
        void wireJavaSdk_shouldFailBy_verifyingHostAndDateOnly() {
            expectKitToFail(
                    Defect.SIGNED_HEADERS_FIXED,
                    WIRE_JAVA_SDK,
                    "SignedHeaders=host;user-agent;x-project-id;x-sdk-date");
        }

        @Test
        void wireNodeSdk_shouldFailBy_neverSigningContentType() {
            expectKitToFail(
                    Defect.CONTENT_TYPE_NEVER_SIGNED,
                    WIRE_NODE_SDK,
                    "SignedHeaders=content-type;host;x-project-id;x-sdk-date");
        }
    }

    @Nested
    @DisplayName("Valid inputs at the contract's edges")
    class Edge {

        @Test
        void edgeTimestampInteger_shouldFailBy_readingNumbersAsDoubles() {
            expectKitToFail(
                    Defect.TIMESTAMP_AS_DOUBLE,
                    EDGE_TIMESTAMP_INTEGER,
                    "timestamp 9223372036854775807: the request was answered 400, not 200");
        }

        @Test
        void edgeTimestampString_shouldFailBy_refusingTheStringMinusOne() {
            expectKitToFail(
                    Defect.STRING_LATEST_REFUSED,
                    EDGE_TIMESTAMP_STRING,
                    "\"-1\" (the literal alternative): the request was answered 400, not 200");
        }

        @Test
        void edgeNames_shouldFailBy_limitingNamesTo64Characters() {
            expectKitToFail(Defect.NAMES_LIMITED_TO_64, EDGE_NAMES, "group longest (120) '");
        }

        @Test
        void edgeNamesReset_shouldFailBy_notDecodingThePath() {
            expectKitToFail(Defect.PATH_NOT_DECODED, EDGE_NAMES_RESET, "the request was answered 404, not 200");
        }
    }

    @Nested
    @DisplayName("Domain semantics")
    class Domain {

        @Test
        void domainNonNegative_shouldFailBy_answeringMinusOneAtZero() {
            expectKitToFail(Defect.NEGATIVE_OFFSET_AT_ZERO, DOMAIN_NON_NEGATIVE, "\"timestamp_offset\":-1");
        }

        @Test
        void domainEachQueueOnce_shouldFailBy_duplicatingAQueue() {
            expectKitToFail(
                    Defect.FIRST_QUEUE_DUPLICATED,
                    DOMAIN_EACH_QUEUE_ONCE,
                    "{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0},"
                            + "{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}");
        }

        @Test
        void domainSameQueues_shouldFailBy_addingAnExtraQueueInTheFuture() {
            expectKitToFail(Defect.FOREIGN_QUEUE_IN_FUTURE, DOMAIN_SAME_QUEUES, "\"broker_name\":\"broker-9\"");
        }

        @Test
        void domainMonotone_shouldFailBy_goingBackwardsInTheFarFuture() {
            expectKitToFail(Defect.FAR_FUTURE_GOES_BACKWARDS, DOMAIN_MONOTONE, "\"timestamp\":4102444800000");
        }

        @Test
        void domainLatest_shouldFailBy_answeringTheEarliestForMinusOne() {
            expectKitToFail(Defect.LATEST_IS_EARLIEST, DOMAIN_LATEST, "\"timestamp\":-1");
        }

        @Test
        void domainEarliest_shouldFailBy_readingZeroAsLatest() {
            expectKitToFail(Defect.ZERO_IS_LATEST, DOMAIN_EARLIEST, "\"timestamp\":0}");
        }

        @Test
        void domainEngineAlias_shouldFailBy_notHonouringReliability() {
            expectKitToFail(Defect.ALIAS_NOT_HONOURED, DOMAIN_ENGINE_ALIAS, "/v2/reliability/");
        }

        @Test
        void domainIdempotent_shouldFailBy_movingOnWhenARequestIsRepeated() {
            expectKitToFail(Defect.REPEAT_MOVES_ON, DOMAIN_IDEMPOTENT, "\"timestamp_offset\":1");
        }

        @Test
        void domainOlderRoute_shouldFailBy_notServingTheOlderRoute() {
            expectKitToFail(Defect.OLDER_ROUTE_MISSING, DOMAIN_OLDER_ROUTE, "/rocketmq/instances/");
        }
    }

    @Nested
    @DisplayName("Negative inputs")
    class Negative {

        @Test
        void negativeUnknownEngine_shouldFailBy_acceptingAnyEngine() {
            expectKitToFail(Defect.UNKNOWN_ENGINE_ACCEPTED, NEGATIVE_UNKNOWN_ENGINE, "engine 'kafka': answered 200");
        }

        @Test
        void negativeUnknownInstance_shouldFailBy_answering500() {
            expectKitToFail(Defect.UNKNOWN_INSTANCE_IS_500, NEGATIVE_UNKNOWN_INSTANCE, "DMS.00500000");
        }

        @Test
        void negativeUnknownGroup_shouldFailBy_creatingTheGroup() {
            expectKitToFail(Defect.UNKNOWN_GROUP_CREATED, NEGATIVE_UNKNOWN_GROUP, "{\"queues\":[{");
        }

        @Test
        void negativeUnknownTopic_shouldFailBy_answeringNoQueues() {
            expectKitToFail(Defect.UNKNOWN_TOPIC_IS_EMPTY_ANSWER, NEGATIVE_UNKNOWN_TOPIC, "{\"queues\":[]}");
        }

        @Test
        void negativeEmptyBody_shouldFailBy_answering500() {
            expectKitToFail(Defect.EMPTY_BODY_IS_500, NEGATIVE_EMPTY_BODY, "empty body: answered 500");
        }

        @Test
        void negativeMalformedBody_shouldFailBy_answeringTheWrongCode() {
            expectKitToFail(
                    Defect.MALFORMED_BODY_WRONG_CODE, NEGATIVE_MALFORMED_BODY, "\"error_code\":\"DMS.00400800\"");
        }

        @Test
        void negativeWrongTypes_shouldFailBy_unwrappingAnArrayBody() {
            expectKitToFail(Defect.ARRAY_BODY_UNWRAPPED, NEGATIVE_WRONG_TYPES, "body is a JSON array: answered 200");
        }

        @Test
        void negativeMissingField_shouldFailBy_readingNoTimestampAsLatest() {
            expectKitToFail(
                    Defect.MISSING_TIMESTAMP_MEANS_LATEST, NEGATIVE_MISSING_FIELD, "no timestamp: answered 200");
        }

        @Test
        void negativeBadTimestamp_shouldFailBy_truncatingFractions() {
            expectKitToFail(Defect.FRACTION_TRUNCATED, NEGATIVE_BAD_TIMESTAMP, "timestamp 1.5: answered 200");
        }

        @Test
        void negativeWrongMethod_shouldFailBy_answering404() {
            expectKitToFail(
                    Defect.WRONG_METHOD_IS_404,
                    NEGATIVE_WRONG_METHOD,
                    "GET on POST /v2/{engine}/{project_id}/instances/{instance_id}/groups/{group}/reset-message-offset:"
                            + " answered 404");
        }

        @Test
        void negativeUnknownRoute_shouldFailBy_answering500() {
            expectKitToFail(Defect.UNKNOWN_ROUTE_IS_500, NEGATIVE_UNKNOWN_ROUTE, "DMS.00500000");
        }

        @Test
        void negativeGroupOffline_shouldFailBy_resettingAGroupWithNoConsumerOnline() {
            expectKitToFail(
                    Defect.OFFLINE_GROUP_RESET,
                    NEGATIVE_GROUP_OFFLINE,
                    "its consumers offline: answered 200, expected 400");
        }

        @Test
        void everyRefusal_shouldFailBy_writingAnotherErrorBody() {
            expectKitToFail(Defect.ERROR_BODY_WRONG_SHAPE, NEGATIVE_EMPTY_BODY, "{\"code\":\"DMS.00400004\"");
            expectKitToFail(Defect.ERROR_BODY_WRONG_SHAPE, AUTH_NO_CREDENTIALS, "{\"code\":\"DMS.10240103\"");
        }
    }

    @Nested
    @DisplayName("Authentication")
    class Auth {

        @Test
        void authNoCredentials_shouldFailBy_acceptingUnsignedRequests() {
            expectKitToFail(Defect.UNSIGNED_ACCEPTED, AUTH_NO_CREDENTIALS, "no credentials: answered 200");
        }

        @Test
        void authWrongToken_shouldFailBy_acceptingAnyToken() {
            expectKitToFail(Defect.ANY_TOKEN_ACCEPTED, AUTH_WRONG_TOKEN, "X-Auth-Token: offs***");
        }

        @Test
        void authBadSignature_shouldFailBy_notVerifyingSignatures() {
            expectKitToFail(
                    Defect.SIGNATURE_NOT_VERIFIED,
                    AUTH_BAD_SIGNATURE,
                    "Authorization: SDK-HMAC-SHA256 Access=FAKEACCESSKEY");
        }

        @Test
        void authStaleDate_shouldFailBy_notCheckingTheDate() {
            expectKitToFail(Defect.DATE_NOT_CHECKED, AUTH_STALE_DATE, "X-Sdk-Date: ");
        }

        @Test
        void authExpiredToken_shouldFailBy_refusingItAsInvalid() {
            expectKitToFail(
                    Defect.EXPIRED_TOKEN_IS_INVALID,
                    AUTH_EXPIRED_TOKEN,
                    "answered 401 with error_code DMS.10240101, expected DMS.10240102");
        }

        @Test
        void authOtherProjectToken_shouldFailBy_refusingItAsInvalid() {
            expectKitToFail(
                    Defect.OTHER_PROJECT_TOKEN_IS_INVALID,
                    AUTH_OTHER_PROJECT_TOKEN,
                    "answered 401 with error_code DMS.10240101, expected DMS.10240104");
        }

        @Test
        void authReadOnly_shouldFailBy_lettingReadOnlyCredentialsReset() {
            expectKitToFail(
                    Defect.READ_ONLY_MAY_RESET, AUTH_READ_ONLY, "read-only credentials: answered 200, expected 403");
        }
    }

    @Nested
    @DisplayName("Exact answers with a fixture")
    class Exact {

        @Test
        void exactBeforeFirst_shouldFailBy_answeringMaxBeforeTheFirstMessage() {
            expectKitToFail(
                    Defect.BEFORE_FIRST_IS_MAX, EXACT_BEFORE_FIRST, "broker-1/0 (ordered) at t=0: expected 0, got 4");
        }

        @Test
        void exactAtMessage_shouldFailBy_skippingTheMessageAtTheTime() {
            expectKitToFail(
                    Defect.AT_MESSAGE_SKIPPED, EXACT_AT_MESSAGE, "broker-1/0 (ordered) at t=+100: expected 0, got 1");
        }

        @Test
        void exactBetween_shouldFailBy_answeringTheEarlierMessage() {
            expectKitToFail(
                    Defect.BETWEEN_GIVES_EARLIER, EXACT_BETWEEN, "broker-1/0 (ordered) at t=+150: expected 1, got 0");
        }

        @Test
        void exactEqualTimestamps_shouldFailBy_answeringTheLastOfThem() {
            expectKitToFail(
                    Defect.LAST_OF_EQUAL,
                    EXACT_EQUAL_TIMESTAMPS,
                    "broker-1/1 (equal timestamps) at t=+200: expected 1, got 3");
        }

        @Test
        void exactStepBack_shouldFailBy_binarySearchingUnsortedTimes() {
            expectKitToFail(
                    Defect.BINARY_SEARCH_ON_UNSORTED,
                    EXACT_STEP_BACK,
                    "broker-1/2 (step back) at t=+250: expected 1, got 3");
        }

        @Test
        void exactAfterLast_shouldFailBy_answeringTheLastMessage() {
            expectKitToFail(
                    Defect.AFTER_LAST_IS_LAST_MESSAGE,
                    EXACT_AFTER_LAST,
                    "broker-1/0 (ordered) at t=+1000: expected 4, got 3");
        }

        @Test
        void exactEmptyQueue_shouldFailBy_omittingEmptyQueues() {
            expectKitToFail(
                    Defect.EMPTY_QUEUE_OMITTED,
                    EXACT_EMPTY_QUEUE,
                    "broker-1/3 (empty) at t=0: expected 0, got no entry");
        }

        @Test
        void exactSeveralBrokers_shouldFailBy_ignoringTheSecondBroker() {
            expectKitToFail(Defect.SECOND_BROKER_IGNORED, EXACT_SEVERAL_BROKERS, "missing [broker-2/0, broker-2/1]");
        }

        @Test
        void exactLatest_shouldFailBy_answeringTheLastMessage() {
            expectKitToFail(
                    Defect.LATEST_IS_LAST_MESSAGE, EXACT_LATEST, "broker-1/0 (ordered) at t=-1: expected 4, got 3");
        }

        @Test
        void exactFirstOffsetNotZero_shouldFailBy_countingFromZero() {
            expectKitToFail(
                    Defect.FIRST_OFFSET_IGNORED,
                    EXACT_FIRST_OFFSET_NOT_ZERO,
                    "broker-1/4 (first offset 1000) at t=0: expected 1000, got 0");
        }

        @Test
        void exactCommitted_shouldFailBy_notCommittingTheOffsets() {
            expectKitToFail(Defect.NOT_COMMITTED, EXACT_COMMITTED, "the progress read reads back no committed offset");
        }

        @Test
        void exactCommittedBackwards_shouldFailBy_committingOnlyForwards() {
            expectKitToFail(
                    Defect.COMMIT_ONLY_FORWARD,
                    EXACT_COMMITTED_BACKWARDS,
                    "broker-1/0: the answer says 1, the progress read reads back 4");
        }

        @Test
        void exactOtherGroupUntouched_shouldFailBy_sharingOffsetsAcrossGroups() {
            expectKitToFail(
                    Defect.OFFSETS_SHARED_ACROSS_GROUPS,
                    EXACT_OTHER_GROUP_UNTOUCHED,
                    "broker-1/0 was 1, the progress read now reads back 4");
        }

        @Test
        void exactRefusedChangesNothing_shouldFailBy_authenticatingAfterTheReset() {
            expectKitToFail(
                    Defect.AUTHENTICATED_AFTER_RESET,
                    EXACT_REFUSED_CHANGES_NOTHING,
                    "broker-1/0 was 1, the progress read now reads back 4");
        }
    }

    @Nested
    @DisplayName("The reads, and the reads against the reset")
    class Reads {

        @Test
        void domainProgressAfterReset_shouldFailBy_committingUnderAnotherGroup() {
            expectKitToFail(
                    Defect.COMMITS_ELSEWHERE,
                    DOMAIN_PROGRESS_AFTER_RESET,
                    "broker-1/0: the reset answers 1, the progress lists as consumer offset 2");
        }

        @Test
        void exactCommitted_shouldFailBlackBoxBy_committingUnderAnotherGroup() {
            expectKitToFail(
                    Defect.COMMITS_ELSEWHERE,
                    EXACT_COMMITTED,
                    "the answer says 4, the progress read reads back no committed offset");
        }

        @Test
        void domainReadChangesNothing_shouldFailBy_aReadThatCommits() {
            expectKitToFail(
                    Defect.READ_MOVES_OFFSETS,
                    DOMAIN_READ_CHANGES_NOTHING,
                    "the group's consumer offsets were {broker-1/0=0}, after the reads {broker-1/0=3}");
        }

        @Test
        void domainLag_shouldFailBy_countingFromTheMinOffset() {
            expectKitToFail(Defect.LAG_FROM_MIN_OFFSET, DOMAIN_LAG, "but broker_offset 3 - consumer_offset");
        }

        @Test
        void domainLatestIsMaxOffset_shouldFailBy_aStatusThatEndsAtTheLastMessage() {
            expectKitToFail(
                    Defect.STATUS_MAX_IS_LAST_MESSAGE,
                    DOMAIN_LATEST_IS_MAX_OFFSET,
                    "broker-1/0: the reset to -1 answers 3, the topic's status 2");
        }

        @Test
        void domainEarliestIsMinOffset_shouldFailBy_aStatusOneOff() {
            expectKitToFail(
                    Defect.STATUS_MIN_OFFSET_OFF_BY_ONE,
                    DOMAIN_EARLIEST_IS_MIN_OFFSET,
                    "broker-1/0: the reset to 0 answers 0, the topic's status 1");
        }

        @Test
        void exampleReads_shouldFailBy_aStatusOneOff() {
            expectKitToFail(
                    Defect.STATUS_MIN_OFFSET_OFF_BY_ONE,
                    EXAMPLE_READS,
                    "the topic's status lists queues and min offsets {broker-1/0=1}, the documented example"
                            + " {broker-1/0=0}");
        }

        @Test
        void responseReadSchema_shouldFailBy_writingOffsetsAsStrings() {
            expectKitToFail(Defect.READ_NUMBERS_AS_STRINGS, RESPONSE_READ_SCHEMA, "string found, integer expected");
        }

        @Test
        void negativeReadUnknown_shouldFailBy_answeringAnUnknownGroupAsOffline() {
            expectKitToFail(
                    Defect.READ_UNKNOWN_GROUP_EMPTY,
                    NEGATIVE_READ_UNKNOWN,
                    "unknown group, consumers: answered 200, expected 404");
        }

        @Test
        void negativeReadWrongMethod_shouldFailBy_answering404() {
            expectKitToFail(Defect.READ_WRONG_METHOD_IS_404, NEGATIVE_READ_WRONG_METHOD, "answered 404, expected 405");
        }

        @Test
        void authReads_shouldFailBy_readingWithoutCredentials() {
            expectKitToFail(
                    Defect.READS_UNAUTHENTICATED,
                    AUTH_READS,
                    "showConsumerListOrDetails without credentials: answered 200, expected 401");
        }

        @Test
        void domainReadPaging_shouldFailBy_neverEndingTheConsumers() {
            expectKitToFail(
                    Defect.NEXT_OFFSET_NEVER_LAST,
                    DOMAIN_READ_PAGING,
                    "limit=1, offset=2 of 2 consumers: next_offset 3, expected -1");
        }
    }

    @Nested
    @DisplayName("Blind spots: wire forms refused, spellings accepted, messages that say nothing")
    class BlindSpots {

        @Test
        void wireReadSdk_shouldFailBy_refusingAGetWithContentType() {
            expectKitToFail(
                    Defect.GET_WITH_CONTENT_TYPE_REFUSED,
                    WIRE_READ_SDK,
                    "the SDK's showConsumerListOrDetails was answered 400, the plain one 200");
        }

        @Test
        void wireCharset_shouldFailBy_refusingACharsetParameter() {
            expectKitToFail(Defect.CHARSET_REFUSED, WIRE_CHARSET, "Content-Type must be application/json");
        }

        @Test
        void negativeUnknownEngine_shouldFailBy_ignoringTheEnginesCase() {
            expectKitToFail(
                    Defect.ENGINE_CASE_IGNORED,
                    NEGATIVE_UNKNOWN_ENGINE,
                    "engine 'RocketMQ' (not the contract's spelling): answered 200");
        }

        @Test
        void negativeBadTimestamp_shouldFailBy_trimmingStringTimestamps() {
            expectKitToFail(
                    Defect.TIMESTAMP_STRING_TRIMMED,
                    NEGATIVE_BAD_TIMESTAMP,
                    "timestamp \"+1662652800000\": answered 200, expected 400");
        }

        @Test
        void negativeReadPaging_shouldFailBy_readingQueryValuesLeniently() {
            expectKitToFail(
                    Defect.LENIENT_QUERY_VALUES,
                    NEGATIVE_READ_PAGING,
                    "limit=1e1 on showConsumerListOrDetails: answered 200, expected 400");
        }

        @Test
        void responseErrorMessage_shouldFailBy_answeringTheReasonPhrase() {
            expectKitToFail(
                    Defect.ERROR_MESSAGE_SAYS_NOTHING,
                    RESPONSE_ERROR_MESSAGE,
                    "was refused with error_msg \"Bad Request\", which does not name the parameter limit");
        }
    }
}
