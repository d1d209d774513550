package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.WorkspaceRoles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The documented validation rules of the Workspace API, each stated once. */
public final class WorkspaceRules {

    public static final int NAME_MIN_LENGTH = 3;
    public static final int NAME_MAX_LENGTH = 23;
    public static final int DESCRIPTION_MAX_LENGTH = 80;
    public static final Set<String> ENV_TYPES = Set.of("dev", "prod");

    private static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9_]*");

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

    /** 3 to 23 letters, digits or underscores, starting with a letter. */
    public static void checkWorkspaceName(String name) {
        int length = name.length();
        if (length < NAME_MIN_LENGTH || length > NAME_MAX_LENGTH) {
            throw ApiException.invalid(
                    "WorkspaceName",
                    "it must be " + NAME_MIN_LENGTH + " to " + NAME_MAX_LENGTH + " characters long, got "
                            + name.codePointCount(0, length) + ".");
        }
        if (!NAME_CHARACTERS.matcher(name).matches()) {
            throw ApiException.invalid("WorkspaceName", "it may contain only letters, digits and underscores (_).");
        }
        char first = name.charAt(0);
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) {
            throw ApiException.invalid("WorkspaceName", "it must start with a letter.");
        }
    }

    /** At most 80 characters, counted as Unicode code points, not bytes. */
    public static void checkDescription(String description) {
        int characters = description.codePointCount(0, description.length());
        if (characters > DESCRIPTION_MAX_LENGTH) {
            throw ApiException.invalid(
                    "Description",
                    "it can be up to " + DESCRIPTION_MAX_LENGTH + " characters long, got " + characters + ".");
        }
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
