package io.github.paiworkspacefake.server.internal.catalogue;

/**
 * A kind of resource the resource engine stores, as the catalogue's overlay declares it: the long tail of
 * workspace-owned resources (datasets, models, code sources, experiments, ...) with create, get, list, update, delete
 * and labels.
 *
 * @param name           the type's name, such as {@code Dataset} or {@code DatasetVersion}
 * @param family         the family whose operations serve it
 * @param idField        the answer member that holds its id, such as {@code DatasetId}
 * @param idPrefix       the prefix of ids the fake makes, such as {@code d-}; null when ids are given, not made
 * @param parent         the type it lives under, such as {@code Dataset} for {@code DatasetVersion}; null for none
 * @param workspaceField the member naming the workspace that owns it, such as {@code WorkspaceId}; null for none
 * @param createdField   the member stamped with the creation time, such as {@code GmtCreateTime}; null for none
 * @param modifiedField  the member stamped on every change, such as {@code GmtModifiedTime} or {@code GmtModifyTime}
 * @param notFound       the error a missing one answers
 * @param unique         members whose values together may be held by one resource of the type at a time, such as
 *                       {@code [WorkspaceId, Name]}; empty for none
 * @param conflict       the error a create or update answers that would break {@code unique}, or null
 */
public record ResourceSpec(
        String name,
        String family,
        String idField,
        String idPrefix,
        String parent,
        String workspaceField,
        String createdField,
        String modifiedField,
        ErrorSpec notFound,
        java.util.List<String> unique,
        ErrorSpec conflict) {

    public ResourceSpec {
        unique = java.util.List.copyOf(unique);
    }
}
