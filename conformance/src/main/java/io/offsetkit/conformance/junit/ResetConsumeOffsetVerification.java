package io.offsetkit.conformance.junit;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.RuleResult;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit as JUnit 5 tests: extend this class in your own test sources, implement
 * {@link #target()}, and every rule of the catalogue runs as one test, grouped by family, named by
 * its id, level and statement.
 *
 * <pre>{@code
 * class MyGatewayConformanceTest extends ResetConsumeOffsetVerification {
 *     @Override
 *     protected Target target() {
 *         return new Target(URI.create("https://gw.example.com"), "my-project", "my-instance",
 *                 "conformance_group", "conformance_topic", null);
 *     }
 *
 *     @Override
 *     protected Credentials credentials() {
 *         return Credentials.akSk(System.getenv("CLOUD_SDK_AK"), System.getenv("CLOUD_SDK_SK"));
 *     }
 * }
 * }</pre>
 *
 * <p>One hook is required, {@link #target()}. The optional hooks give the kit more to check:
 * {@link #credentials()} (the authentication rules), {@link #fixture()} (the exact-answer rules),
 * {@link #holdsDocumentedData()} (the documented answer). A rule that needs something a hook does
 * not give is skipped, with the reason, through {@code Assumptions}: never passed.
 *
 * <p>A failed rule fails its test with the kit's full message: the rule, what was expected, what came
 * back, the request sent and the response received, and the seed that replays the run ({@code
 * -Doffsetkit.seed=N}, or the {@link #seed()} hook). A rule the class disables with {@link
 * DisableRule} is reported as skipped with the reason.
 *
 * <p>A rule's verdict does not depend on the order JUnit runs the tests in, nor on running one test
 * alone: a rule needing another ({@link Rule#needs()}) has it checked first, and is skipped as {@code
 * blocked by <id>} when that one fails; a response rule has every other rule checked first, so it judges
 * every response. An error of the kit itself (a fixture that broke, a bug) fails the test with a {@link
 * KitError}, which JUnit's reports count as an error, not as the target's failure.
 *
 * <p>For a test class that already extends a base class of its own, {@link ResetConsumeOffsetTests}
 * gives the same tests from a {@code @TestFactory}, without inheritance.
 *
 * <p>State: the tests reset {@link Target#group()} on {@link Target#topic()} many times; give a group
 * whose offsets may be lost. One instance of the class runs every test ({@link
 * TestInstance.Lifecycle#PER_CLASS}), so requests several rules share are sent once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(RuleDisplayNames.class)
@ExtendWith(DisabledRules.class)
public abstract class ResetConsumeOffsetVerification {

    private ConformanceKit kit;
    private long seed;

    /** The implementation under test and the ids to use with it. Required. */
    protected abstract Target target();

    /** The credentials to authenticate with; {@link Credentials#none()} (the default) skips the authentication rules. */
    protected Credentials credentials() {
        return Credentials.none();
    }

    /** A fixture over the implementation; null (the default) skips the exact-answer rules. */
    protected Fixture fixture() {
        return null;
    }

    /** Whether the target holds the documented example's data; false (the default) skips RESET-EXAMPLE-03. */
    protected boolean holdsDocumentedData() {
        return false;
    }

    /**
     * A second existing group on the target's topic, which the read-back rules reset to show that the
     * target's group is left untouched; null (the default) without a fixture skips RESET-EXACT-13.
     */
    protected String otherGroup() {
        return null;
    }

    /**
     * The seed of the run's random choices: {@code -Doffsetkit.seed=N} when set (to replay the run a
     * failure names), else a new one. Override to fix it.
     */
    protected long seed() {
        return JunitVerdicts.seed();
    }

    /** The kit, configured from the hooks on first use. */
    protected final synchronized ConformanceKit kit() {
        if (kit == null) {
            Fixture fixture = fixture();
            seed = seed();
            Set<Rule> disabled = EnumSet.noneOf(Rule.class);
            for (Rule rule : Rule.values()) {
                DisabledRules.reason(getClass(), rule).ifPresent(reason -> disabled.add(rule));
            }
            kit = JunitKits.kit(target(), credentials(), fixture, holdsDocumentedData(), seed, otherGroup(), disabled);
        }
        return kit;
    }

    /** Checks one rule: returns when it passes, aborts the test when it is skipped, fails it otherwise. */
    protected final void verify(Rule rule) {
        RuleResult result = kit().check(rule);
        JunitVerdicts.apply(result, seed);
    }

    /** Documented example replay. */
    @Nested
    @DisplayName("Documented example replay")
    public class DocumentedExampleReplay {

        @Test
        public void must_RESET_EXAMPLE_01_numeric() {
            verify(Rule.EXAMPLE_NUMERIC);
        }

        @Test
        public void must_RESET_EXAMPLE_02_string() {
            verify(Rule.EXAMPLE_STRING);
        }

        @Test
        public void must_RESET_EXAMPLE_03_documentedAnswer() {
            verify(Rule.EXAMPLE_DOCUMENTED_ANSWER);
        }

        @Test
        public void must_RESET_EXAMPLE_04_reads() {
            verify(Rule.EXAMPLE_READS);
        }
    }

    /** Response conformance. */
    @Nested
    @DisplayName("Response conformance")
    public class ResponseConformance {

        @Test
        public void must_RESET_RESPONSE_01_contentType() {
            verify(Rule.RESPONSE_CONTENT_TYPE);
        }

        @Test
        public void must_RESET_RESPONSE_02_schema() {
            verify(Rule.RESPONSE_SCHEMA);
        }

        @Test
        public void must_RESET_RESPONSE_03_strictTypes() {
            verify(Rule.RESPONSE_STRICT_TYPES);
        }

        @Test
        public void must_RESET_RESPONSE_04_requestId() {
            verify(Rule.RESPONSE_REQUEST_ID);
        }

        @Test
        public void must_RESET_RESPONSE_05_requestIdUnique() {
            verify(Rule.RESPONSE_REQUEST_ID_UNIQUE);
        }

        @Test
        public void must_RESET_RESPONSE_06_readSchema() {
            verify(Rule.RESPONSE_READ_SCHEMA);
        }

        @Test
        public void must_RESET_RESPONSE_07_errorMessage() {
            verify(Rule.RESPONSE_ERROR_MESSAGE);
        }
    }

    /** Domain semantics for any data. */
    @Nested
    @DisplayName("Domain semantics for any data")
    public class DomainSemantics {

        @Test
        public void must_RESET_DOMAIN_01_nonNegative() {
            verify(Rule.DOMAIN_NON_NEGATIVE);
        }

        @Test
        public void must_RESET_DOMAIN_02_eachQueueOnce() {
            verify(Rule.DOMAIN_EACH_QUEUE_ONCE);
        }

        @Test
        public void must_RESET_DOMAIN_03_sameQueues() {
            verify(Rule.DOMAIN_SAME_QUEUES);
        }

        @Test
        public void must_RESET_DOMAIN_04_monotone() {
            verify(Rule.DOMAIN_MONOTONE);
        }

        @Test
        public void must_RESET_DOMAIN_05_latest() {
            verify(Rule.DOMAIN_LATEST);
        }

        @Test
        public void must_RESET_DOMAIN_06_earliest() {
            verify(Rule.DOMAIN_EARLIEST);
        }

        @Test
        public void must_RESET_DOMAIN_07_engineAlias() {
            verify(Rule.DOMAIN_ENGINE_ALIAS);
        }

        @Test
        public void must_RESET_DOMAIN_08_idempotent() {
            verify(Rule.DOMAIN_IDEMPOTENT);
        }

        @Test
        public void should_RESET_DOMAIN_09_olderRoute() {
            verify(Rule.DOMAIN_OLDER_ROUTE);
        }

        @Test
        public void must_RESET_DOMAIN_10_progressAfterReset() {
            verify(Rule.DOMAIN_PROGRESS_AFTER_RESET);
        }

        @Test
        public void must_RESET_DOMAIN_11_lag() {
            verify(Rule.DOMAIN_LAG);
        }

        @Test
        public void must_RESET_DOMAIN_12_latestIsMaxOffset() {
            verify(Rule.DOMAIN_LATEST_IS_MAX_OFFSET);
        }

        @Test
        public void must_RESET_DOMAIN_13_earliestIsMinOffset() {
            verify(Rule.DOMAIN_EARLIEST_IS_MIN_OFFSET);
        }

        @Test
        public void must_RESET_DOMAIN_14_readChangesNothing() {
            verify(Rule.DOMAIN_READ_CHANGES_NOTHING);
        }

        @Test
        public void must_RESET_DOMAIN_15_readPaging() {
            verify(Rule.DOMAIN_READ_PAGING);
        }
    }

    /** Wire forms of the official SDKs. */
    @Nested
    @DisplayName("Wire forms of the official SDKs")
    public class WireForms {

        @Test
        public void must_RESET_WIRE_01_chunked() {
            verify(Rule.WIRE_CHUNKED);
        }

        @Test
        public void must_RESET_WIRE_02_javaSdk() {
            verify(Rule.WIRE_JAVA_SDK);
        }

        @Test
        public void must_RESET_WIRE_03_nodeSdk() {
            verify(Rule.WIRE_NODE_SDK);
        }

        @Test
        public void must_RESET_WIRE_04_readSdk() {
            verify(Rule.WIRE_READ_SDK);
        }

        @Test
        public void must_RESET_WIRE_05_charset() {
            verify(Rule.WIRE_CHARSET);
        }
    }

    /** Valid inputs at the contract's edges. */
    @Nested
    @DisplayName("Valid inputs at the contract's edges")
    public class ContractEdges {

        @Test
        public void must_RESET_EDGE_01_timestampInteger() {
            verify(Rule.EDGE_TIMESTAMP_INTEGER);
        }

        @Test
        public void must_RESET_EDGE_02_timestampString() {
            verify(Rule.EDGE_TIMESTAMP_STRING);
        }

        @Test
        public void must_RESET_EDGE_03_names() {
            verify(Rule.EDGE_NAMES);
        }

        @Test
        public void must_RESET_EDGE_04_namesReset() {
            verify(Rule.EDGE_NAMES_RESET);
        }
    }

    /** Negative inputs. */
    @Nested
    @DisplayName("Negative inputs")
    public class NegativeInputs {

        @Test
        public void must_RESET_NEGATIVE_01_unknownEngine() {
            verify(Rule.NEGATIVE_UNKNOWN_ENGINE);
        }

        @Test
        public void must_RESET_NEGATIVE_02_unknownInstance() {
            verify(Rule.NEGATIVE_UNKNOWN_INSTANCE);
        }

        @Test
        public void must_RESET_NEGATIVE_03_unknownGroup() {
            verify(Rule.NEGATIVE_UNKNOWN_GROUP);
        }

        @Test
        public void must_RESET_NEGATIVE_04_unknownTopic() {
            verify(Rule.NEGATIVE_UNKNOWN_TOPIC);
        }

        @Test
        public void must_RESET_NEGATIVE_05_emptyBody() {
            verify(Rule.NEGATIVE_EMPTY_BODY);
        }

        @Test
        public void must_RESET_NEGATIVE_06_malformedBody() {
            verify(Rule.NEGATIVE_MALFORMED_BODY);
        }

        @Test
        public void must_RESET_NEGATIVE_07_wrongTypes() {
            verify(Rule.NEGATIVE_WRONG_TYPES);
        }

        @Test
        public void must_RESET_NEGATIVE_08_missingField() {
            verify(Rule.NEGATIVE_MISSING_FIELD);
        }

        @Test
        public void must_RESET_NEGATIVE_09_badTimestamp() {
            verify(Rule.NEGATIVE_BAD_TIMESTAMP);
        }

        @Test
        public void must_RESET_NEGATIVE_10_wrongMethod() {
            verify(Rule.NEGATIVE_WRONG_METHOD);
        }

        @Test
        public void must_RESET_NEGATIVE_11_unknownRoute() {
            verify(Rule.NEGATIVE_UNKNOWN_ROUTE);
        }

        @Test
        public void must_RESET_NEGATIVE_12_readUnknownNames() {
            verify(Rule.NEGATIVE_READ_UNKNOWN);
        }

        @Test
        public void must_RESET_NEGATIVE_13_readPaging() {
            verify(Rule.NEGATIVE_READ_PAGING);
        }

        @Test
        public void must_RESET_NEGATIVE_14_readWrongMethod() {
            verify(Rule.NEGATIVE_READ_WRONG_METHOD);
        }

        @Test
        public void must_RESET_NEGATIVE_15_groupOffline() {
            verify(Rule.NEGATIVE_GROUP_OFFLINE);
        }

        @Test
        public void must_RESET_NEGATIVE_16_internalError() {
            verify(Rule.NEGATIVE_INTERNAL_ERROR);
        }
    }

    /** Authentication. */
    @Nested
    @DisplayName("Authentication")
    public class Authentication {

        @Test
        public void must_RESET_AUTH_01_noCredentials() {
            verify(Rule.AUTH_NO_CREDENTIALS);
        }

        @Test
        public void must_RESET_AUTH_02_wrongToken() {
            verify(Rule.AUTH_WRONG_TOKEN);
        }

        @Test
        public void must_RESET_AUTH_03_badSignature() {
            verify(Rule.AUTH_BAD_SIGNATURE);
        }

        @Test
        public void must_RESET_AUTH_04_staleDate() {
            verify(Rule.AUTH_STALE_DATE);
        }

        @Test
        public void must_RESET_AUTH_05_reads() {
            verify(Rule.AUTH_READS);
        }

        @Test
        public void must_RESET_AUTH_06_kitCredentials() {
            verify(Rule.AUTH_KIT_CREDENTIALS);
        }

        @Test
        public void must_RESET_AUTH_07_expiredToken() {
            verify(Rule.AUTH_EXPIRED_TOKEN);
        }

        @Test
        public void must_RESET_AUTH_08_otherProjectToken() {
            verify(Rule.AUTH_OTHER_PROJECT_TOKEN);
        }

        @Test
        public void must_RESET_AUTH_09_readOnly() {
            verify(Rule.AUTH_READ_ONLY);
        }
    }

    /** Exact answers with a fixture. */
    @Nested
    @DisplayName("Exact answers with a fixture")
    public class ExactAnswers {

        @Test
        public void must_RESET_EXACT_01_beforeFirst() {
            verify(Rule.EXACT_BEFORE_FIRST);
        }

        @Test
        public void must_RESET_EXACT_02_atMessage() {
            verify(Rule.EXACT_AT_MESSAGE);
        }

        @Test
        public void must_RESET_EXACT_03_between() {
            verify(Rule.EXACT_BETWEEN);
        }

        @Test
        public void must_RESET_EXACT_04_equalTimestamps() {
            verify(Rule.EXACT_EQUAL_TIMESTAMPS);
        }

        @Test
        public void must_RESET_EXACT_05_stepBack() {
            verify(Rule.EXACT_STEP_BACK);
        }

        @Test
        public void must_RESET_EXACT_06_afterLast() {
            verify(Rule.EXACT_AFTER_LAST);
        }

        @Test
        public void must_RESET_EXACT_07_emptyQueue() {
            verify(Rule.EXACT_EMPTY_QUEUE);
        }

        @Test
        public void must_RESET_EXACT_08_severalBrokers() {
            verify(Rule.EXACT_SEVERAL_BROKERS);
        }

        @Test
        public void must_RESET_EXACT_09_latest() {
            verify(Rule.EXACT_LATEST);
        }

        @Test
        public void must_RESET_EXACT_10_firstOffsetNotZero() {
            verify(Rule.EXACT_FIRST_OFFSET_NOT_ZERO);
        }

        @Test
        public void must_RESET_EXACT_11_committed() {
            verify(Rule.EXACT_COMMITTED);
        }

        @Test
        public void must_RESET_EXACT_12_committedBackwards() {
            verify(Rule.EXACT_COMMITTED_BACKWARDS);
        }

        @Test
        public void must_RESET_EXACT_13_otherGroupUntouched() {
            verify(Rule.EXACT_OTHER_GROUP_UNTOUCHED);
        }

        @Test
        public void must_RESET_EXACT_14_refusedChangesNothing() {
            verify(Rule.EXACT_REFUSED_CHANGES_NOTHING);
        }
    }
}
