package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.WorkspaceRoles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Workspace API's rules that are more than the catalogue can declare (lengths, required members and the name's
 * characters are declared there), each stated once.
 */
public final class WorkspaceRules {

    public static final Set<String> ENV_TYPES = Set.of("dev", "prod");

    private WorkspaceRules() {}

    /** The prefix of a custom role's id (CreateWorkspaceRole's {@code RoleId}, such as {@code role-dhg0k2l}). */
    public static final String CUSTOM_ROLE_PREFIX = "role-";

    /** Whether a role names a workspace's custom role (by its {@code RoleId}) rather than a built-in one. */
    public static boolean isCustomRole(String role) {
        return role.startsWith(CUSTOM_ROLE_PREFIX) && role.length() > CUSTOM_ROLE_PREFIX.length();
    }

    /**
     * One of the documented built-in roles or the id of a custom role ({@code role-...}), or an invalid-parameter
     * error naming both kinds; whether a custom role exists in the workspace is the caller's check.
     */
    public static String checkRoleName(String parameter, String role) {
        if (!WorkspaceRoles.ALL.contains(role) && !isCustomRole(role)) {
            throw ApiException.invalid(
                    parameter,
                    "\"" + role + "\" is not a workspace role; valid roles are " + String.join(", ", WorkspaceRoles.ALL)
                            + " and the ids (role-...) of the workspace's custom roles.");
        }
        return role;
    }

    /** Basic mode {@code [prod]} or standard mode {@code [dev, prod]}: known values, no repeats, prod included. */
    public static void checkEnvTypes(List<String> envTypes) {
        if (envTypes.isEmpty()) {
            throw ApiException.invalid(
                    "EnvTypes", "it must list at least one environment: [\"prod\"] or [\"dev\",\"prod\"].");
        }
        Set<String> seen = new HashSet<>();
        for (String envType : envTypes) {
            if (!ENV_TYPES.contains(envType)) {
                throw ApiException.invalid(
                        "EnvTypes", "\"" + envType + "\" is not an environment; valid values are dev and prod.");
            }
            if (!seen.add(envType)) {
                throw ApiException.invalid("EnvTypes", "\"" + envType + "\" is listed twice.");
            }
        }
        if (!seen.contains("prod")) {
            throw ApiException.invalid(
                    "EnvTypes", "basic mode is [\"prod\"] and standard mode is [\"dev\",\"prod\"]; prod is required.");
        }
    }
}
