/**
 * The kit's HTTP layer: exact requests with the JDK client, each exchange recorded with its bytes and
 * headers, and written for people by {@link io.offsetkit.conformance.http.ExchangeText}.
 */
package io.offsetkit.conformance.http;
