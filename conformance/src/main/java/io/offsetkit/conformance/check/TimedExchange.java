package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;

/**
 * A reset to one time and what came back.
 *
 * @param timestamp the time asked for, -1 for latest
 * @param exchange the request and response
 */
public record TimedExchange(long timestamp, Exchange exchange) {}
