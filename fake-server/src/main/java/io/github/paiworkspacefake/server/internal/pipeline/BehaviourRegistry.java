package io.github.paiworkspacefake.server.internal.pipeline;

import io.github.paiworkspacefake.server.Operation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which operations have behaviour, and which: built once from the families. An operation none binds is answered
 * {@code 501 NotImplemented}.
 */
public final class BehaviourRegistry {

    private final Map<Operation, Binding> bindings = new EnumMap<>(Operation.class);

    public BehaviourRegistry(List<OperationFamily> families) {
        for (OperationFamily family : families) {
            family.bind(new Binder(family, bindings));
        }
    }

    /** The binding of an operation, if it is served. */
    public Optional<Binding> binding(Operation operation) {
        return Optional.ofNullable(bindings.get(operation));
    }

    /** Whether the operation has behaviour. */
    public boolean serves(Operation operation) {
        return bindings.containsKey(operation);
    }
}
