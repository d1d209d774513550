package io.github.paiworkspacefake.server.internal.catalogue;

import io.github.paiworkspacefake.server.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the catalogue and its overlay, applies the overlay's decisions and checks that the catalogue and
 * {@link Operation} name the same operations with the same families, methods and routes.
 */
final class CatalogueReader {

    private static final String CATALOGUE = "aiworkspace-2021-02-04.json";
    private static final String OVERLAY = "catalogue-overlay.json";

    private final CatalogueIndex index;
    private final Map<String, Object> patches;
    private final Map<String, List<FieldSpec>> modelFields = new HashMap<>();

    private CatalogueReader(CatalogueIndex index, Map<String, Object> patches) {
        this.index = index;
        this.patches = patches;
    }

    /**
     * The catalogue, indexed but not yet parsed: its families and resource types are read now (they are small), each
     * operation's declaration when it is first asked for.
     */
    static Catalogue read() {
        CatalogueIndex index = CatalogueIndex.of(bytes(CATALOGUE));
        Map<String, Object> overlay =
                object(JsonValues.read(new java.io.ByteArrayInputStream(bytes(OVERLAY))), OVERLAY);
        for (Object included : list(overlay.get("include"))) {
            String name = (String) included;
            merge(overlay, object(JsonValues.read(new java.io.ByteArrayInputStream(bytes(name))), name), name);
        }
        Map<String, Object> patches = object(overlay.getOrDefault("operations", Map.of()), "overlay operations");
        for (Operation operation : Operation.values()) {
            boolean added = patches.get(operation.name()) instanceof Map<?, ?> patch && patch.containsKey("add");
            if (!added && !index.operations().containsKey(operation.name())) {
                throw new IllegalStateException("Operation." + operation + " is not in the catalogue");
            }
        }
        for (String name : index.operations().keySet()) {
            try {
                Operation.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "the catalogue declares " + name + ", which Operation lacks (run generate.py)", e);
            }
        }
        for (String name : patches.keySet()) {
            if (!index.operations().containsKey(name)
                    && !object(patches.get(name), name).containsKey("add")) {
                throw new IllegalStateException("the overlay patches " + name + ", which the catalogue lacks");
            }
        }
        Map<String, Object> familyDecisions = object(overlay.getOrDefault("families", Map.of()), "families");
        Map<String, FamilySpec> families = new LinkedHashMap<>();
        for (Operation operation : Operation.values()) {
            families.computeIfAbsent(operation.family(), name -> family(name, familyDecisions.get(name)));
        }
        familyDecisions.keySet().forEach(name -> {
            if (!families.containsKey(name)) {
                throw new IllegalStateException("the overlay decides on family " + name + ", which has no operation");
            }
        });
        Map<String, ResourceSpec> resources = new LinkedHashMap<>();
        object(overlay.getOrDefault("resources", Map.of()), "resources")
                .forEach((name, raw) -> resources.put(name, resource(name, object(raw, name), families)));
        return new Catalogue(new CatalogueReader(index, patches), families, resources);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = Catalogue.class.getResourceAsStream(Catalogue.BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the operation catalogue " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds an included overlay's families, resources and operations to the main overlay's: each family's decisions
     * may live in a file of their own, and no two files may decide on the same thing.
     */
    private static void merge(Map<String, Object> overlay, Map<String, Object> included, String name) {
        for (String section : List.of("families", "resources", "operations")) {
            Map<String, Object> into = new LinkedHashMap<>(object(overlay.getOrDefault(section, Map.of()), section));
            object(included.getOrDefault(section, Map.of()), name + " " + section)
                    .forEach((key, value) -> {
                        if (into.putIfAbsent(key, value) != null) {
                            throw new IllegalStateException(name + " decides on " + section + " " + key
                                    + ", which another overlay file already does");
                        }
                    });
            overlay.put(section, into);
        }
    }

    /** An operation's declaration: its catalogue entry (or the overlay's {@code add}) with the overlay's patches. */
    synchronized OperationSpec build(Operation operation) {
        String name = operation.name();
        Map<String, Object> changes = patches.containsKey(name) ? object(patches.get(name), name) : Map.of();
        Map<String, Object> raw;
        if (changes.containsKey("add")) {
            raw = new LinkedHashMap<>(object(changes.get("add"), name));
        } else {
            CatalogueIndex.Slice slice = index.operations().get(name);
            raw = object(JsonValues.read(index.bytes(), slice.start(), slice.end() - slice.start()), name);
        }
        List<String> reasons = new ArrayList<>();
        if (changes.get("why") != null) {
            reasons.add(text(changes, "why"));
        }
        if (!changes.containsKey("add")) {
            changes.forEach((key, value) -> {
                if (key.equals("parameters")) {
                    patchParameters(name, raw, object(value, name + ".parameters"), reasons);
                } else if (!key.equals("why")) {
                    raw.put(key, value);
                }
            });
        }
        return operation(raw, reasons);
    }

    private static void patchParameters(
            String operationName, Map<String, Object> operation, Map<String, Object> patches, List<String> reasons) {
        List<Object> parameters = new ArrayList<>(list(operation.get("parameters")));
        patches.forEach((parameterName, rawPatch) -> {
            Map<String, Object> patch = object(rawPatch, operationName + "." + parameterName);
            if (patch.get("why") != null) {
                reasons.add(parameterName + ": " + text(patch, "why"));
            }
            Optional<Map<String, Object>> existing = parameters.stream()
                    .map(p -> object(p, "parameter"))
                    .filter(p -> parameterName.equals(p.get("name")))
                    .findFirst();
            if (Boolean.TRUE.equals(patch.get("remove"))) {
                parameters.removeIf(
                        p -> parameterName.equals(object(p, "parameter").get("name")));
                return;
            }
            Map<String, Object> parameter = existing.orElseGet(() -> {
                if (!patch.containsKey("in")) {
                    throw new IllegalStateException("the overlay patches parameter " + parameterName + " of "
                            + operationName + ", which the catalogue lacks (give \"in\" to add it)");
                }
                Map<String, Object> added = new LinkedHashMap<>();
                added.put("name", parameterName);
                parameters.add(added);
                return added;
            });
            patch.forEach((key, value) -> {
                if (key.equals("why")) {
                    return;
                }
                if (value == null) {
                    parameter.remove(key);
                } else {
                    parameter.put(key, value);
                }
            });
        });
        operation.put("parameters", parameters);
    }

    private OperationSpec operation(Map<String, Object> raw, List<String> why) {
        String name = text(raw, "name");
        Operation operation;
        try {
            operation = Operation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the catalogue declares " + name + ", which Operation lacks (run generate.py)", e);
        }
        String family = text(raw, "family");
        String method = text(raw, "method");
        String path = text(raw, "path");
        if (!operation.family().equals(family)
                || !operation.method().equals(method)
                || !operation.route().equals(path)) {
            throw new IllegalStateException("Operation." + name + " says " + operation.family() + " "
                    + operation.method() + " " + operation.route() + " but the catalogue says " + family + " "
                    + method + " " + path + " (run generate.py)");
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        for (Object item : list(raw.get("parameters"))) {
            parameters.add(parameter(object(item, name + " parameter")));
        }
        return new OperationSpec(
                operation,
                family,
                method,
                path,
                Objects.toString(raw.get("summary"), ""),
                parameters,
                fields(list(raw.get("response"))),
                listSpec(raw),
                why);
    }

    /** A list operation's paging (from the reference) and sorting and filters (from the overlay's {@code list}). */
    private static ListSpec listSpec(Map<String, Object> raw) {
        if (raw.get("items") == null) {
            return null;
        }
        Map<String, Object> decisions = raw.get("list") == null ? Map.of() : object(raw.get("list"), "list");
        List<String> styles = new ArrayList<>();
        for (Object style : list(raw.getOrDefault("paging", List.of()))) {
            styles.add((String) style);
        }
        Map<String, String> sortFields = new LinkedHashMap<>();
        object(decisions.getOrDefault("sortFields", Map.of()), "sortFields")
                .forEach((value, field) -> sortFields.put(value, (String) field));
        List<ListSpec.FilterSpec> filters = new ArrayList<>();
        for (Object item : list(decisions.get("filters"))) {
            Map<String, Object> filter = object(item, "filter");
            String parameter = text(filter, "parameter");
            filters.add(new ListSpec.FilterSpec(
                    parameter,
                    Objects.toString(filter.get("field"), parameter),
                    ListSpec.Match.valueOf(text(filter, "match"))));
        }
        Integer defaultPageSize = integer(decisions.getOrDefault("defaultPageSize", raw.get("defaultPageSize")));
        Integer defaultMaxResults = integer(decisions.getOrDefault("defaultMaxResults", raw.get("defaultMaxResults")));
        Integer maxPageSize = integer(decisions.get("maxPageSize"));
        return new ListSpec(
                styles,
                text(raw, "items"),
                defaultPageSize == null ? 20 : defaultPageSize,
                maxPageSize == null ? 100 : maxPageSize,
                defaultMaxResults == null ? 10 : defaultMaxResults,
                sortFields,
                (String) decisions.get("defaultSortBy"),
                "DESC".equals(decisions.get("defaultOrder")),
                filters);
    }

    private ParameterSpec parameter(Map<String, Object> raw) {
        ParameterSpec.Location location = switch (text(raw, "in")) {
            case "path" -> ParameterSpec.Location.PATH;
            case "query" -> ParameterSpec.Location.QUERY;
            case "body" -> ParameterSpec.Location.BODY;
            default -> throw new IllegalStateException("unknown location " + raw.get("in"));
        };
        ParameterSpec.Encoding encoding = switch (Objects.toString(raw.get("encoding"), "")) {
            case "" -> ParameterSpec.Encoding.NONE;
            case "commaSeparated" -> ParameterSpec.Encoding.COMMA_SEPARATED;
            case "simple" -> ParameterSpec.Encoding.SIMPLE;
            case "json" -> ParameterSpec.Encoding.JSON;
            default -> throw new IllegalStateException("unknown encoding " + raw.get("encoding"));
        };
        return new ParameterSpec(
                text(raw, "name"),
                location,
                type(raw),
                constraints(raw, location == ParameterSpec.Location.PATH),
                encoding,
                (String) raw.get("example"),
                Boolean.TRUE.equals(raw.get("sensitive")));
    }

    private TypeSpec type(Map<String, Object> raw) {
        String kind = text(raw, "type");
        return switch (kind) {
            case "string" -> new TypeSpec(TypeSpec.Kind.STRING, null, null, List.of(), null);
            case "integer" ->
                new TypeSpec(
                        TypeSpec.Kind.INTEGER, Objects.toString(raw.get("format"), "int64"), null, List.of(), null);
            case "number" -> new TypeSpec(TypeSpec.Kind.NUMBER, (String) raw.get("format"), null, List.of(), null);
            case "boolean" -> new TypeSpec(TypeSpec.Kind.BOOLEAN, null, null, List.of(), null);
            case "any" -> TypeSpec.ANY;
            case "array" ->
                new TypeSpec(TypeSpec.Kind.ARRAY, null, type(object(raw.get("items"), "items")), List.of(), null);
            case "map" ->
                new TypeSpec(
                        TypeSpec.Kind.MAP,
                        null,
                        null,
                        List.of(),
                        raw.containsKey("values") ? type(object(raw.get("values"), "values")) : TypeSpec.ANY);
            case "object" ->
                new TypeSpec(
                        TypeSpec.Kind.OBJECT,
                        null,
                        null,
                        raw.containsKey("ref")
                                ? model(text(raw, "ref"))
                                : fields(list(raw.getOrDefault("fields", List.of()))),
                        null);
            default -> throw new IllegalStateException("unknown type " + kind);
        };
    }

    /** A shared model's fields, built once however often answers refer to it. */
    private List<FieldSpec> model(String name) {
        List<FieldSpec> known = modelFields.get(name);
        if (known != null) {
            return known;
        }
        CatalogueIndex.Slice slice = index.models().get(name);
        if (slice == null) {
            throw new IllegalStateException("the catalogue refers to model " + name + ", which it lacks");
        }
        Object model = JsonValues.read(index.bytes(), slice.start(), slice.end() - slice.start());
        List<FieldSpec> fields = fields(list(object(model, name).get("fields")));
        modelFields.put(name, fields);
        return fields;
    }

    private List<FieldSpec> fields(List<Object> raw) {
        List<FieldSpec> fields = new ArrayList<>(raw.size());
        for (Object item : raw) {
            Map<String, Object> field = object(item, "field");
            fields.add(new FieldSpec(text(field, "name"), type(field), constraints(field, false)));
        }
        return List.copyOf(fields);
    }

    private static Constraints constraints(Map<String, Object> raw, boolean alwaysRequired) {
        List<String> enumValues = new ArrayList<>();
        for (Object value : list(raw.getOrDefault("enum", List.of()))) {
            enumValues.add((String) value);
        }
        Object pattern = raw.get("pattern");
        return new Constraints(
                alwaysRequired || Boolean.TRUE.equals(raw.get("required")),
                List.copyOf(enumValues),
                integer(raw.get("minLength")),
                integer(raw.get("maxLength")),
                pattern == null ? null : Pattern.compile((String) pattern),
                (String) raw.get("patternText"),
                raw.get("minimum") == null ? null : ((Number) raw.get("minimum")).longValue(),
                raw.get("maximum") == null ? null : ((Number) raw.get("maximum")).longValue());
    }

    private static FamilySpec family(String name, Object decision) {
        if (decision == null) {
            return new FamilySpec(name, Optional.empty());
        }
        Object notFound = object(decision, name).get("notFound");
        return new FamilySpec(
                name, notFound == null ? Optional.empty() : Optional.of(error(object(notFound, name + ".notFound"))));
    }

    private static ResourceSpec resource(String name, Map<String, Object> raw, Map<String, FamilySpec> families) {
        String family = text(raw, "family");
        FamilySpec familySpec = families.get(family);
        if (familySpec == null) {
            throw new IllegalStateException(
                    "resource " + name + " names family " + family + ", which has no operation");
        }
        ErrorSpec notFound = raw.get("notFound") != null
                ? error(object(raw.get("notFound"), name + ".notFound"))
                : familySpec
                        .notFound()
                        .orElseThrow(() -> new IllegalStateException(
                                "resource " + name + " needs a notFound, or its family " + family + " one"));
        return new ResourceSpec(
                name,
                family,
                text(raw, "idField"),
                (String) raw.get("idPrefix"),
                (String) raw.get("parent"),
                (String) raw.get("workspaceField"),
                (String) raw.get("createdField"),
                (String) raw.get("modifiedField"),
                notFound,
                list(raw.get("unique")).stream().map(String.class::cast).toList(),
                raw.get("conflict") == null ? null : error(object(raw.get("conflict"), name + ".conflict")));
    }

    private static ErrorSpec error(Map<String, Object> raw) {
        return new ErrorSpec(text(raw, "code"), integer(raw.get("status")), text(raw, "message"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException("catalogue: " + what + " is not an object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new IllegalStateException("catalogue: expected an array, got " + value);
        }
        return (List<Object>) value;
    }

    private static String text(Map<String, Object> raw, String key) {
        if (raw.get(key) instanceof String value) {
            return value;
        }
        throw new IllegalStateException("catalogue: " + key + " missing or not a string in " + raw.get("name"));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
