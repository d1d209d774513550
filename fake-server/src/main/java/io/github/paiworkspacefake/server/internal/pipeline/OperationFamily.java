package io.github.paiworkspacefake.server.internal.pipeline;

/**
 * The behaviour of one family of operations (as the API reference groups them, such as {@code Dataset} or
 * {@code ModelVersion}), in one class: it binds each operation it serves. Families are written independently of each
 * other; the registry checks that each binds only operations of its own family, and each at most once.
 */
public interface OperationFamily {

    /** The family's name, as the catalogue spells it. */
    String family();

    /** Binds the operations this family serves. */
    void bind(Binder binder);
}
