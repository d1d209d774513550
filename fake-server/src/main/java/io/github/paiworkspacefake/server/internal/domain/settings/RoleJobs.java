package io.github.paiworkspacefake.server.internal.domain.settings;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.ListMembersRequest;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Custom workspace roles and the instance jobs that create, update and delete them. The service does this
 * asynchronously: CreateWorkspaceRole and UpdateWorkspaceRole answer an {@code InstanceJobId}, the role shows
 * {@code Creating}, {@code Updating} or {@code Deleting} until its job ends, and GetInstanceJob reports the job. The
 * fake ends every job at once unless test code chose otherwise ({@link JobPolicy}): then a job stays running until it
 * has been read a number of times, until the fake's clock has moved on, or until test code completes or fails it.
 *
 * <p>A job's id is its type and its role's id ({@code CreateWorkspaceCustomRole-role-...}), the form of the
 * reference's examples; a later update or deletion of the same role replaces its job of that type. An update takes
 * effect when its job succeeds; until then the role is read as it was. A role grants permissions and may be given to
 * members once its creation succeeded, until it is deleted.
 */
public final class RoleJobs {

    /** Job types, as GetInstanceJob's {@code Type} names them. */
    public static final String CREATE = "CreateWorkspaceCustomRole";

    public static final String UPDATE = "UpdateWorkspaceCustomRole";
    public static final String DELETE = "DeleteWorkspaceCustomRole";

    /** A job's final statuses. */
    public static final String SUCCESSFUL = "Successful";

    public static final String FAILED = "Failed";

    /** A role's statuses besides the running ones its job gives it. */
    public static final String SUCCEEDED = "Succeeded";

    private static final String READY = "Ready";
    private static final String HELD = "Held";
    private static final String READS_LEFT = "ReadsLeft";
    private static final String COMPLETE_AT = "CompleteAtMillis";
    private static final String CHANGE = "Change";

    /** How new jobs run: at once (the default), after reads, after a delay, or held until test code ends them. */
    public record JobPolicy(Mode mode, int reads, Duration delay) {

        /** The ways a job can run. */
        public enum Mode {
            AT_ONCE,
            AFTER_READS,
            AFTER_DELAY,
            HELD
        }

        /** Jobs end as they start. */
        public static final JobPolicy AT_ONCE = new JobPolicy(Mode.AT_ONCE, 0, Duration.ZERO);
    }

    /** The per-fake setting of how new jobs run. */
    private static final class Settings {
        volatile JobPolicy policy = JobPolicy.AT_ONCE;
    }

    private RoleJobs() {}

    /** How jobs created from now on run; a reset goes back to {@link JobPolicy#AT_ONCE}. */
    public static void policy(FakeState state, JobPolicy policy) {
        state.extension(Settings.class, Settings::new).policy = Objects.requireNonNull(policy);
    }

    private static ResourceSpec roles() {
        return SettingsResources.type(SettingsResources.ROLE);
    }

    private static ResourceSpec jobs() {
        return SettingsResources.type(SettingsResources.JOB);
    }

    // ---- the operations

    /** CreateWorkspaceRole: stores the role as {@code Creating} and starts its job; returns the job. */
    public static Resource create(
            FakeState state,
            Account caller,
            String creator,
            String workspaceId,
            String roleName,
            List<Map<String, Object>> modulePermissions) {
        state.workspaces().owned(caller, workspaceId);
        ModulePermissions.check(modulePermissions);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("RoleName", roleName);
        fields.put("RoleType", "custom");
        fields.put("Creator", creator);
        fields.put("WorkspaceId", workspaceId);
        fields.put("ModulePermissions", List.copyOf(modulePermissions));
        fields.put("Status", runningStatus(CREATE));
        fields.put(READY, false);
        Resource role =
                state.resources().create(roles(), Resources.Creation.in(caller.accountId(), workspaceId, fields));
        return startJob(state, caller.accountId(), CREATE, role, Map.of());
    }

    /**
     * UpdateWorkspaceRole: starts the job that gives the role its new name and permissions; a name another role of
     * the workspace holds is refused now.
     */
    public static Resource update(
            FakeState state,
            Account caller,
            String workspaceId,
            String roleId,
            Optional<String> roleName,
            Optional<List<Map<String, Object>>> modulePermissions) {
        state.workspaces().owned(caller, workspaceId);
        Resource role = settledRole(state, caller.accountId(), workspaceId, roleId, false);
        requireIdle(role);
        modulePermissions.ifPresent(ModulePermissions::check);
        roleName.filter(name -> !name.equals(role.field("RoleName"))).ifPresent(name -> {
            boolean taken = state
                    .resources()
                    .list(
                            roles(),
                            caller.accountId(),
                            null,
                            other -> workspaceId.equals(other.workspaceId()) && name.equals(other.field("RoleName")))
                    .stream()
                    .anyMatch(other -> !other.id().equals(roleId));
            if (taken) {
                throw ApiException.of(roles().conflict());
            }
        });
        Map<String, Object> change = new LinkedHashMap<>();
        roleName.ifPresent(name -> change.put("RoleName", name));
        modulePermissions.ifPresent(permissions -> change.put("ModulePermissions", List.copyOf(permissions)));
        state.resources().update(roles(), caller.accountId(), null, roleId, fields -> {
            fields.put("Status", runningStatus(UPDATE));
            return fields;
        });
        return startJob(state, caller.accountId(), UPDATE, role, change);
    }

    /**
     * DeleteWorkspaceRoles: starts the deletion of every listed role, all or none: each must be a custom role of the
     * workspace, not busy with another job and held by no member.
     */
    public static List<Resource> delete(FakeState state, Account caller, String workspaceId, List<String> roleIds) {
        Workspace workspace = state.workspaces().owned(caller, workspaceId);
        List<Resource> found = new ArrayList<>();
        for (String roleId : new LinkedHashSet<>(roleIds)) {
            Resource role = settledRole(state, caller.accountId(), workspaceId, roleId, false);
            requireIdle(role);
            found.add(role);
        }
        List<Member> members = state.members()
                .list(workspace.owner(), workspaceId, ListMembersRequest.all())
                .items();
        for (Resource role : found) {
            for (Member member : members) {
                if (member.roles().contains(role.id())) {
                    throw ApiException.invalid(
                            "RoleIds",
                            "the role " + role.id() + " is held by member " + member.memberId()
                                    + "; RemoveMemberRole takes it from its members first.");
                }
            }
        }
        List<Resource> started = new ArrayList<>();
        for (Resource role : found) {
            state.resources().update(roles(), caller.accountId(), null, role.id(), fields -> {
                fields.put("Status", runningStatus(DELETE));
                return fields;
            });
            started.add(startJob(state, caller.accountId(), DELETE, role, Map.of()));
        }
        return started;
    }

    /** GetWorkspaceRole: the role, after its job has been given the read. */
    public static Resource get(FakeState state, Account caller, String workspaceId, String roleId) {
        state.workspaces().owned(caller, workspaceId);
        return settledRole(state, caller.accountId(), workspaceId, roleId, true);
    }

    /** ListWorkspaceRoles: the workspace's custom roles in creation order, their jobs settled. */
    public static List<Resource> list(FakeState state, Account caller, String workspaceId) {
        state.workspaces().owned(caller, workspaceId);
        List<Resource> settled = new ArrayList<>();
        for (Resource role : state.resources()
                .list(roles(), caller.accountId(), null, role -> workspaceId.equals(role.workspaceId()))) {
            settle(state, role.accountId(), role.text("InstanceJobId").orElse(null), false);
            state.resources().find(roles(), role.accountId(), null, role.id()).ifPresent(settled::add);
        }
        return settled;
    }

    /** GetInstanceJob: the caller's job, after it has been given the read. */
    public static Resource job(FakeState state, Account caller, String instanceJobId) {
        Resource job = state.resources().get(jobs(), caller.accountId(), null, instanceJobId);
        settle(state, caller.accountId(), job.id(), true);
        return state.resources().get(jobs(), caller.accountId(), null, instanceJobId);
    }

    /**
     * Whether a custom role of the workspace may be given to a member: its creation succeeded and it is not being
     * deleted.
     */
    public static boolean assignable(FakeState state, Workspace workspace, String roleId) {
        return role(state, workspace, roleId)
                .filter(RoleJobs::ready)
                .filter(role -> !runningStatus(DELETE).equals(status(role)))
                .isPresent();
    }

    /**
     * Whether a role's creation succeeded: as its job recorded it, or, for a role a seed stored without saying so, as
     * its status tells (a seeded role that is neither Creating nor Failed was created).
     */
    private static boolean ready(Resource role) {
        Object ready = role.field(READY);
        if (ready instanceof Boolean recorded) {
            return recorded;
        }
        String status = status(role);
        return !status.equals(runningStatus(CREATE)) && !status.equals(FAILED);
    }

    /** A role's status: {@code Succeeded} when a seed stored it without one. */
    public static String status(Resource role) {
        return role.text("Status").orElse(SUCCEEDED);
    }

    /** The permissions a custom role of the workspace grants: none unless its creation succeeded. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> grants(FakeState state, Workspace workspace, String roleId) {
        return role(state, workspace, roleId)
                .filter(RoleJobs::ready)
                .map(role -> (List<Map<String, Object>>) role.fields().getOrDefault("ModulePermissions", List.of()))
                .orElse(List.of());
    }

    private static Optional<Resource> role(FakeState state, Workspace workspace, String roleId) {
        String accountId = workspace.owner().accountId();
        Optional<Resource> role = state.resources()
                .find(roles(), accountId, null, roleId)
                .filter(found -> workspace.workspaceId().equals(found.workspaceId()));
        if (role.isEmpty()) {
            return role;
        }
        settle(state, accountId, role.get().text("InstanceJobId").orElse(null), false);
        return state.resources().find(roles(), accountId, null, roleId);
    }

    // ---- test code's controls

    /** Every job, of every account, in creation order. */
    public static List<Resource> allJobs(FakeState state) {
        return state.resources().list(jobs(), null, null, job -> true);
    }

    /** Ends a running job as test code asks, whoever owns it; an unknown job is an {@link IllegalArgumentException}. */
    public static Resource end(FakeState state, String instanceJobId, boolean success, String reason) {
        Resource job = state
                .resources()
                .list(jobs(), null, null, each -> each.id().equals(instanceJobId))
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No instance job with id " + instanceJobId + "."));
        finish(state, job.accountId(), job.id(), success, reason);
        return state.resources().get(jobs(), job.accountId(), null, job.id());
    }

    // ---- jobs

    private static Resource startJob(
            FakeState state, String accountId, String type, Resource role, Map<String, Object> change) {
        JobPolicy policy = state.extension(Settings.class, Settings::new).policy;
        String jobId = type + "-" + role.id();
        Instant now = state.clock().instant();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("InstanceJobId", jobId);
        fields.put("Type", type);
        fields.put("InstanceId", role.id());
        fields.put("WorkspaceId", role.workspaceId());
        fields.put("Status", runningStatus(type));
        fields.put("ReasonMessage", "");
        fields.put("GmtCreateTime", now);
        if (!change.isEmpty()) {
            fields.put(CHANGE, change);
        }
        switch (policy.mode()) {
            case HELD -> fields.put(HELD, true);
            case AFTER_READS -> fields.put(READS_LEFT, (long) policy.reads());
            case AFTER_DELAY -> fields.put(COMPLETE_AT, now.plus(policy.delay()).toEpochMilli());
            case AT_ONCE -> {
                // ends below
            }
        }
        ResourceSpec jobs = jobs();
        if (state.resources().find(jobs, accountId, null, jobId).isPresent()) {
            state.resources().update(jobs, accountId, null, jobId, old -> new LinkedHashMap<>(fields));
        } else {
            state.resources()
                    .create(
                            jobs,
                            Resources.Creation.in(accountId, role.workspaceId(), fields)
                                    .withId(jobId));
        }
        state.resources().update(roles(), accountId, null, role.id(), roleFields -> {
            roleFields.put("InstanceJobId", jobId);
            return roleFields;
        });
        settle(state, accountId, jobId, false);
        return state.resources().get(jobs, accountId, null, jobId);
    }

    /** Ends the job when it is due; a read counts towards the reads it waits for. */
    private static void settle(FakeState state, String accountId, String jobId, boolean read) {
        if (jobId == null) {
            return;
        }
        Optional<Resource> found = state.resources().find(jobs(), accountId, null, jobId);
        if (found.isEmpty() || !isRunning(found.get())) {
            return;
        }
        Resource job = found.get();
        if (read && job.field(READS_LEFT) instanceof Number left && left.longValue() > 0) {
            job = state.resources().update(jobs(), accountId, null, jobId, fields -> {
                if (fields.get(READS_LEFT) instanceof Number count && count.longValue() > 0) {
                    fields.put(READS_LEFT, count.longValue() - 1);
                }
                return fields;
            });
        }
        if (Boolean.TRUE.equals(job.field(HELD))) {
            return;
        }
        boolean due = job.field(READS_LEFT) instanceof Number left
                ? left.longValue() <= 0
                : !(job.field(COMPLETE_AT) instanceof Number at)
                        || state.clock().millis() >= at.longValue();
        if (due) {
            finish(state, accountId, jobId, true, "");
        }
    }

    /**
     * Ends a running job: its effect on the role first (the same effect however often it is applied, as two readers
     * may settle the job at once), then the job's final status, set once.
     */
    @SuppressWarnings("unchecked")
    private static void finish(FakeState state, String accountId, String jobId, boolean success, String reason) {
        Resource job = state.resources().get(jobs(), accountId, null, jobId);
        if (!isRunning(job)) {
            return;
        }
        String roleId = (String) job.field("InstanceId");
        String type = (String) job.field("Type");
        String why = reason;
        boolean succeeded = success;
        try {
            if (type.equals(DELETE) && succeeded) {
                state.resources().remove(roles(), accountId, null, roleId);
            } else {
                Map<String, Object> change =
                        succeeded && job.field(CHANGE) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
                boolean ready = succeeded && type.equals(CREATE);
                boolean ok = succeeded;
                state.resources().update(roles(), accountId, null, roleId, fields -> {
                    fields.putAll(change);
                    fields.put("Status", ok ? SUCCEEDED : FAILED);
                    if (ready) {
                        fields.put(READY, true);
                    }
                    return fields;
                });
            }
        } catch (ApiException e) {
            if (!type.equals(DELETE)) {
                // the new name was taken while the update ran: the update fails and the role stays as it was
                succeeded = false;
                why = e.getMessage();
                state.resources()
                        .find(roles(), accountId, null, roleId)
                        .ifPresent(role -> state.resources().update(roles(), accountId, null, roleId, fields -> {
                            fields.put("Status", FAILED);
                            return fields;
                        }));
            }
        }
        boolean outcome = succeeded;
        String message = why == null ? "" : why;
        state.resources().update(jobs(), accountId, null, jobId, fields -> {
            if (isRunningStatus(fields.get("Status"), fields.get("Type"))) {
                fields.put("Status", outcome ? SUCCESSFUL : FAILED);
                fields.put("ReasonMessage", message);
                fields.remove(HELD);
                fields.remove(READS_LEFT);
                fields.remove(COMPLETE_AT);
                fields.remove(CHANGE);
            }
            return fields;
        });
    }

    private static Resource settledRole(
            FakeState state, String accountId, String workspaceId, String roleId, boolean read) {
        Resource role = state.resources()
                .find(roles(), accountId, null, roleId)
                .filter(found -> workspaceId.equals(found.workspaceId()))
                .orElseThrow(() -> ApiException.of(roles().notFound()));
        settle(state, accountId, role.text("InstanceJobId").orElse(null), read);
        return state.resources()
                .find(roles(), accountId, null, roleId)
                .orElseThrow(() -> ApiException.of(roles().notFound()));
    }

    private static void requireIdle(Resource role) {
        Object status = role.field("Status");
        if (Set.of(runningStatus(CREATE), runningStatus(UPDATE), runningStatus(DELETE))
                .contains(status)) {
            throw new ApiException(
                    409,
                    "IncorrectWorkspaceRoleStatus",
                    "The role " + role.id() + " is " + status + "; wait for its job (GetInstanceJob "
                            + role.field("InstanceJobId") + ") to end.");
        }
    }

    private static boolean isRunning(Resource job) {
        return isRunningStatus(job.field("Status"), job.field("Type"));
    }

    private static boolean isRunningStatus(Object status, Object type) {
        return type instanceof String name && runningStatus(name).equals(status);
    }

    /** The status a job of this type, and its role, have while it runs. */
    public static String runningStatus(String type) {
        return switch (type) {
            case CREATE -> "Creating";
            case UPDATE -> "Updating";
            case DELETE -> "Deleting";
            default -> throw new IllegalArgumentException("unknown job type " + type);
        };
    }
}
