package io.offsetkit.conformance.fake;

/**
 * One deliberate defect of {@link FakeDms}, to prove that the kit catches it. Each names the bug it
 * reproduces; the lookup defects act on the topics the fixture creates only, as a data-dependent
 * bug would.
 */
public enum Defect {
    // documented example
    NUMERIC_TIMESTAMP_REFUSED,
    STRING_TIMESTAMP_REFUSED,
    DOCUMENTED_DATA_DIFFERENT,
    // response conformance
    TEXT_PLAIN_CONTENT_TYPE,
    NUMBERS_AS_STRINGS,
    NUMBERS_AS_FRACTIONS,
    OFFSET_FIELD_MISSING,
    /**
     * Only the answers to chunked requests (the Java SDK's) write their numbers as strings, as a gateway
     * that re-serialises streamed bodies might: no probe of the response rules' own shows it.
     */
    CHUNKED_ANSWER_NUMBERS_AS_STRINGS,
    /** Every reset is answered {"queues":[]}: nothing to compare, for a topic that has queues. */
    EMPTY_QUEUES,
    NO_REQUEST_ID_ON_ERRORS,
    /** One constant X-Request-Id on every response: present, but it identifies nothing. */
    CONSTANT_REQUEST_ID,
    // domain semantics
    NEGATIVE_OFFSET_AT_ZERO,
    FIRST_QUEUE_DUPLICATED,
    FOREIGN_QUEUE_IN_FUTURE,
    FAR_FUTURE_GOES_BACKWARDS,
    LATEST_IS_EARLIEST,
    ZERO_IS_LATEST,
    ALIAS_NOT_HONOURED,
    REPEAT_MOVES_ON,
    OLDER_ROUTE_MISSING,
    // wire forms
    /** Reads Content-Length bytes of body only: a chunked body arrives empty. */
    CHUNKED_BODY_IGNORED,
    /** The signature is checked over Host and X-Sdk-Date only, whatever SignedHeaders lists. */
    SIGNED_HEADERS_FIXED,
    /** Content-Type is never part of the signature (the Java SDK's rule, applied to every client). */
    CONTENT_TYPE_NEVER_SIGNED,
    // valid inputs at the edges
    /** JSON numbers are read as IEEE doubles, as a JavaScript gateway reads them: above 2^53 is refused. */
    TIMESTAMP_AS_DOUBLE,
    /** A string timestamp must be digits: "-1" is refused. */
    STRING_LATEST_REFUSED,
    /** Group and topic names are limited to 64 characters (the vendor console's limit, not the contract's). */
    NAMES_LIMITED_TO_64,
    /** Path segments are used as sent: %25 and %7C are never decoded to % and |. */
    PATH_NOT_DECODED,
    // negative inputs
    UNKNOWN_ENGINE_ACCEPTED,
    UNKNOWN_INSTANCE_IS_500,
    UNKNOWN_GROUP_CREATED,
    UNKNOWN_TOPIC_IS_EMPTY_ANSWER,
    EMPTY_BODY_IS_500,
    MALFORMED_BODY_WRONG_CODE,
    ARRAY_BODY_UNWRAPPED,
    MISSING_TIMESTAMP_MEANS_LATEST,
    FRACTION_TRUNCATED,
    WRONG_METHOD_IS_404,
    UNKNOWN_ROUTE_IS_500,
    ERROR_BODY_WRONG_SHAPE,
    // authentication
    /** Every request is refused with 401, whatever its credentials: the kit's own are refused too. */
    KIT_CREDENTIALS_REFUSED,
    /** Writes the refused token into its error message: a report must still not show it. */
    TOKEN_ECHOED,
    UNSIGNED_ACCEPTED,
    ANY_TOKEN_ACCEPTED,
    SIGNATURE_NOT_VERIFIED,
    DATE_NOT_CHECKED,
    // exact answers (fixture topics only)
    BEFORE_FIRST_IS_MAX,
    AT_MESSAGE_SKIPPED,
    BETWEEN_GIVES_EARLIER,
    LAST_OF_EQUAL,
    BINARY_SEARCH_ON_UNSORTED,
    AFTER_LAST_IS_LAST_MESSAGE,
    EMPTY_QUEUE_OMITTED,
    SECOND_BROKER_IGNORED,
    LATEST_IS_LAST_MESSAGE,
    FIRST_OFFSET_IGNORED,
    NOT_COMMITTED,
    // effects read back (fixture topics and any other)
    /** Commits an offset only when it is ahead of the committed one: a reset backwards commits nothing. */
    COMMIT_ONLY_FORWARD,
    /** Committed offsets are kept per topic and queue, not per group: every group shares them. */
    OFFSETS_SHARED_ACROSS_GROUPS,
    /** Applies the reset, then checks the credentials: the 401 comes after the offsets moved. */
    AUTHENTICATED_AFTER_RESET,
    // the reads, and the reads against the reset
    /** Answers every reset correctly but commits the offsets under another group (a proxy's bug). */
    COMMITS_ELSEWHERE,
    /** The progress read "consumes": after answering, it commits each queue's broker offset. */
    READ_MOVES_OFFSETS,
    /** A queue's lag is counted from its min offset, whatever the group committed. */
    LAG_FROM_MIN_OFFSET,
    /** The topic status' max offset is the last message's offset, not the next one to be written. */
    STATUS_MAX_IS_LAST_MESSAGE,
    /** The topic status' min offset is one past the queue's first offset. */
    STATUS_MIN_OFFSET_OFF_BY_ONE,
    /** The topic status writes its offsets as JSON strings. */
    READ_NUMBERS_AS_STRINGS,
    /** An unknown group's consumers are answered as an offline group with none. */
    READ_UNKNOWN_GROUP_EMPTY,
    /** Another method on a read's route is answered 404, as if the route did not exist. */
    READ_WRONG_METHOD_IS_404,
    /** The reads check no credentials. */
    READS_UNAUTHENTICATED,
    /** next_offset never says -1: a client paging through consumers never stops. */
    NEXT_OFFSET_NEVER_LAST,
    // blind spots: legitimate wire forms refused, values outside the contract's spelling accepted, empty messages
    /** A GET carrying Content-Type (as both official SDKs send their reads) is refused. */
    GET_WITH_CONTENT_TYPE_REFUSED,
    /** A Content-Type with parameters (application/json;charset=UTF-8) is refused. */
    CHARSET_REFUSED,
    /** The engine segment is compared ignoring case: RocketMQ is taken for rocketmq. */
    ENGINE_CASE_IGNORED,
    /** A string timestamp is read with a number parser after trimming: "+1662652800000" and " 1" pass. */
    TIMESTAMP_STRING_TRIMMED,
    /** Query values are read leniently: limit=1e1 is 10, is_detail=1 is true. */
    LENIENT_QUERY_VALUES,
    /** Every error message is the status' reason phrase ("Bad Request"): it tells a person nothing. */
    ERROR_MESSAGE_SAYS_NOTHING,
    // the service's preconditions and refused credentials
    /** A group with no consumer online is reset all the same, as a broker-side reset would. */
    OFFLINE_GROUP_RESET,
    /** An expired token is refused as an invalid one (DMS.10240101): the client cannot tell it to renew it. */
    EXPIRED_TOKEN_IS_INVALID,
    /** A token of another project is refused as an invalid one (DMS.10240101). */
    OTHER_PROJECT_TOKEN_IS_INVALID,
    /** Read-only credentials may reset: the authorization is never checked. */
    READ_ONLY_MAY_RESET,
    // a failure of the target
    /** A reset the store fails to complete is answered 503 with the store's own code, undocumented. */
    INTERNAL_ERROR_UNDOCUMENTED
}
