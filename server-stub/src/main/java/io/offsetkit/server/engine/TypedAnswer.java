package io.offsetkit.server.engine;

import io.offsetkit.server.fault.FaultKind;

/**
 * What the {@link RequestPath} answered a call of the contract's operations, as types rather than the
 * bytes it wrote: the model the handler returned, the documented error the one error writer ({@link
 * Failures}) made, or what a fault on demand put in the place of an answer. Made beside the answer's
 * bytes, from the same values, so that whoever observes the path ({@link OperationObserver}) reads
 * what was served without parsing JSON back. Free of any HTTP server's types.
 */
public sealed interface TypedAnswer {

    /** The answer's HTTP status; 0 when the connection was reset or closed with nothing written. */
    int status();

    /**
     * A success: the operation's typed answer, as the handler returned it.
     *
     * @param model the generated response model of the operation (the reset's {@code
     *     ResetConsumeOffsetResp}, a read's own model)
     */
    record Success(int status, Object model) implements TypedAnswer {}

    /**
     * A documented error, as the one error writer made it: the contract's {@code {error_code,
     * error_msg}} and its status.
     */
    record DocumentedError(int status, String errorCode, String errorMsg) implements TypedAnswer {}

    /**
     * An answer a fault on demand made that is neither a success nor a documented error: a connection
     * reset or closed with nothing written (status 0), or the success status with a JSON body cut short.
     *
     * @param kind what the fault did
     */
    record Faulted(int status, FaultKind kind) implements TypedAnswer {}
}
