package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Experiment family: experiments of a workspace (names unique in it), their labels, and their listing with both
 * paging styles. Deleting an experiment deletes its runs.
 */
final class ExperimentOperations implements OperationFamily {

    /** The visibility of an experiment created without one (the reference's default). */
    static final String DEFAULT_ACCESSIBILITY = "PRIVATE";

    @Override
    public String family() {
        return "Experiment";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateExperiment, ExperimentOperations::create);
        binder.serve(Operation.GetExperiment, ExperimentOperations::get);
        binder.serve(Operation.ListExperiment, ExperimentOperations::list);
        binder.serve(Operation.UpdateExperiment, ExperimentOperations::update);
        binder.serve(Operation.DeleteExperiment, ExperimentOperations::delete);
        binder.serve(Operation.SetExperimentLabels, ExperimentOperations::setLabels);
        binder.serve(Operation.DeleteExperimentLabel, ExperimentOperations::deleteLabel);
    }

    private static ResourceSpec type() {
        return Tracking.experiments();
    }

    private static Resources resources(Call call) {
        return call.fake().resources();
    }

    private static Answer create(Call call) {
        Workspace workspace = call.fake().workspaces().owned(call.caller(), call.requiredString("WorkspaceId"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", call.requiredString("Name"));
        fields.put("WorkspaceId", workspace.workspaceId());
        fields.put(
                "Accessibility",
                call.string("Accessibility").filter(value -> !value.isEmpty()).orElse(DEFAULT_ACCESSIBILITY));
        call.string("ArtifactUri").filter(uri -> !uri.isEmpty()).ifPresent(uri -> {
            fields.put("ArtifactUri", uri);
            fields.put("TensorboardLogUri", tensorboardLogUri(uri));
        });
        fields.put("OwnerId", call.caller().accountId());
        fields.put("UserId", call.caller().accountId());
        fields.put(
                "Labels",
                Inputs.mergeTimed(List.of(), Inputs.labels("Labels", call.objects("Labels")), Inputs.now(call.fake())));
        Resource created = resources(call)
                .create(type(), Resources.Creation.in(call.caller().accountId(), workspace.workspaceId(), fields));
        return Answer.empty().put("ExperimentId", created.id());
    }

    /** Where an experiment's TensorBoard logs go: {@code tensorboard/} under its artifact path (our decision). */
    static String tensorboardLogUri(String artifactUri) {
        return artifactUri + (artifactUri.endsWith("/") ? "" : "/") + "tensorboard/";
    }

    private static Resource experiment(Call call) {
        return resources(call).get(type(), call.caller().accountId(), null, call.path("ExperimentId"));
    }

    /** GetExperiment; Verbose adds LatestRun, the experiment's most recently created run. */
    private static Answer get(Call call) {
        return Answer.of(Tracking.experimentAnswer(call.fake(), experiment(call), call.isTrue("Verbose")));
    }

    /**
     * ListExperiment: the experiments of the workspace named (the caller's default one when none is), filtered by
     * {@code Name} (a part of it, in any case; the whole name exactly with {@code Options.match_name_exactly=true}) and
     * {@code Labels}, sorted and paged as the catalogue declares; Verbose adds each one's LatestRun.
     */
    private static Answer list(Call call) {
        Workspace workspace = Inputs.workspace(call.fake(), call.caller(), call.string("WorkspaceId"));
        boolean exactName = matchNameExactly(call);
        Optional<String> name = call.string("Name").filter(value -> !value.isEmpty());
        List<Resource> candidates = resources(call)
                .list(
                        type(),
                        call.caller().accountId(),
                        null,
                        experiment -> workspace.workspaceId().equals(experiment.workspaceId())
                                && (!exactName || name.isEmpty() || name.get().equals(experiment.field("Name"))));
        boolean verbose = call.isTrue("Verbose");
        return ListQuery.answer(
                call,
                candidates,
                Resource::fields,
                experiment -> Tracking.experimentAnswer(call.fake(), experiment, verbose));
    }

    private static boolean matchNameExactly(Call call) {
        Object option = call.object("Options")
                .map(options -> options.get("match_name_exactly"))
                .orElse(null);
        if (option == null || option.toString().isEmpty()) {
            return false;
        }
        String text = option.toString().toLowerCase(Locale.ROOT);
        if (!Set.of("true", "false").contains(text)) {
            throw ApiException.invalid(
                    "Options.match_name_exactly", "it must be true or false, got \"" + option + "\".");
        }
        return text.equals("true");
    }

    /** UpdateExperiment: Name (still unique in the workspace) and Accessibility; what is not given stays. */
    private static Answer update(Call call) {
        Optional<String> name = call.string("Name").filter(value -> !value.isEmpty());
        Optional<String> accessibility = call.string("Accessibility").filter(value -> !value.isEmpty());
        if (name.isEmpty() && accessibility.isEmpty()) {
            experiment(call);
            return Answer.empty();
        }
        resources(call).update(type(), call.caller().accountId(), null, call.path("ExperimentId"), fields -> {
            name.ifPresent(value -> fields.put("Name", value));
            accessibility.ifPresent(value -> fields.put("Accessibility", value));
            return fields;
        });
        return Answer.empty();
    }

    /** DeleteExperiment: the experiment and its runs, with their metrics. */
    private static Answer delete(Call call) {
        Tracking.deleteExperiment(call.fake(), call.caller().accountId(), call.path("ExperimentId"));
        return Answer.empty();
    }

    /** SetExperimentLabels: sets the labels given (a key already there takes the new value); others stay. */
    private static Answer setLabels(Call call) {
        List<Map<String, Object>> added = Inputs.labels("Labels", call.objects("Labels"));
        if (added.isEmpty()) {
            experiment(call);
            return Answer.empty();
        }
        resources(call).update(type(), call.caller().accountId(), null, call.path("ExperimentId"), fields -> {
            fields.put("Labels", Inputs.mergeTimed(Inputs.list(fields, "Labels"), added, Inputs.now(call.fake())));
            return fields;
        });
        return Answer.empty();
    }

    /** DeleteExperimentLabel: removes the label of this key; a key the experiment lacks changes nothing. */
    private static Answer deleteLabel(Call call) {
        String key = call.path("Key");
        Resource experiment = experiment(call);
        if (Inputs.list(experiment.fields(), "Labels").stream().anyMatch(label -> key.equals(label.get("Key")))) {
            resources(call).update(type(), call.caller().accountId(), null, experiment.id(), fields -> {
                fields.put(
                        "Labels",
                        Inputs.list(fields, "Labels").stream()
                                .filter(label -> !key.equals(label.get("Key")))
                                .toList());
                return fields;
            });
        }
        return Answer.empty();
    }
}
