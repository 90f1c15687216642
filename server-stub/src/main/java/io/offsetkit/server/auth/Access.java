package io.offsetkit.server.auth;

/**
 * What authenticated credentials may do. Read-only credentials ({@code offsetkit.auth.read-only-tokens},
 * {@code offsetkit.auth.read-only-aksk}) authenticate, and the reads answer them, but a reset is
 * refused with {@code 403 DMS.00403007}, as the service refuses a user whose policy only reads.
 */
public enum Access {
    /** Every operation. */
    FULL,
    /** The reads only. */
    READ_ONLY
}
