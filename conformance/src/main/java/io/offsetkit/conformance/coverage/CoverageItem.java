package io.offsetkit.conformance.coverage;

/**
 * One thing the contract or the official clients define that a run can exercise: a route, an
 * engine, a status, an error code, a timestamp form, an authentication scheme, a wire form.
 *
 * @param dimension what kind of thing ({@code "Status codes"})
 * @param name the thing ({@code "401"})
 * @param exercised whether some request of the run exercised it
 * @param detail when exercised, how often ({@code "4 requests, 0 answered 2xx"}); when not, why not:
 *     the rules that would have and why they did not (skipped, with the reason; or checked, the target
 *     answering otherwise), or why no rule can
 */
public record CoverageItem(String dimension, String name, boolean exercised, String detail) {}
