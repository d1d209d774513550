package io.github.paiworkspacefake.server.internal.pipeline;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects what one {@link OperationFamily} serves, checking each operation against the catalogue. */
public final class Binder {

    private final OperationFamily family;
    private final Map<Operation, Binding> bindings;

    Binder(OperationFamily family, Map<Operation, Binding> bindings) {
        this.family = family;
        this.bindings = bindings;
    }

    /** Serves {@code operation} with {@code behaviour}; every parameter the catalogue declares is honoured. */
    public Served serve(Operation operation, Behaviour behaviour) {
        if (!operation.family().equals(family.family())) {
            throw new IllegalStateException(family.getClass().getSimpleName() + " serves family " + family.family()
                    + " but binds " + operation + " of family " + operation.family());
        }
        if (bindings.containsKey(operation)) {
            throw new IllegalStateException(operation + " is bound twice");
        }
        Served served = new Served(operation, behaviour);
        bindings.put(operation, served.binding());
        return served;
    }

    /** An operation just bound, to name the parameters it does not honour. */
    public final class Served {
        private final Operation operation;
        private final Behaviour behaviour;
        private final Map<String, String> unhonoured = new LinkedHashMap<>();

        private Served(Operation operation, Behaviour behaviour) {
            this.operation = operation;
            this.behaviour = behaviour;
        }

        /**
         * Declares a parameter of the catalogue that this behaviour does not honour: a request giving it is refused
         * with {@code 400 UnsupportedParameter} naming {@code reason}, unless the fake is lenient.
         */
        public Served notHonouring(String parameter, String reason) {
            if (Catalogue.get().operation(operation).parameter(parameter).isEmpty()) {
                throw new IllegalStateException(operation + " has no parameter " + parameter + " to leave unhonoured");
            }
            unhonoured.put(parameter, reason);
            bindings.put(operation, binding());
            return this;
        }

        private Binding binding() {
            return new Binding(operation, behaviour, unhonoured);
        }
    }
}
