package io.github.paiworkspacefake.server;

import java.util.List;

/** The workspace roles a member can have, as the API reference documents them. */
public final class WorkspaceRoles {

    /** {@code PAI.AlgoDeveloper}. */
    public static final String ALGO_DEVELOPER = "PAI.AlgoDeveloper";
    /** {@code PAI.AlgoOperator}. */
    public static final String ALGO_OPERATOR = "PAI.AlgoOperator";
    /** {@code PAI.LabelManager}. */
    public static final String LABEL_MANAGER = "PAI.LabelManager";
    /** {@code PAI.MaxComputeDeveloper}. */
    public static final String MAX_COMPUTE_DEVELOPER = "PAI.MaxComputeDeveloper";
    /** {@code PAI.WorkspaceAdmin}. */
    public static final String ADMIN = "PAI.WorkspaceAdmin";
    /** {@code PAI.WorkspaceGuest}. */
    public static final String GUEST = "PAI.WorkspaceGuest";
    /** {@code PAI.WorkspaceOwner}: the creator's role. */
    public static final String OWNER = "PAI.WorkspaceOwner";

    /** Every documented role. */
    public static final List<String> ALL =
            List.of(ALGO_DEVELOPER, ALGO_OPERATOR, LABEL_MANAGER, MAX_COMPUTE_DEVELOPER, ADMIN, GUEST, OWNER);

    private WorkspaceRoles() {}
}
