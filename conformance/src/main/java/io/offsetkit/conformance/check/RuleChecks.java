package io.offsetkit.conformance.check;

import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Rule;
import java.util.Optional;

/**
 * How each rule of the catalogue is checked. The switch is an expression, so it is exhaustive: a rule
 * added to {@link Rule} without a check does not compile.
 */
public final class RuleChecks {

    private RuleChecks() {}

    /** Why the rule cannot be checked against the context's target, when it lacks a capability the rule needs. */
    public static Optional<String> missingCapability(Rule rule, KitContext context) {
        for (Capability capability : rule.requires()) {
            if (!context.has(capability)) {
                return Optional.of(context.whyMissing(capability));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks one rule against the context's target.
     *
     * @throws RuleSkipped when the target lacks a capability the rule needs
     * @throws RuleFailure when the rule does not hold
     */
    public static void check(Rule rule, KitContext context) {
        missingCapability(rule, context).ifPresent(reason -> {
            throw new RuleSkipped(reason);
        });
        Runnable check = switch (rule) {
            case EXAMPLE_NUMERIC -> () -> ExampleChecks.numeric(context);
            case EXAMPLE_STRING -> () -> ExampleChecks.string(context);
            case EXAMPLE_DOCUMENTED_ANSWER -> () -> ExampleChecks.documentedAnswer(context);
            case EXAMPLE_READS -> () -> ReadChecks.documentedExamples(context);
            case RESPONSE_CONTENT_TYPE -> () -> ResponseChecks.contentType(context);
            case RESPONSE_SCHEMA -> () -> ResponseChecks.schema(context);
            case RESPONSE_STRICT_TYPES -> () -> ResponseChecks.strictTypes(context);
            case RESPONSE_REQUEST_ID -> () -> ResponseChecks.requestId(context);
            case RESPONSE_REQUEST_ID_UNIQUE -> () -> ResponseChecks.requestIdUnique(context);
            case RESPONSE_READ_SCHEMA -> () -> ReadChecks.responseSchema(context);
            case RESPONSE_ERROR_MESSAGE -> () -> ErrorMessageChecks.errorMessages(context);
            case DOMAIN_NON_NEGATIVE -> () -> DomainChecks.nonNegative(context);
            case DOMAIN_EACH_QUEUE_ONCE -> () -> DomainChecks.eachQueueOnce(context);
            case DOMAIN_SAME_QUEUES -> () -> DomainChecks.sameQueues(context);
            case DOMAIN_MONOTONE -> () -> DomainChecks.monotone(context);
            case DOMAIN_LATEST -> () -> DomainChecks.latest(context);
            case DOMAIN_EARLIEST -> () -> DomainChecks.earliest(context);
            case DOMAIN_ENGINE_ALIAS -> () -> DomainChecks.engineAlias(context);
            case DOMAIN_IDEMPOTENT -> () -> DomainChecks.idempotent(context);
            case DOMAIN_OLDER_ROUTE -> () -> DomainChecks.olderRoute(context);
            case DOMAIN_PROGRESS_AFTER_RESET -> () -> WorkflowChecks.progressAfterReset(context);
            case DOMAIN_LAG -> () -> WorkflowChecks.lag(context);
            case DOMAIN_LATEST_IS_MAX_OFFSET -> () -> WorkflowChecks.latestIsMaxOffset(context);
            case DOMAIN_EARLIEST_IS_MIN_OFFSET -> () -> WorkflowChecks.earliestIsMinOffset(context);
            case DOMAIN_READ_CHANGES_NOTHING -> () -> WorkflowChecks.readChangesNothing(context);
            case DOMAIN_READ_PAGING -> () -> WorkflowChecks.paging(context);
            case WIRE_CHUNKED -> () -> WireChecks.chunked(context);
            case WIRE_JAVA_SDK -> () -> WireChecks.javaSdk(context);
            case WIRE_NODE_SDK -> () -> WireChecks.nodeSdk(context);
            case WIRE_READ_SDK -> () -> ReadChecks.sdkWireForm(context);
            case WIRE_CHARSET -> () -> WireChecks.charset(context);
            case EDGE_TIMESTAMP_INTEGER -> () -> EdgeChecks.timestampIntegers(context);
            case EDGE_TIMESTAMP_STRING -> () -> EdgeChecks.timestampStrings(context);
            case EDGE_NAMES -> () -> EdgeChecks.names(context);
            case EDGE_NAMES_RESET -> () -> EdgeChecks.namesReset(context);
            case NEGATIVE_UNKNOWN_ENGINE -> () -> NegativeChecks.unknownEngine(context);
            case NEGATIVE_UNKNOWN_INSTANCE -> () -> NegativeChecks.unknownInstance(context);
            case NEGATIVE_UNKNOWN_GROUP -> () -> NegativeChecks.unknownGroup(context);
            case NEGATIVE_UNKNOWN_TOPIC -> () -> NegativeChecks.unknownTopic(context);
            case NEGATIVE_EMPTY_BODY -> () -> NegativeChecks.emptyBody(context);
            case NEGATIVE_MALFORMED_BODY -> () -> NegativeChecks.malformedBody(context);
            case NEGATIVE_WRONG_TYPES -> () -> NegativeChecks.wrongTypes(context);
            case NEGATIVE_MISSING_FIELD -> () -> NegativeChecks.missingField(context);
            case NEGATIVE_BAD_TIMESTAMP -> () -> NegativeChecks.badTimestamp(context);
            case NEGATIVE_WRONG_METHOD -> () -> NegativeChecks.wrongMethod(context);
            case NEGATIVE_UNKNOWN_ROUTE -> () -> NegativeChecks.unknownRoute(context);
            case NEGATIVE_READ_UNKNOWN -> () -> ReadChecks.unknownNames(context);
            case NEGATIVE_READ_PAGING -> () -> ReadChecks.paging(context);
            case NEGATIVE_READ_WRONG_METHOD -> () -> ReadChecks.wrongMethod(context);
            case NEGATIVE_GROUP_OFFLINE -> () -> NegativeChecks.groupOffline(context);
            case NEGATIVE_INTERNAL_ERROR -> () -> NegativeChecks.internalError(context);
            case AUTH_NO_CREDENTIALS -> () -> AuthChecks.noCredentials(context);
            case AUTH_WRONG_TOKEN -> () -> AuthChecks.wrongToken(context);
            case AUTH_BAD_SIGNATURE -> () -> AuthChecks.badSignature(context);
            case AUTH_STALE_DATE -> () -> AuthChecks.staleDate(context);
            case AUTH_READS -> () -> ReadChecks.noCredentials(context);
            case AUTH_KIT_CREDENTIALS -> () -> AuthChecks.kitCredentials(context);
            case AUTH_EXPIRED_TOKEN -> () -> AuthChecks.expiredToken(context);
            case AUTH_OTHER_PROJECT_TOKEN -> () -> AuthChecks.otherProjectToken(context);
            case AUTH_READ_ONLY -> () -> AuthChecks.readOnly(context);
            case EXACT_BEFORE_FIRST -> () -> ExactChecks.beforeFirst(context);
            case EXACT_AT_MESSAGE -> () -> ExactChecks.atMessage(context);
            case EXACT_BETWEEN -> () -> ExactChecks.between(context);
            case EXACT_EQUAL_TIMESTAMPS -> () -> ExactChecks.equalTimestamps(context);
            case EXACT_STEP_BACK -> () -> ExactChecks.stepBack(context);
            case EXACT_AFTER_LAST -> () -> ExactChecks.afterLast(context);
            case EXACT_EMPTY_QUEUE -> () -> ExactChecks.emptyQueue(context);
            case EXACT_SEVERAL_BROKERS -> () -> ExactChecks.severalBrokers(context);
            case EXACT_LATEST -> () -> ExactChecks.latest(context);
            case EXACT_FIRST_OFFSET_NOT_ZERO -> () -> ExactChecks.firstOffsetNotZero(context);
            case EXACT_COMMITTED -> () -> ReadBackChecks.committed(context);
            case EXACT_COMMITTED_BACKWARDS -> () -> ReadBackChecks.backwards(context);
            case EXACT_OTHER_GROUP_UNTOUCHED -> () -> ReadBackChecks.otherGroupUntouched(context);
            case EXACT_REFUSED_CHANGES_NOTHING -> () -> ReadBackChecks.refusedChangesNothing(context);
        };
        check.run();
    }
}
