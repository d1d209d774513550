package io.github.paiworkspacefake.server.internal.pipeline;

import io.github.paiworkspacefake.server.Operation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operation's behaviour and the parameters the catalogue knows that it does not honour, each with the reason: a
 * request that gives one is refused unless the fake is lenient.
 *
 * @param operation  the operation
 * @param behaviour  what it does
 * @param unhonoured parameter name to the reason it is not honoured, in the order the family declared them
 */
public record Binding(Operation operation, Behaviour behaviour, Map<String, String> unhonoured) {

    /** Keeps the parameters in the order they were declared, so that every report lists them alike. */
    public Binding {
        // the declaration order, so that what the coverage table lists is the same in every JVM
        unhonoured = Collections.unmodifiableMap(new LinkedHashMap<>(unhonoured));
    }
}
