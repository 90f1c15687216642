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
    AUTHENTICATED_AFTER_RESET
}
