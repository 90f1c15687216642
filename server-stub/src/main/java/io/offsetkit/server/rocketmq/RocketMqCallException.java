package io.offsetkit.server.rocketmq;

/**
 * A call to a name server or broker that did not succeed: either the server answered with a
 * RocketMQ response code other than success, or it could not be reached or did not answer in time
 * ({@link #TRANSPORT}).
 */
final class RocketMqCallException extends RuntimeException {

    /** The pseudo response code of a call that got no answer at all. */
    static final int TRANSPORT = -1;

    private final int responseCode;
    private final String remark;

    RocketMqCallException(int responseCode, String remark, String message, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
        this.remark = remark == null ? "" : remark;
    }

    /** RocketMQ's response code, or {@link #TRANSPORT}. */
    int responseCode() {
        return responseCode;
    }

    /** The text the server answered with its code; empty when it gave none or did not answer. */
    String remark() {
        return remark;
    }
}
