package io.offsetkit.conformance;

import static io.offsetkit.conformance.rules.Rule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.offsetkit.conformance.KitAgainstFake.Order;
import io.offsetkit.conformance.KitAgainstFake.Setup;
import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof that the kit can fail: each test runs the whole kit against {@link
 * io.offsetkit.conformance.fake.FakeDms} broken by one {@link Defect}, and checks that exactly the
 * intended rules fail, that the kit errs on none, that no rule turns skipped but those a failure
 * blocks, that each failure names its rule, and that the message shows what came back. {@link
 * Setups} runs defects again in the other setups a vendor may use (black-box, token, AK/SK, fixture),
 * in several orders.
 *
 * <p>{@link #INTENDED} is the table: for each defect, every rule it must break. Most defects break
 * one rule. Some break several because the rules overlap by design (a number written as a string is
 * both a schema violation and a strict-type violation) and the rules that need a rule a defect
 * breaks are blocked by it, not failed (a server that refuses numeric timestamps fails the documented
 * request, and the rules that judge successful resets say they are blocked by it); the table states
 * the failures whole, so a rule failing outside them fails the test.
 */
class BrokenImplementationsTest {

    /** The rules each defect must break, and no other. */
    static final Map<Defect, Set<Rule>> INTENDED = new EnumMap<>(Defect.class);

    static {
        // A refused numeric timestamp fails the documented request: every rule that judges a successful reset
        // needs it, and is blocked by it; the refusals that carry a numeric timestamp are refused for it first
        // (the offline group's reset too, before its group is looked at, and the reset made to fail, before it fails).
        intended(
                Defect.NUMERIC_TIMESTAMP_REFUSED,
                EXAMPLE_NUMERIC,
                NEGATIVE_UNKNOWN_GROUP,
                NEGATIVE_UNKNOWN_TOPIC,
                NEGATIVE_GROUP_OFFLINE,
                NEGATIVE_INTERNAL_ERROR);
        intended(Defect.STRING_TIMESTAMP_REFUSED, EXAMPLE_STRING, WIRE_JAVA_SDK, EDGE_TIMESTAMP_STRING);
        // the documented reset lands elsewhere, and so does the progress read after it
        intended(Defect.DOCUMENTED_DATA_DIFFERENT, EXAMPLE_DOCUMENTED_ANSWER, EXAMPLE_READS);
        // the reads are answered text/plain too
        intended(Defect.TEXT_PLAIN_CONTENT_TYPE, RESPONSE_CONTENT_TYPE, RESPONSE_READ_SCHEMA);
        intended(Defect.NUMBERS_AS_STRINGS, RESPONSE_SCHEMA, RESPONSE_STRICT_TYPES);
        intended(Defect.NUMBERS_AS_FRACTIONS, RESPONSE_SCHEMA, RESPONSE_STRICT_TYPES);
        // a queue without its offset: the documented answer cannot be read, which blocks the rules that need it
        intended(Defect.OFFSET_FIELD_MISSING, EXAMPLE_NUMERIC, RESPONSE_SCHEMA);
        // no queue to judge: the documented request fails, and blocks the rest
        intended(Defect.EMPTY_QUEUES, EXAMPLE_NUMERIC);
        // only the chunked requests' answers show it: the response rules judge them whatever the order
        intended(Defect.CHUNKED_ANSWER_NUMBERS_AS_STRINGS, RESPONSE_SCHEMA, RESPONSE_STRICT_TYPES);
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
        // the string int64 maximum cannot be compared with its JSON integer twin, refused: not a pass
        intended(Defect.TIMESTAMP_AS_DOUBLE, EDGE_TIMESTAMP_INTEGER, EDGE_TIMESTAMP_STRING);
        intended(Defect.STRING_LATEST_REFUSED, EDGE_TIMESTAMP_STRING);
        // the fixture's long names are longer than 64 too
        intended(Defect.NAMES_LIMITED_TO_64, EDGE_NAMES, EDGE_NAMES_RESET);
        intended(Defect.PATH_NOT_DECODED, EDGE_NAMES_RESET);
        intended(Defect.UNKNOWN_ENGINE_ACCEPTED, NEGATIVE_UNKNOWN_ENGINE);
        // valid but unknown project and instance ids are answered 500 too
        intended(Defect.UNKNOWN_INSTANCE_IS_500, NEGATIVE_UNKNOWN_INSTANCE, EDGE_NAMES);
        intended(Defect.UNKNOWN_GROUP_CREATED, NEGATIVE_UNKNOWN_GROUP);
        // a valid but unknown topic name is answered with no queue too
        intended(Defect.UNKNOWN_TOPIC_IS_EMPTY_ANSWER, NEGATIVE_UNKNOWN_TOPIC, EDGE_NAMES);
        intended(Defect.EMPTY_BODY_IS_500, NEGATIVE_EMPTY_BODY);
        intended(Defect.MALFORMED_BODY_WRONG_CODE, NEGATIVE_MALFORMED_BODY);
        intended(Defect.ARRAY_BODY_UNWRAPPED, NEGATIVE_WRONG_TYPES);
        intended(Defect.MISSING_TIMESTAMP_MEANS_LATEST, NEGATIVE_MISSING_FIELD);
        intended(Defect.FRACTION_TRUNCATED, NEGATIVE_BAD_TIMESTAMP);
        intended(Defect.WRONG_METHOD_IS_404, NEGATIVE_WRONG_METHOD);
        intended(Defect.UNKNOWN_ROUTE_IS_500, NEGATIVE_UNKNOWN_ROUTE);
        Set<Rule> everyRefusal = EnumSet.copyOf(Rule.of(Family.NEGATIVE));
        everyRefusal.addAll(Rule.of(Family.AUTH));
        everyRefusal.remove(AUTH_KIT_CREDENTIALS); // it expects an acceptance, not a refusal
        everyRefusal.add(EDGE_NAMES); // valid unknown names are refused as not existing
        everyRefusal.add(RESPONSE_ERROR_MESSAGE); // no error body has an error_msg to judge
        intended(Defect.ERROR_BODY_WRONG_SHAPE, everyRefusal);
        // the read-back rules send an unsigned reset too, and see it applied
        intended(Defect.UNSIGNED_ACCEPTED, AUTH_NO_CREDENTIALS, AUTH_READS, EXACT_REFUSED_CHANGES_NOTHING);
        // an expired token and another project's are any token too
        intended(Defect.ANY_TOKEN_ACCEPTED, AUTH_WRONG_TOKEN, AUTH_EXPIRED_TOKEN, AUTH_OTHER_PROJECT_TOKEN);
        // one failure, with one cause: every other rule needs the kit's credentials, and is blocked
        intended(Defect.KIT_CREDENTIALS_REFUSED, AUTH_KIT_CREDENTIALS);
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
        // a failure of the target
        intended(Defect.INTERNAL_ERROR_UNDOCUMENTED, NEGATIVE_INTERNAL_ERROR);
    }

    private static void intended(Defect defect, Rule first, Rule... more) {
        INTENDED.put(defect, EnumSet.of(first, more));
    }

    private static void intended(Defect defect, Set<Rule> base, Rule... more) {
        Set<Rule> rules = EnumSet.copyOf(base);
        rules.addAll(Arrays.asList(more));
        INTENDED.put(defect, rules);
    }

    /** What the kit skips against a correct implementation with every capability: nothing, or what it lacks. */
    private static Set<Rule> skippedWhenCorrect;

    private static synchronized Set<Rule> skippedWhenCorrect() {
        if (skippedWhenCorrect == null) {
            KitReport correct = KitAgainstFake.run();
            assertThat(KitAgainstFake.with(correct.results(), Verdict.FAILED)).isEmpty();
            assertThat(KitAgainstFake.with(correct.results(), Verdict.ERROR)).isEmpty();
            skippedWhenCorrect = KitAgainstFake.with(correct.results(), Verdict.SKIPPED);
        }
        return skippedWhenCorrect;
    }

    /**
     * Runs the kit against the fake broken by {@code defect}; asserts that exactly the intended rules
     * fail, that the kit erred on none (a crash of the kit is not an intended failure), that exactly
     * the rules a correct implementation skips and those blocked by a failed rule are skipped (a rule
     * that turns skipped under a defect is noticed), that every failure message names its rule with
     * its expectation, and that the message of {@code rule} shows the request sent and {@code
     * shownBack}, a piece of what came back.
     */
    static KitReport expectKitToFail(Defect defect, Rule rule, String shownBack) {
        // WHEN the whole kit runs against the broken implementation
        KitReport report = KitAgainstFake.run(defect);

        // THEN the kit erred on no rule
        assertThat(report.results().stream()
                        .filter(result -> result.verdict() == Verdict.ERROR)
                        .map(RuleResult::message)
                        .toList())
                .as("errors of the kit under %s (a crash is not an intended failure)", defect)
                .isEmpty();
        // AND exactly the intended rules fail
        Set<Rule> intended = INTENDED.get(defect);
        assertThat(intended)
                .as("the table names the rules %s breaks", defect)
                .isNotNull()
                .contains(rule);
        assertThat(KitAgainstFake.failed(report))
                .as("rules failed by %s", defect)
                .containsExactlyInAnyOrderElementsOf(intended);
        // AND exactly the rules a correct run skips, and those blocked by a failure, are skipped
        assertThat(KitAgainstFake.with(report.results(), Verdict.SKIPPED))
                .as("rules skipped under %s", defect)
                .containsExactlyInAnyOrderElementsOf(KitAgainstFake.skippedWhenFailing(skippedWhenCorrect(), intended));
        for (RuleResult result : report.results()) {
            if (result.verdict() == Verdict.SKIPPED && !skippedWhenCorrect().contains(result.rule())) {
                assertThat(result.reason())
                        .as("why %s is skipped under %s", result.rule().id(), defect)
                        .startsWith(ConformanceKit.BLOCKED_BY)
                        .matches(reason -> intended.stream()
                                .anyMatch(failed -> reason.startsWith(ConformanceKit.BLOCKED_BY + failed.id() + ": ")));
            }
        }
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
        return report;
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

    /** What the kit skips against a correct implementation in each setup, run once. */
    private static final Map<Setup, Set<Rule>> SKIPPED_WHEN_CORRECT = new EnumMap<>(Setup.class);

    private static synchronized Set<Rule> skippedWhenCorrect(Setup setup) {
        return SKIPPED_WHEN_CORRECT.computeIfAbsent(setup, key -> {
            Map<Rule, RuleResult> correct = KitAgainstFake.run(key, Order.CATALOGUE);
            assertThat(KitAgainstFake.with(correct.values(), Verdict.FAILED))
                    .as("rules failed by a correct implementation in setup %s", key)
                    .isEmpty();
            assertThat(KitAgainstFake.with(correct.values(), Verdict.ERROR))
                    .as("errors of the kit in setup %s", key)
                    .isEmpty();
            return KitAgainstFake.with(correct.values(), Verdict.SKIPPED);
        });
    }

    /**
     * The defects run again in the other setups: each breaks, there, the intended rules the setup can
     * check, but for the rules listed third, which hold there, for the reason given.
     */
    static Stream<Arguments> setupCases() {
        Set<Rule> none = Set.of();
        return Stream.of(
                arguments(Setup.BLACK_BOX, Defect.EMPTY_QUEUES, none),
                arguments(Setup.BLACK_BOX, Defect.CHUNKED_ANSWER_NUMBERS_AS_STRINGS, none),
                // black-box, the read-back rules use the documented group, which has committed offsets from the
                // start: another group's reset and the refused ones do leave them as they were
                arguments(
                        Setup.BLACK_BOX,
                        Defect.NOT_COMMITTED,
                        Set.of(EXACT_OTHER_GROUP_UNTOUCHED, EXACT_REFUSED_CHANGES_NOTHING)),
                arguments(Setup.BLACK_BOX, Defect.OFFSETS_SHARED_ACROSS_GROUPS, none),
                arguments(Setup.BLACK_BOX, Defect.UNKNOWN_GROUP_CREATED, none),
                arguments(Setup.TOKEN, Defect.ANY_TOKEN_ACCEPTED, none),
                arguments(Setup.TOKEN, Defect.UNSIGNED_ACCEPTED, none),
                arguments(Setup.TOKEN, Defect.KIT_CREDENTIALS_REFUSED, none),
                arguments(Setup.TOKEN, Defect.READS_UNAUTHENTICATED, none),
                arguments(Setup.AK_SK, Defect.SIGNATURE_NOT_VERIFIED, none),
                arguments(Setup.AK_SK, Defect.DATE_NOT_CHECKED, none),
                arguments(Setup.AK_SK, Defect.KIT_CREDENTIALS_REFUSED, none),
                arguments(Setup.AK_SK, Defect.AUTHENTICATED_AFTER_RESET, none),
                arguments(Setup.FIXTURE, Defect.BEFORE_FIRST_IS_MAX, none),
                arguments(Setup.FIXTURE, Defect.AT_MESSAGE_SKIPPED, none),
                arguments(Setup.FIXTURE, Defect.EMPTY_QUEUE_OMITTED, none),
                arguments(Setup.FIXTURE, Defect.NUMERIC_TIMESTAMP_REFUSED, none));
    }

    @Nested
    @DisplayName("The defects in the other setups (black-box, token, AK/SK, fixture), the rules in several orders")
    class Setups {

        @ParameterizedTest(name = "{0}, {1}")
        @MethodSource("io.offsetkit.conformance.BrokenImplementationsTest#setupCases")
        void theIntendedRulesTheSetupChecksFail_theRestAreBlockedOrPass_inEveryOrder(
                Setup setup, Defect defect, Set<Rule> holdThere) {
            // GIVEN the rules the setup checks against a correct implementation, and those the defect breaks
            Set<Rule> skippedWhenCorrect = skippedWhenCorrect(setup);
            Set<Rule> intended = EnumSet.copyOf(INTENDED.get(defect));
            intended.removeAll(skippedWhenCorrect);
            intended.removeAll(holdThere);
            assertThat(intended)
                    .as("the setup %s checks a rule %s breaks", setup, defect)
                    .isNotEmpty();

            Map<Rule, Verdict> first = null;
            for (Order order : Order.values()) {
                // WHEN the rules are asked in this order
                Map<Rule, RuleResult> results = KitAgainstFake.run(setup, order, defect);

                // THEN no error, exactly the intended rules fail, and only the blocked ones are skipped besides
                assertThat(KitAgainstFake.with(results.values(), Verdict.ERROR))
                        .as("errors of the kit, %s, %s, %s", setup, defect, order)
                        .isEmpty();
                assertThat(KitAgainstFake.with(results.values(), Verdict.FAILED))
                        .as("rules failed, %s, %s, %s", setup, defect, order)
                        .containsExactlyInAnyOrderElementsOf(intended);
                assertThat(KitAgainstFake.with(results.values(), Verdict.SKIPPED))
                        .as("rules skipped, %s, %s, %s", setup, defect, order)
                        .containsExactlyInAnyOrderElementsOf(
                                KitAgainstFake.skippedWhenFailing(skippedWhenCorrect, intended));
                // AND every verdict is the one the other orders gave
                Map<Rule, Verdict> verdicts = new EnumMap<>(Rule.class);
                results.forEach((rule, result) -> verdicts.put(rule, result.verdict()));
                if (first == null) {
                    first = verdicts;
                } else {
                    assertThat(verdicts).as("verdicts in order %s", order).isEqualTo(first);
                }
            }
        }

        @Test
        void withATokenTheSignatureRuleIsSkippedWithTheReason_neverPassedWithAMadeUpKey() {
            // WHEN the kit runs with an IAM token against a correct implementation
            Map<Rule, RuleResult> results = KitAgainstFake.run(Setup.TOKEN, Order.CATALOGUE);

            // THEN the signature rule is not passed for a key the target never knew: it is skipped, saying why
            assertThat(results.get(AUTH_BAD_SIGNATURE).verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(results.get(AUTH_BAD_SIGNATURE).reason())
                    .startsWith("no AK/SK pair was given, so the kit cannot sign a request the target could verify");
            // AND the kit's own token was checked first, and accepted
            assertThat(results.get(AUTH_KIT_CREDENTIALS).verdict()).isEqualTo(Verdict.PASSED);
        }

        @Test
        void refusedCredentialsAreOneFailureInOneLine_andNothingElsePassesOrFails() {
            // WHEN the target refuses the kit's own token
            Map<Rule, RuleResult> results =
                    KitAgainstFake.run(Setup.TOKEN, Order.CATALOGUE, Defect.KIT_CREDENTIALS_REFUSED);

            // THEN one rule fails, saying so in one line
            assertThat(results.get(AUTH_KIT_CREDENTIALS).reason())
                    .isEqualTo("the kit's credentials are refused by the target: the documented request was answered"
                            + " 401");
            // AND no other rule passes unchecked or fails for it: each says what blocks it
            results.forEach((rule, result) -> {
                if (rule != AUTH_KIT_CREDENTIALS) {
                    assertThat(result.verdict()).as(rule.id()).isEqualTo(Verdict.SKIPPED);
                }
            });
            assertThat(results.get(DOMAIN_MONOTONE).reason())
                    .isEqualTo("blocked by RESET-AUTH-06: "
                            + results.get(AUTH_KIT_CREDENTIALS).reason());
        }
    }

    @Nested
    @DisplayName("Documented example replay")
    class Example {

        @Test
        void exampleNumeric_shouldFailBy_refusingNumericTimestamps() {
            expectKitToFail(Defect.NUMERIC_TIMESTAMP_REFUSED, EXAMPLE_NUMERIC, "DMS.00400142");
        }

        @Test
        void exampleNumeric_shouldFailBy_answeringNoQueue_andBlockTheRulesThatNeedIt() {
            KitReport report = expectKitToFail(Defect.EMPTY_QUEUES, EXAMPLE_NUMERIC, "{\"queues\":[]}");

            // AND the run says so in one line, the blocked rules counted under their one cause
            assertThat(report.resultLine())
                    .isEqualTo("a MUST rule fails; 36 MUST rules did not run: blocked by RESET-EXAMPLE-01 (36)");
            assertThat(report.results().get(DOMAIN_MONOTONE.ordinal()).reason())
                    .startsWith("blocked by RESET-EXAMPLE-01: The documented request with a numeric timestamp: the"
                            + " answer lists no queue");
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
        void responseStrictTypes_shouldFailBy_writingNumbersAsStringsOnlyToChunkedRequests() {
            expectKitToFail(
                    Defect.CHUNKED_ANSWER_NUMBERS_AS_STRINGS,
                    RESPONSE_STRICT_TYPES,
                    "queues[0].queue_id is the JSON string \"0\", not a JSON integer");
        }

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
                    "timestamp 9223372036854775807: the request was answered 400 DMS.00400142 (\"Timestamp is invalid.\"), not 200");
        }

        @Test
        void edgeTimestampString_shouldFailBy_refusingTheStringMinusOne() {
            expectKitToFail(
                    Defect.STRING_LATEST_REFUSED,
                    EDGE_TIMESTAMP_STRING,
                    "\"-1\" (the literal alternative): the request was answered 400 DMS.00400142 (\"Timestamp is invalid.\"), not 200");
        }

        @Test
        void edgeNames_shouldFailBy_limitingNamesTo64Characters() {
            expectKitToFail(Defect.NAMES_LIMITED_TO_64, EDGE_NAMES, "group longest (120) '");
        }

        @Test
        void edgeNamesReset_shouldFailBy_notDecodingThePath() {
            expectKitToFail(
                    Defect.PATH_NOT_DECODED,
                    EDGE_NAMES_RESET,
                    "the request was answered 404 DMS.10240405 (\"The consumption group ID is incorrect or not found.\"), not 200");
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
        void negativeInternalError_shouldFailBy_answeringAFailureWithAnUndocumentedStatusAndCode() {
            expectKitToFail(
                    Defect.INTERNAL_ERROR_UNDOCUMENTED,
                    NEGATIVE_INTERNAL_ERROR,
                    "its reset made to fail: answered 503, expected 500");
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
        void authKitCredentials_shouldFailBy_refusingEveryRequest_andBlockEveryOtherRule() {
            expectKitToFail(
                    Defect.KIT_CREDENTIALS_REFUSED,
                    AUTH_KIT_CREDENTIALS,
                    "the kit's credentials are refused by the target: the documented request was answered 401");
        }

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
