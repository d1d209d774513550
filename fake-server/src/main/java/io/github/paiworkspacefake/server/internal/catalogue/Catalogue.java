package io.github.paiworkspacefake.server.internal.catalogue;

import io.github.paiworkspacefake.server.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every operation of the API, declared once as data: {@code aiworkspace-2021-02-04.json}, written from the
 * reference by {@code fake-server/catalogue/generate.py}, and the fake's own decisions in
 * {@code catalogue-overlay.json} (and the files it includes) beside it. Indexed once per JVM, on first use; an
 * operation's declaration is read, with Jackson's streaming parser, when it is first asked for, so that a start pays
 * only for what its requests use.
 */
public final class Catalogue {

    /** Where the files are, on the class path. */
    static final String BASE = "/io/github/paiworkspacefake/server/catalogue/";

    private final CatalogueReader reader;
    private final Map<Operation, OperationSpec> read = new ConcurrentHashMap<>();
    private final Map<String, FamilySpec> families;
    private final Map<String, ResourceSpec> resources;

    Catalogue(CatalogueReader reader, Map<String, FamilySpec> families, Map<String, ResourceSpec> resources) {
        this.reader = reader;
        this.families = Map.copyOf(families);
        this.resources = Map.copyOf(resources);
    }

    private static final class Holder {
        static final Catalogue INSTANCE = CatalogueReader.read();
    }

    /** The catalogue, indexed on first use. */
    public static Catalogue get() {
        return Holder.INSTANCE;
    }

    /** An operation's declaration, read on first use. */
    public OperationSpec operation(Operation operation) {
        OperationSpec spec = read.get(operation);
        if (spec == null) {
            spec = reader.build(operation);
            OperationSpec earlier = read.putIfAbsent(operation, spec);
            if (earlier != null) {
                spec = earlier;
            }
        }
        return spec;
    }

    /** Every operation, in the order of {@link Operation}. */
    public List<OperationSpec> operations() {
        return Arrays.stream(Operation.values()).map(this::operation).toList();
    }

    /** The family of this name. */
    public Optional<FamilySpec> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    /** Every family the catalogue names, by name. */
    public Map<String, FamilySpec> families() {
        return families;
    }

    /** The resource type of this name, for the resource engine. */
    public Optional<ResourceSpec> resource(String name) {
        return Optional.ofNullable(resources.get(name));
    }

    /** Every resource type, by name. */
    public Map<String, ResourceSpec> resources() {
        return resources;
    }
}
