package io.github.paiworkspacefake.server.internal.pipeline;

import io.github.paiworkspacefake.server.Operation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which operations have behaviour, and which. Each family's class is made and binds its operations when one of them
 * is first asked for, so that a fake's first answer waits only for its own family. An operation none binds is
 * answered {@code 501 NotImplemented}.
 */
public final class BehaviourRegistry {

    private final Map<String, Supplier<OperationFamily>> families;
    private final Map<String, Map<Operation, Binding>> bound = new ConcurrentHashMap<>();

    /** A registry of these families, by the name each serves (as the catalogue spells it), each made on first use. */
    public BehaviourRegistry(Map<String, Supplier<OperationFamily>> families) {
        this.families = Map.copyOf(families);
    }

    /** The binding of an operation, if it is served. */
    public Optional<Binding> binding(Operation operation) {
        Map<Operation, Binding> bindings = bound.computeIfAbsent(operation.family(), this::bind);
        return Optional.ofNullable(bindings.get(operation));
    }

    /** Whether the operation has behaviour. */
    public boolean serves(Operation operation) {
        return binding(operation).isPresent();
    }

    private Map<Operation, Binding> bind(String familyName) {
        Map<Operation, Binding> bindings = new EnumMap<>(Operation.class);
        Supplier<OperationFamily> supplier = families.get(familyName);
        if (supplier != null) {
            OperationFamily family = supplier.get();
            if (!family.family().equals(familyName)) {
                throw new IllegalStateException(family.getClass().getSimpleName() + " serves family " + family.family()
                        + " but is registered for " + familyName);
            }
            family.bind(new Binder(family, bindings));
        }
        return bindings;
    }
}
