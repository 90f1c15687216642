package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.RawRequest;
import java.util.Set;

/**
 * A request that must be refused, and how: the statuses and error codes the documentation allows.
 *
 * @param name what is wrong with the request, in a few words
 * @param request the request
 * @param authenticated whether the kit's credentials are added to it
 * @param statuses the acceptable statuses
 * @param codes the acceptable {@code error_code}s
 */
record RefusalCase(String name, RawRequest request, boolean authenticated, Set<Integer> statuses, Set<String> codes) {}
