package io.github.paiworkspacefake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the member checks need, found once per run. A workspace the run can read: the account's default workspace when
 * it has one (read only, never changed), otherwise, with {@code --allow-create}, a workspace the run creates for it.
 * And, with {@code --allow-create}, a user who can be added to a workspace: the first one ListWorkspaceUsers lists for
 * a workspace the run created, other than its owner. An account without such a user (no RAM user) gets the checks
 * that need one reported skipped.
 */
final class MemberSetup {

    /** The check (setup step) that created the workspace, as the end-of-run list names it. */
    static final String CHECK = "members setup";

    /**
     * One thing the checks need: found, unavailable (the checks that need it are skipped, with this reason) or a
     * problem (they run and fail with it).
     */
    record Lookup<T>(T value, String unavailable, String problem) {

        static <T> Lookup<T> found(T value) {
            return new Lookup<>(value, null, null);
        }

        static <T> Lookup<T> unavailable(String reason) {
            return new Lookup<>(null, reason, null);
        }

        static <T> Lookup<T> failed(String problem) {
            return new Lookup<>(null, null, problem);
        }

        /** Whether the checks that need it are to be skipped. */
        boolean skips() {
            return value == null && problem == null;
        }

        /** The value, or an assertion failure saying why there is none. */
        T require() {
            if (value == null) {
                throw new AssertionError(problem != null ? problem : unavailable);
            }
            return value;
        }
    }

    /** A user of the account who is not a member of a workspace the run created, as ListWorkspaceUsers lists them. */
    record AddableUser(String userId, String userName) {}

    private final ContractRun run;
    private Lookup<String> runWorkspace;
    private Lookup<String> readableWorkspace;
    private Lookup<AddableUser> addableUser;

    MemberSetup(ContractRun run) {
        this.run = run;
    }

    /** The workspace the read-only member checks read: the default workspace, or one the run created. */
    synchronized Lookup<String> readableWorkspace() {
        if (readableWorkspace == null) {
            DefaultWorkspaceSetup defaultWorkspace = run.defaultWorkspace();
            if (defaultWorkspace.workspaceId() != null) {
                readableWorkspace = Lookup.found(defaultWorkspace.workspaceId());
            } else if (run.config().allowCreate()) {
                readableWorkspace = runWorkspace();
            } else if (defaultWorkspace.state() == DefaultWorkspaceSetup.State.FAILED) {
                readableWorkspace =
                        Lookup.failed("needs a workspace the run can read, and finding the account's default workspace "
                                + "failed: " + defaultWorkspace.problem());
            } else {
                readableWorkspace =
                        Lookup.unavailable("needs a workspace the run can read: the account has no default workspace; "
                                + "--allow-create (-D" + ContractConfig.ALLOW_CREATE
                                + "=true) lets the run create one");
            }
        }
        return readableWorkspace;
    }

    /** A user who can be added to a workspace the run creates; only asked for with --allow-create. */
    synchronized Lookup<AddableUser> addableUser() {
        if (addableUser == null) {
            addableUser = findAddableUser();
        }
        return addableUser;
    }

    private Lookup<String> runWorkspace() {
        if (runWorkspace == null) {
            try {
                runWorkspace = Lookup.found(RunWorkspaces.create(run, CHECK, "members"));
            } catch (AssertionError | RuntimeException e) {
                runWorkspace = Lookup.failed("creating a workspace for the member checks failed: " + e.getMessage());
            }
        }
        return runWorkspace;
    }

    private Lookup<AddableUser> findAddableUser() {
        Lookup<String> workspace = runWorkspace();
        if (workspace.value() == null) {
            return Lookup.failed(workspace.problem());
        }
        String workspaceId = workspace.value();
        try {
            String owner = MemberReads.ownerUserId(run.api(), workspaceId);
            WorkspaceUserList users = MemberReads.users(run.api(), workspaceId);
            Optional<JsonNode> user = users.users().stream()
                    .filter(item -> !item.get("UserId").asText().equals(owner))
                    .findFirst();
            return user.map(item -> Lookup.found(new AddableUser(
                            item.get("UserId").asText(), item.get("UserName").asText())))
                    .orElseGet(() -> Lookup.unavailable(
                            "needs a user who can be added to a workspace, and ListWorkspaceUsers of "
                                    + "workspace " + workspaceId
                                    + ", which this run created, lists none but its owner: give the account a "
                                    + "RAM user to include it (the fake: fake.addUser(userId, userName), POST /__admin/users or a seed "
                                    + "file's users)"));
        } catch (AssertionError | RuntimeException e) {
            return Lookup.failed("finding a user to add with ListWorkspaceUsers of workspace " + workspaceId
                    + ", which this run " + "created, failed: " + e.getMessage());
        }
    }
}
