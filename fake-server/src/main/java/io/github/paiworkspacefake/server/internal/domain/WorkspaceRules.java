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

    /** One of the documented workspace roles, or an invalid-parameter error naming the valid ones. */
    public static String checkRole(String parameter, String role) {
        if (!WorkspaceRoles.ALL.contains(role)) {
            throw ApiException.invalid(
                    parameter,
                    "\"" + role + "\" is not a workspace role; valid roles are " + String.join(", ", WorkspaceRoles.ALL)
                            + ".");
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
