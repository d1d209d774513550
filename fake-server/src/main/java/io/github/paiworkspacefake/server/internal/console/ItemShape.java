package io.github.paiworkspacefake.server.internal.console;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.catalogue.TypeSpec;
import io.github.paiworkspacefake.server.internal.pipeline.AnswerRenderer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the API writes one item of a kind, found in the catalogue: the answer of the kind's Get operation without its
 * request id ({@code GetDataset} for {@code Dataset}, or the family's GET whose path ends in the item's id), one item
 * of its listing when it has no Get operation, or, when the catalogue declares neither, the stored members as they
 * are. Nothing here names a family, so a resource type added to the catalogue is written without console code.
 *
 * @param answeredBy the operation whose answer this is, such as {@code GetDataset}, or null
 * @param declared   the members written, in the catalogue's order; null to write the stored members as they are
 * @param wrapper    the member of the answer that holds the item (GetDatasetFileMeta's {@code DatasetFileMeta}), or
 *                   null when the answer's own members are the item's
 */
record ItemShape(String answeredBy, List<FieldSpec> declared, String wrapper) {

    /** Written as stored. */
    static final ItemShape PLAIN = new ItemShape(null, null, null);

    /** The shape of an operation's whole answer, without its request id. */
    static ItemShape answerOf(Operation operation) {
        OperationSpec spec = Catalogue.get().operation(operation);
        return new ItemShape(spec.name(), withoutRequestId(spec), null);
    }

    /** The shape of one item of a listing's answer. */
    static ItemShape itemOf(Operation operation) {
        OperationSpec spec = Catalogue.get().operation(operation);
        return listItem(spec).orElse(PLAIN);
    }

    /** How the API writes an item of a resource type of the engine. */
    static ItemShape of(ResourceSpec type) {
        List<OperationSpec> operations = Catalogue.get().operations();
        Optional<OperationSpec> get = operations.stream()
                .filter(op -> op.name().equals("Get" + type.name()))
                .findFirst()
                .or(() -> operations.stream()
                        .filter(op -> op.method().equals("GET")
                                && op.list() == null
                                && op.family().equals(type.family())
                                && op.path().endsWith("{" + type.idField() + "}"))
                        .findFirst());
        if (get.isPresent()) {
            List<FieldSpec> response = withoutRequestId(get.get());
            if (!declares(response, type.idField())) {
                for (FieldSpec field : response) {
                    if (field.type().kind() == TypeSpec.Kind.OBJECT
                            && declares(field.type().fields(), type.idField())) {
                        return new ItemShape(get.get().name(), response, field.name());
                    }
                }
            }
            return new ItemShape(get.get().name(), response, null);
        }
        return operations.stream()
                .filter(op -> op.method().equals("GET")
                        && op.list() != null
                        && op.family().equals(type.family()))
                .map(ItemShape::listItem)
                .flatMap(Optional::stream)
                .filter(shape -> declares(shape.declared(), type.idField()))
                .findFirst()
                .orElse(PLAIN);
    }

    /** The names of the members it writes, in order; empty when it writes what is stored. */
    List<String> memberNames() {
        if (declared == null) {
            return List.of();
        }
        List<FieldSpec> fields = declared;
        if (wrapper != null) {
            fields = declared.stream()
                    .filter(field -> field.name().equals(wrapper))
                    .findFirst()
                    .map(field -> field.type().fields())
                    .orElse(declared);
        }
        return fields.stream().map(FieldSpec::name).toList();
    }

    /** Writes an item's members as the API does. */
    void write(JsonGenerator json, Map<String, Object> members) throws IOException {
        if (declared == null) {
            AnswerRenderer.writePlain(json, members);
            return;
        }
        Map<String, Object> answer = members;
        if (wrapper != null) {
            answer = new LinkedHashMap<>();
            for (FieldSpec field : declared) {
                if (members.containsKey(field.name())) {
                    answer.put(field.name(), members.get(field.name()));
                }
            }
            List<String> inner = memberNames();
            Map<String, Object> item = new LinkedHashMap<>();
            members.forEach((name, value) -> {
                if (inner.contains(name)) {
                    item.put(name, value); // the renderer refuses undeclared members of a nested object
                }
            });
            answer.put(wrapper, item);
        }
        AnswerRenderer.writeObject(json, declared, answer);
    }

    private static Optional<ItemShape> listItem(OperationSpec operation) {
        if (operation.list() == null) {
            return Optional.empty();
        }
        return operation.response().stream()
                .filter(field -> field.name().equals(operation.list().itemsField()))
                .map(FieldSpec::type)
                .filter(type -> type.kind() == TypeSpec.Kind.ARRAY
                        && type.items() != null
                        && type.items().kind() == TypeSpec.Kind.OBJECT
                        && !type.items().fields().isEmpty())
                .findFirst()
                .map(type -> new ItemShape(operation.name(), type.items().fields(), null));
    }

    private static List<FieldSpec> withoutRequestId(OperationSpec operation) {
        String requestId = operation.requestIdField();
        return operation.response().stream()
                .filter(field -> !field.name().equals(requestId))
                .toList();
    }

    private static boolean declares(List<FieldSpec> fields, String name) {
        return fields.stream().anyMatch(field -> field.name().equals(name));
    }
}
