package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.internal.pipeline.BehaviourRegistry;
import java.util.List;

/**
 * Every family's behaviour, one class each: the only place that lists them. A family added here serves its
 * operations; every other operation of the catalogue answers {@code 501 NotImplemented}.
 */
public final class Families {

    private Families() {}

    private static final class Holder {
        static final BehaviourRegistry REGISTRY = new BehaviourRegistry(List.of(
                new WorkspaceOperations(),
                new MemberOperations(),
                new OtherOperations(),
                new ModelOperations(),
                new ModelVersionOperations(),
                new CodeSourceOperations(),
                new DatasetOperations(),
                new DatasetVersionOperations(),
                new DatasetFileMetaOperations(),
                new DatasetJobOperations(),
                new DatasetJobConfigOperations(),
                new ExperimentOperations(),
                new RunOperations(),
                new ImageOperations(),
                new ImageLabelOperations(),
                new ConfigOperations(),
                new UserConfigOperations(),
                new ConnectionOperations(),
                new WorkspaceRoleOperations(),
                new InstanceJobOperations(),
                new PermissionOperations(),
                new WorkspaceResourceOperations(),
                new QuotaOperations(),
                new ProductOperations(),
                new FeatureOperations(),
                new PromptOperations()));
    }

    /** The registry of every family's bindings, built on first use. */
    public static BehaviourRegistry registry() {
        return Holder.REGISTRY;
    }
}
