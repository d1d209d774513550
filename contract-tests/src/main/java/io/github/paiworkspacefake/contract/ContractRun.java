package io.github.paiworkspacefake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything one run of the suite shares: its configuration, its single API client (one HTTP client per run), the
 * names it gives workspaces, the resources it created and what it learned about the default workspace. It lives in
 * the root {@link ExtensionContext.Store} of the JUnit execution, so two runs at once in one JVM never share it.
 */
final class ContractRun {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContractRun.class);

    /** Configuration parameters for the credentials, so that they need not be in the environment. */
    static final String ACCESS_KEY_ID = "pai.contract.accessKeyId";

    static final String ACCESS_KEY_SECRET = "pai.contract.accessKeySecret";

    private final ContractConfig config;
    private final PaiWorkspaceApi api;
    private final WorkspaceNames names = new WorkspaceNames();
    private final List<CreatedResource> created = new ArrayList<>();
    private final Map<String, String> deletedByChecks = new ConcurrentHashMap<>();
    private final Map<String, String> kept = new ConcurrentHashMap<>();
    private DefaultWorkspaceSetup defaultWorkspace;
    private final MemberSetup members = new MemberSetup(this);

    ContractRun(ContractConfig config) {
        this.config = config;
        this.api = new PaiWorkspaceApi(config);
    }

    /**
     * The run of the JUnit execution {@code context} belongs to, made from its configuration parameters on first use.
     * {@code getOrComputeIfAbsent} is the Store method every JUnit from 5.10 on has (its successor
     * {@code computeIfAbsent} came with JUnit 6), so the suite also runs in projects that keep an older JUnit.
     */
    @SuppressWarnings("deprecation")
    static ContractRun of(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(ContractRun.class, key -> new ContractRun(config(context)), ContractRun.class);
    }

    private static ContractConfig config(ExtensionContext context) {
        ContractConfig config = ContractConfig.from(
                name -> context.getConfigurationParameter(name).orElse(null));
        String keyId = context.getConfigurationParameter(ACCESS_KEY_ID).orElse(config.accessKeyId());
        String secret = context.getConfigurationParameter(ACCESS_KEY_SECRET).orElse(config.accessKeySecret());
        return new ContractConfig(
                config.endpoint(),
                config.regionId(),
                keyId,
                secret,
                config.allowCreate(),
                config.allowCreateDefault(),
                config.cleanup(),
                config.resourceGroupId(),
                config.deletionTimeout(),
                config.allowProductOrders());
    }

    ContractConfig config() {
        return config;
    }

    PaiWorkspaceApi api() {
        return api;
    }

    WorkspaceNames names() {
        return names;
    }

    /** Remembers a resource this run created, for the end-of-run list and cleanup. */
    private void recordCreated(CreatedResource resource) {
        synchronized (created) {
            created.add(resource);
        }
    }

    /**
     * Records the workspace a create answer reports, if it reports one (a 200 with a WorkspaceId string), whether or
     * not the check expected it: whatever an implementation created is listed and cleaned up.
     */
    void recordIfCreated(ApiResponse answer, CreatedResource.Kind kind, String workspaceName, String check) {
        if (answer.status() != 200) {
            return;
        }
        try {
            JsonNode id = answer.json().get("WorkspaceId");
            if (id != null && id.isTextual() && !id.asText().isEmpty()) {
                recordCreated(new CreatedResource(kind, id.asText(), workspaceName, check));
            }
        } catch (AssertionError notJson) {
            // nothing identifiable was created
        }
    }

    /** The resources created so far, in order. */
    List<CreatedResource> created() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    /** Notes that a check deleted a workspace of this run and saw it gone, so cleanup need not delete it again. */
    void recordDeletedByCheck(String workspaceId, String check) {
        deletedByChecks.put(workspaceId, check);
    }

    /** The check that deleted this workspace of the run, if one did. */
    Optional<String> deletedByCheck(String workspaceId) {
        return Optional.ofNullable(deletedByChecks.get(workspaceId));
    }

    /**
     * Asks cleanup to keep a workspace of this run, for the reason given: for example one that is still the account's
     * default because switching the default back failed.
     */
    void keep(String workspaceId, String reason) {
        kept.put(workspaceId, reason);
    }

    /** Why cleanup must keep this workspace, if a check asked it to. */
    Optional<String> keptBecause(String workspaceId) {
        return Optional.ofNullable(kept.get(workspaceId));
    }

    /** The default workspace as found, or created when allowed, on first use; the same answer for the rest of the run. */
    synchronized DefaultWorkspaceSetup defaultWorkspace() {
        if (defaultWorkspace == null) {
            defaultWorkspace = DefaultWorkspaceSetup.establish(this);
        }
        return defaultWorkspace;
    }

    /** What the member checks need (a workspace to read, a user to add), found on first use. */
    MemberSetup members() {
        return members;
    }
}
