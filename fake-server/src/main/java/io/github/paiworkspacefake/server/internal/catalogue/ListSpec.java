package io.github.paiworkspacefake.server.internal.catalogue;

import java.util.List;
import java.util.Map;

/**
 * How a list operation pages, sorts and filters, as the catalogue declares it (paging styles and defaults from the
 * reference, the rest from the overlay's {@code list} entry).
 *
 * @param styles            {@code pageNumber} ({@code PageNumber}/{@code PageSize}), {@code nextToken}
 *                          ({@code MaxResults}/{@code NextToken}), {@code pageToken} ({@code MaxResults}/{@code
 *                          PageToken})
 * @param itemsField        the answer's one array member
 * @param defaultPageSize   {@code PageSize} when not given
 * @param maxPageSize       the largest {@code PageSize} or {@code MaxResults} taken
 * @param defaultMaxResults {@code MaxResults} when not given
 * @param sortFields        each {@code SortBy} value and the member it sorts by
 * @param defaultSortBy     the member sorted by when {@code SortBy} is not given; null keeps creation order
 * @param defaultDescending whether the order is descending when {@code Order} is not given
 * @param filters           the query parameters that filter, each with its member and how it matches
 */
public record ListSpec(
        List<String> styles,
        String itemsField,
        int defaultPageSize,
        int maxPageSize,
        int defaultMaxResults,
        Map<String, String> sortFields,
        String defaultSortBy,
        boolean defaultDescending,
        List<FilterSpec> filters) {

    public ListSpec {
        styles = List.copyOf(styles);
        sortFields = Map.copyOf(sortFields);
        filters = List.copyOf(filters);
    }

    /** Whether the operation pages with this style. */
    public boolean pages(String style) {
        return styles.contains(style);
    }

    /**
     * A query parameter that filters a listing.
     *
     * @param parameter the query parameter
     * @param field     the member it is matched against
     * @param match     how
     */
    public record FilterSpec(String parameter, String field, Match match) {}

    /** How a filter's value matches a member. */
    public enum Match {
        /** The member equals the value. */
        EQUALS,
        /** The member contains the value, in any case. */
        CONTAINS,
        /** The value in double quotes equals the member; otherwise the member contains it, in any case. */
        QUOTED_EXACT_OR_CONTAINS,
        /** The member equals one of the comma-separated values. */
        ANY_OF,
        /** A label's key or value contains the value, in any case (the member holds {@code [{Key, Value}]}). */
        LABEL_CONTAINS,
        /**
         * Every comma-separated {@code key=value} (or {@code key:value}) is among the labels; a value {@code *} matches
         * any value of the key.
         */
        LABELS_ALL
    }
}
