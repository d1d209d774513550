package io.github.paiworkspacefake.server.internal.pipeline;

import io.github.paiworkspacefake.server.internal.catalogue.ListSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A list operation's answer, as its {@link ListSpec} declares: the filters of the query parameters given, the sort
 * ({@code SortBy}, {@code Order}, or {@code OrderBy}'s terms), and one page in the style the request asks for: {@code PageNumber}/{@code
 * PageSize}, or {@code MaxResults} with {@code NextToken} or {@code PageToken} (the offset as a string, from 0). The
 * answer holds the items, and those of {@code TotalCount} (of all matches) and the paging members that the operation's
 * answer declares ({@code NextToken}, {@code NextPageToken}, {@code MaxResults}, {@code PageNumber}, {@code PageSize});
 * the items member is an empty array, never absent, past the end, and {@code NextPageToken} is {@code 0} on the last
 * page, as the reference says of it.
 */
public final class ListQuery {

    private ListQuery() {}

    /**
     * The answer for {@code candidates} (in creation order), each read for filters and sorting through
     * {@code fieldsOf} and written through {@code item}.
     */
    public static <T> Answer answer(
            Call call,
            List<T> candidates,
            Function<T, Map<String, Object>> fieldsOf,
            Function<T, Map<String, Object>> item) {
        ListSpec spec = call.operation().list();
        if (spec == null) {
            throw new IllegalStateException(call.operation().name() + " is not a list operation");
        }
        List<T> matches = new ArrayList<>();
        Predicate<Map<String, Object>> filter = filter(call, spec);
        for (T candidate : candidates) {
            if (filter.test(fieldsOf.apply(candidate))) {
                matches.add(candidate);
            }
        }
        sort(call, spec, matches, fieldsOf);
        Answer paging = Answer.empty().put("TotalCount", matches.size());
        List<T> page = page(call, spec, matches, paging);
        Answer answer = Answer.empty();
        // only the count and paging members the operation's answer declares
        call.operation()
                .response()
                .forEach(field -> answer.put(field.name(), paging.members().get(field.name())));
        answer.put(spec.itemsField(), page.stream().map(item).toList());
        return answer;
    }

    private static Predicate<Map<String, Object>> filter(Call call, ListSpec spec) {
        Predicate<Map<String, Object>> all = fields -> true;
        for (ListSpec.FilterSpec filter : spec.filters()) {
            Optional<String> given = call.string(filter.parameter());
            if (given.isPresent() && !given.get().isEmpty()) {
                String value = given.get();
                all = all.and(fields -> matches(filter.match(), fields.get(filter.field()), value));
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(ListSpec.Match match, Object member, String value) {
        return switch (match) {
            case EQUALS -> member != null && member.toString().equals(value);
            case CONTAINS -> member != null && contains(member.toString(), value);
            case QUOTED_EXACT_OR_CONTAINS -> {
                if (member == null) {
                    yield false;
                }
                boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
                yield quoted
                        ? member.toString().equals(value.substring(1, value.length() - 1))
                        : contains(member.toString(), value);
            }
            case ANY_OF ->
                member != null
                        && List.of(value.split(",", -1)).stream()
                                .map(String::trim)
                                .anyMatch(member.toString()::equals);
            case LABEL_CONTAINS ->
                member instanceof List<?> labels
                        && ((List<Map<String, Object>>) labels)
                                .stream()
                                        .anyMatch(label -> contains(String.valueOf(label.get("Key")), value)
                                                || contains(String.valueOf(label.get("Value")), value));
            case LABELS_ALL -> member instanceof List<?> labels && hasAll((List<Map<String, Object>>) labels, value);
        };
    }

    /**
     * Whether every {@code key=value} (or {@code key:value}) of a comma-separated list is among the labels; a value
     * {@code *}, or a key alone, matches any value of the key. The {@link ListSpec.Match#LABELS_ALL} filter, also for
     * behaviour that filters labels outside a listing (ListImageLabels' {@code LabelFilter}).
     */
    public static boolean hasAll(List<Map<String, Object>> labels, String wanted) {
        for (String pair : wanted.split(",", -1)) {
            String condition = pair.trim();
            if (condition.isEmpty()) {
                continue;
            }
            int separator = condition.indexOf('=') >= 0 ? condition.indexOf('=') : condition.indexOf(':');
            String key = separator < 0
                    ? condition
                    : condition.substring(0, separator).trim();
            String value =
                    separator < 0 ? "*" : condition.substring(separator + 1).trim();
            boolean found = labels.stream()
                    .anyMatch(label -> key.equals(label.get("Key"))
                            && (value.equals("*") || value.equals(String.valueOf(label.get("Value")))));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static <T> void sort(Call call, ListSpec spec, List<T> matches, Function<T, Map<String, Object>> fieldsOf) {
        Optional<String> orderBy = call.string("OrderBy").filter(value -> !value.isBlank());
        if (orderBy.isPresent()) {
            sortByTerms(orderBy.get(), spec, matches, fieldsOf);
            return;
        }
        String field = call.string("SortBy")
                .filter(value -> !value.isEmpty())
                .map(value -> spec.sortFields().getOrDefault(value, value))
                .orElse(spec.defaultSortBy());
        boolean descending = call.string("Order")
                .filter(value -> !value.isEmpty())
                .map(value -> value.equalsIgnoreCase("DESC"))
                .orElse(spec.defaultDescending());
        if (field == null) {
            if (descending) {
                java.util.Collections.reverse(matches);
            }
            return;
        }
        record Keyed<T>(T item, Object key, int position) {}
        List<Keyed<T>> keyed = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            keyed.add(new Keyed<>(matches.get(i), fieldsOf.apply(matches.get(i)).get(field), i));
        }
        Comparator<Keyed<T>> stable = Comparator.<Keyed<T>, Object>comparing(Keyed::key, ListQuery::compare)
                .thenComparingInt(Keyed::position);
        keyed.sort(descending ? stable.reversed() : stable);
        matches.clear();
        keyed.forEach(each -> matches.add(each.item()));
    }

    /**
     * {@code OrderBy}: comma-separated terms {@code Field [ASC|DESC]} (ascending unless said), each field one of the
     * operation's sort fields; it takes the place of {@code SortBy} and {@code Order}. Ties keep creation order.
     */
    private static <T> void sortByTerms(
            String orderBy, ListSpec spec, List<T> matches, Function<T, Map<String, Object>> fieldsOf) {
        record Term(String field, boolean descending) {}
        List<Term> terms = new ArrayList<>();
        for (String text : orderBy.split(",", -1)) {
            List<String> words = List.of(text.trim().split("\\s+", -1));
            String direction = words.size() > 1 ? words.get(1) : "ASC";
            if (words.size() > 2
                    || !spec.sortFields().containsKey(words.get(0))
                    || !(direction.equals("ASC") || direction.equals("DESC"))) {
                throw ApiException.invalid(
                        "OrderBy",
                        "each term must be a field of "
                                + new TreeSet<>(spec.sortFields().keySet())
                                + " followed by ASC or DESC, got \"" + text.trim() + "\".");
            }
            terms.add(new Term(spec.sortFields().get(words.get(0)), direction.equals("DESC")));
        }
        record Keyed<T>(T item, Map<String, Object> fields, int position) {}
        List<Keyed<T>> keyed = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            keyed.add(new Keyed<>(matches.get(i), fieldsOf.apply(matches.get(i)), i));
        }
        Comparator<Keyed<T>> order = null;
        for (Term term : terms) {
            Comparator<Keyed<T>> byField =
                    Comparator.comparing(each -> each.fields().get(term.field()), ListQuery::compare);
            byField = term.descending() ? byField.reversed() : byField;
            order = order == null ? byField : order.thenComparing(byField);
        }
        keyed.sort(order.thenComparingInt(Keyed::position));
        matches.clear();
        keyed.forEach(each -> matches.add(each.item()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
            return comparable.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    private static <T> List<T> page(Call call, ListSpec spec, List<T> matches, Answer answer) {
        boolean tokenAsked = call.has("NextToken") || call.has("PageToken") || call.has("MaxResults");
        boolean pageAsked = call.has("PageNumber") || call.has("PageSize");
        boolean tokens = spec.pages("nextToken") || spec.pages("pageToken");
        if (tokens && ((tokenAsked && !pageAsked) || !spec.pages("pageNumber"))) {
            int maxResults = (int) bounded(call, "MaxResults", spec.defaultMaxResults(), spec.maxPageSize());
            String tokenName = call.has("PageToken") ? "PageToken" : "NextToken";
            int from = call.value(tokenName)
                    .map(Object::toString)
                    .filter(token -> !token.isEmpty())
                    .map(token -> offset(tokenName, token))
                    .orElse(0);
            int to = Math.min(matches.size(), from + maxResults);
            answer.put("MaxResults", maxResults);
            if (to < matches.size()) {
                answer.put("NextToken", String.valueOf(to)).put("NextPageToken", String.valueOf(to));
            } else if (spec.pages("pageToken")) {
                answer.put(
                        "NextPageToken", "0"); // the reference: a returned token of 0 means all results were returned
            }
            return from >= matches.size() ? List.of() : List.copyOf(matches.subList(from, to));
        }
        if (!spec.pages("pageNumber")) {
            return matches;
        }
        long pageNumber = bounded(call, "PageNumber", 1, Long.MAX_VALUE);
        int pageSize = (int) bounded(call, "PageSize", spec.defaultPageSize(), spec.maxPageSize());
        answer.put("PageNumber", pageNumber).put("PageSize", pageSize);
        long from = (pageNumber - 1) > Integer.MAX_VALUE / pageSize ? Long.MAX_VALUE : (pageNumber - 1) * pageSize;
        if (from >= matches.size()) {
            return List.of();
        }
        return List.copyOf(matches.subList((int) from, (int) Math.min(matches.size(), from + pageSize)));
    }

    private static long bounded(Call call, String name, long fallback, long max) {
        long value = call.number(name, fallback);
        if (value < 1 || value > max) {
            throw ApiException.invalid(name, "it must be a whole number from 1 to " + max + ", got \"" + value + "\".");
        }
        return value;
    }

    private static int offset(String name, String token) {
        try {
            int offset = Integer.parseInt(token.trim());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(name, "it is not a token this fake gave, got \"" + token + "\".");
    }
}
