package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.TypeSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.datasets.DatasetFileMetaService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers of the dataset families from what they store: a stored resource holds more members than each answer
 * declares (a dataset's Provider is in GetDataset, not in ListDatasets' items; a version's DatasetId is in
 * GetDatasetVersion, not in LatestVersion), so each answer takes the members its catalogue entry declares, nested
 * objects and arrays of objects alike.
 */
final class DatasetAnswers {

    private DatasetAnswers() {}

    /** The answer of {@code operation}: the members of {@code view} that its response declares. */
    static Answer of(OperationSpec operation, Map<String, Object> view) {
        return Answer.of(pick(view, operation.response()));
    }

    /** The declared fields of the objects in array member {@code member} of the operation's answer. */
    static List<FieldSpec> items(OperationSpec operation, String member) {
        return field(operation, member).type().items().fields();
    }

    /** The declared fields of object member {@code member} of the operation's answer. */
    static List<FieldSpec> object(OperationSpec operation, String member) {
        return field(operation, member).type().fields();
    }

    /** The members of {@code values} that {@code fields} declare, in the order of {@code values}, nested alike. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> pick(Map<String, Object> values, List<FieldSpec> fields) {
        Map<String, Object> picked = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            FieldSpec field = declared(fields, name);
            if (field == null || value == null) {
                return;
            }
            TypeSpec type = field.type();
            if (type.kind() == TypeSpec.Kind.OBJECT && !type.fields().isEmpty() && value instanceof Map<?, ?> map) {
                picked.put(name, pick((Map<String, Object>) map, type.fields()));
            } else if (type.kind() == TypeSpec.Kind.ARRAY
                    && type.items().kind() == TypeSpec.Kind.OBJECT
                    && !type.items().fields().isEmpty()
                    && value instanceof List<?> list) {
                List<Object> items = new ArrayList<>(list.size());
                for (Object item : list) {
                    items.add(
                            item instanceof Map<?, ?> map
                                    ? pick(
                                            (Map<String, Object>) map,
                                            type.items().fields())
                                    : item);
                }
                picked.put(name, items);
            } else {
                picked.put(name, value);
            }
        });
        return picked;
    }

    /**
     * A resource's members for filters and sorting, its time members as instants (a seed may give them as text) so
     * that they sort by time.
     */
    static Map<String, Object> sortable(Map<String, Object> fields, String... timeMembers) {
        Map<String, Object> sortable = new LinkedHashMap<>(fields);
        for (String member : timeMembers) {
            sortable.put(member, DatasetFileMetaService.instant(fields.get(member)));
        }
        return sortable;
    }

    /**
     * Refuses a {@code SortBy} the list operation does not sort by (its catalogue entry's sort fields), rather than
     * answering in an order the caller did not ask for.
     */
    static void requireSortable(Call call) {
        Optional<String> sortBy = call.string("SortBy").filter(value -> !value.isEmpty());
        Set<String> fields = call.operation().list().sortFields().keySet();
        if (sortBy.isPresent() && !fields.contains(sortBy.get())) {
            throw ApiException.invalid(
                    "SortBy",
                    "it must be one of " + String.join(", ", new TreeSet<>(fields)) + " (case-sensitive), got \""
                            + sortBy.get() + "\".");
        }
    }

    /** A resource's members with its id under {@code idField}. */
    static Map<String, Object> withId(Resource resource, String idField) {
        Map<String, Object> fields = new LinkedHashMap<>(resource.fields());
        fields.put(idField, resource.id());
        return fields;
    }

    private static FieldSpec field(OperationSpec operation, String member) {
        FieldSpec field = declared(operation.response(), member);
        if (field == null) {
            throw new IllegalStateException(operation.name() + " declares no answer member " + member);
        }
        return field;
    }

    private static FieldSpec declared(List<FieldSpec> fields, String name) {
        for (FieldSpec field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
