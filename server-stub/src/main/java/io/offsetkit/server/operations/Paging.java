package io.offsetkit.server.operations;

import java.util.List;

/**
 * The reads' paging over a sorted list: {@code offset} entries skipped, at most {@code limit} taken.
 * The request path has checked both against the contract (limit 1 to 50, offset 0 to 2^31-1, their
 * defaults applied).
 */
final class Paging {

    private Paging() {}

    /** The page; empty when {@code offset} is past the last entry. */
    static <T> List<T> page(List<T> all, int limit, int offset) {
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, (int) Math.min(all.size(), (long) offset + limit));
    }

    /** The offset of the next page, or -1 when this page is the last. */
    static int nextOffset(int total, int limit, int offset) {
        long next = (long) offset + limit;
        return next < total ? (int) next : -1;
    }

    /** The offset of the previous page (never below 0), or -1 when this page is the first. */
    static int previousOffset(int limit, int offset) {
        return offset == 0 ? -1 : Math.max(0, offset - limit);
    }
}
