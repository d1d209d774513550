package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.internal.pipeline.BehaviourRegistry;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every family's behaviour, one class each, by the family it serves: the only place that lists them. A family added
 * here serves its operations; every other operation of the catalogue answers {@code 501 NotImplemented}.
 */
public final class Families {

    private Families() {}

    private static final class Holder {
        static final BehaviourRegistry REGISTRY =
                new BehaviourRegistry(Map.<String, Supplier<OperationFamily>>ofEntries(
                        Map.entry("Workspace", WorkspaceOperations::new),
                        Map.entry("Member", MemberOperations::new),
                        Map.entry("Other", OtherOperations::new),
                        Map.entry("Model", ModelOperations::new),
                        Map.entry("ModelVersion", ModelVersionOperations::new),
                        Map.entry("CodeSource", CodeSourceOperations::new),
                        Map.entry("Dataset", DatasetOperations::new),
                        Map.entry("DatasetVersion", DatasetVersionOperations::new),
                        Map.entry("DatasetFileMeta", DatasetFileMetaOperations::new),
                        Map.entry("DatasetJob", DatasetJobOperations::new),
                        Map.entry("DatasetJobConfig", DatasetJobConfigOperations::new),
                        Map.entry("Experiment", ExperimentOperations::new),
                        Map.entry("Run", RunOperations::new),
                        Map.entry("Image", ImageOperations::new),
                        Map.entry("ImageLabel", ImageLabelOperations::new),
                        Map.entry("Config", ConfigOperations::new),
                        Map.entry("UserConfig", UserConfigOperations::new),
                        Map.entry("Connection", ConnectionOperations::new),
                        Map.entry("WorkspaceRole", WorkspaceRoleOperations::new),
                        Map.entry("InstanceJob", InstanceJobOperations::new),
                        Map.entry("Permission", PermissionOperations::new),
                        Map.entry("Resource", WorkspaceResourceOperations::new),
                        Map.entry("Quota", QuotaOperations::new),
                        Map.entry("Product", ProductOperations::new),
                        Map.entry("Feature", FeatureOperations::new),
                        Map.entry("Prompt", PromptOperations::new)));
    }

    /** The registry of every family's bindings; each family binds its operations when one is first asked for. */
    public static BehaviourRegistry registry() {
        return Holder.REGISTRY;
    }
}
