package io.offsetkit.server.engine;

import io.offsetkit.server.call.Answer;

/**
 * One answer of a call of the contract's operations, twice from the same values: the bytes the HTTP
 * adapter writes, and the typed answer the {@link OperationObserver} is told of.
 */
record Answered(Answer answer, TypedAnswer typed) {

    /** The same answer with one more header. */
    Answered withHeader(String name, String value) {
        return new Answered(answer.withHeader(name, value), typed);
    }
}
