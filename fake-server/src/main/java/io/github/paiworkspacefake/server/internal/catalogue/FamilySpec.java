package io.github.paiworkspacefake.server.internal.catalogue;

import java.util.Optional;

/**
 * A family of operations, as the API reference groups them, and what the fake answers when one of its resources is
 * not found (when the family has resources of its own).
 *
 * @param name     the family's name, such as {@code Dataset}
 * @param notFound its not-found answer, if the catalogue declares one
 */
public record FamilySpec(String name, Optional<ErrorSpec> notFound) {}
