package io.github.paiworkspacefake.server.internal.catalogue;

/**
 * A named member of a request object or an answer, with its type and, in requests, its rules.
 *
 * @param name        the member's name, spelled as on the wire
 * @param type        its JSON type
 * @param constraints its rules (none in answers)
 */
public record FieldSpec(String name, TypeSpec type, Constraints constraints) {}
