package io.github.paiworkspacefake.server.internal.catalogue;

import io.github.paiworkspacefake.server.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation of the API, declared once as data: {@code aiworkspace-2021-02-04.json}, written from the
 * reference by {@code fake-server/catalogue/generate.py}, and the fake's own decisions in
 * {@code catalogue-overlay.json} beside it. Read once per JVM, on first use, with Jackson's streaming parser.
 */
public final class Catalogue {

    /** Where the two files are, on the class path. */
    static final String BASE = "/io/github/paiworkspacefake/server/catalogue/";

    private final Map<Operation, OperationSpec> byOperation;
    private final Map<String, FamilySpec> families;
    private final Map<String, ResourceSpec> resources;

    Catalogue(
            Map<Operation, OperationSpec> byOperation,
            Map<String, FamilySpec> families,
            Map<String, ResourceSpec> resources) {
        this.byOperation = byOperation;
        this.families = Map.copyOf(families);
        this.resources = Map.copyOf(resources);
    }

    private static final class Holder {
        static final Catalogue INSTANCE = CatalogueReader.read();
    }

    /** The catalogue, read on first use. */
    public static Catalogue get() {
        return Holder.INSTANCE;
    }

    /** An operation's declaration. */
    public OperationSpec operation(Operation operation) {
        return byOperation.get(operation);
    }

    /** Every operation, in the order of {@link Operation}. */
    public List<OperationSpec> operations() {
        return List.copyOf(byOperation.values());
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
