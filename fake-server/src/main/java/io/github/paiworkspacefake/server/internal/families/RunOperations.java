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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Run family: runs of an experiment with their params and labels, and the metrics they log, read back as a
 * training curve. Runs live in their experiment's workspace and go with their experiment.
 */
final class RunOperations implements OperationFamily {

    @Override
    public String family() {
        return "Run";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateRun, RunOperations::create);
        binder.serve(Operation.GetRun, RunOperations::get);
        binder.serve(Operation.ListRuns, RunOperations::list)
                .notHonouring(
                        "GmtCreateTime",
                        "the reference does not say how a creation time filters runs (at, after or before it).");
        binder.serve(Operation.UpdateRun, RunOperations::update);
        binder.serve(Operation.DeleteRun, RunOperations::delete);
        binder.serve(Operation.DeleteRunLabel, RunOperations::deleteLabel);
        binder.serve(Operation.LogRunMetrics, RunOperations::logMetrics);
        binder.serve(Operation.ListRunMetrics, RunOperations::listMetrics);
    }

    private static ResourceSpec type() {
        return Tracking.runs();
    }

    private static Resources resources(Call call) {
        return call.fake().resources();
    }

    private static Resource run(Call call) {
        return resources(call).get(type(), call.caller().accountId(), null, call.path("RunId"));
    }

    /**
     * CreateRun: a run of the caller's experiment, in the experiment's workspace and with its visibility; without a
     * Name it is named by its RunId.
     */
    private static Answer create(Call call) {
        String accountId = call.caller().accountId();
        Resource experiment =
                resources(call).get(Tracking.experiments(), accountId, null, call.requiredString("ExperimentId"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ExperimentId", experiment.id());
        fields.put("WorkspaceId", experiment.workspaceId());
        call.string("Name").filter(name -> !name.isEmpty()).ifPresent(name -> fields.put("Name", name));
        call.string("SourceType").filter(value -> !value.isEmpty()).ifPresent(value -> fields.put("SourceType", value));
        call.string("SourceId").filter(value -> !value.isEmpty()).ifPresent(value -> fields.put("SourceId", value));
        fields.put(
                "Accessibility", experiment.text("Accessibility").orElse(ExperimentOperations.DEFAULT_ACCESSIBILITY));
        fields.put("OwnerId", accountId);
        fields.put("UserId", accountId);
        fields.put("Params", Inputs.params("Params", call.objects("Params")));
        fields.put(
                "Labels",
                Inputs.mergeTimed(List.of(), Inputs.labels("Labels", call.objects("Labels")), Inputs.now(call.fake())));
        fields.put("Metrics", List.of());
        Resource created =
                resources(call).create(type(), Resources.Creation.in(accountId, experiment.workspaceId(), fields));
        if (resources(call)
                .find(Tracking.experiments(), accountId, null, experiment.id())
                .isEmpty()) {
            // the experiment was deleted meanwhile: its runs go with it, this one too
            resources(call).remove(type(), accountId, null, created.id());
            throw ApiException.of(Tracking.experiments().notFound());
        }
        return Answer.empty().put("RunId", created.id());
    }

    /** GetRun; Verbose adds Labels, Params and Metrics (the last point of each key). */
    private static Answer get(Call call) {
        return Answer.of(Tracking.runAnswer(run(call), call.isTrue("Verbose")));
    }

    /**
     * ListRuns: the runs of the workspace named; without one, of the experiment named, and without either, of the
     * caller's default workspace. Filtered by ExperimentId, SourceType, SourceId, Name (a part, in any case) and
     * Labels, sorted and paged as the catalogue declares.
     */
    private static Answer list(Call call) {
        String accountId = call.caller().accountId();
        Optional<String> workspaceId = call.string("WorkspaceId").filter(id -> !id.isEmpty());
        Optional<String> experimentId = call.string("ExperimentId").filter(id -> !id.isEmpty());
        Predicate<Resource> scope;
        if (workspaceId.isEmpty() && experimentId.isPresent()) {
            scope = run -> experimentId.get().equals(run.field("ExperimentId"));
        } else {
            Workspace workspace = Inputs.workspace(call.fake(), call.caller(), workspaceId);
            scope = run -> workspace.workspaceId().equals(run.workspaceId());
        }
        List<Resource> candidates = resources(call).list(type(), accountId, null, scope);
        boolean verbose = call.isTrue("Verbose");
        return ListQuery.answer(call, candidates, Tracking::runFields, run -> Tracking.runAnswer(run, verbose));
    }

    /** UpdateRun: Name, and Labels and Params set by key (a key already there takes the new value); others stay. */
    private static Answer update(Call call) {
        Optional<String> name = call.string("Name").filter(value -> !value.isEmpty());
        List<Map<String, Object>> labels = Inputs.labels("Labels", call.objects("Labels"));
        List<Map<String, Object>> params = Inputs.params("Params", call.objects("Params"));
        if (name.isEmpty() && labels.isEmpty() && params.isEmpty()) {
            run(call);
            return Answer.empty();
        }
        resources(call).update(type(), call.caller().accountId(), null, call.path("RunId"), fields -> {
            name.ifPresent(value -> fields.put("Name", value));
            if (!labels.isEmpty()) {
                fields.put("Labels", Inputs.mergeTimed(Inputs.list(fields, "Labels"), labels, Inputs.now(call.fake())));
            }
            if (!params.isEmpty()) {
                fields.put("Params", Inputs.merge(Inputs.list(fields, "Params"), params));
            }
            return fields;
        });
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        resources(call).remove(type(), call.caller().accountId(), null, call.path("RunId"));
        return Answer.empty();
    }

    /** DeleteRunLabel: removes the label of this key; a key the run lacks changes nothing. */
    private static Answer deleteLabel(Call call) {
        String key = call.path("Key");
        Resource run = run(call);
        if (Inputs.list(run.fields(), "Labels").stream().anyMatch(label -> key.equals(label.get("Key")))) {
            resources(call).update(type(), call.caller().accountId(), null, run.id(), fields -> {
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

    /**
     * LogRunMetrics: appends a batch of {@code {Key, Value, Step, Timestamp}}, each with a Key and a Value; Step is 0
     * and Timestamp the fake's time in milliseconds when not given. The whole batch is checked before any is stored.
     */
    private static Answer logMetrics(Call call) {
        List<Map<String, Object>> batch = new ArrayList<>();
        long now = Inputs.now(call.fake()).toEpochMilli();
        for (Map<String, Object> metric : call.objects("Metrics").orElse(List.of())) {
            Object key = metric.get("Key");
            if (!(key instanceof String text) || text.isEmpty()) {
                throw ApiException.missing("Metrics.Key");
            }
            if (metric.get("Value") == null) {
                throw ApiException.missing("Metrics.Value");
            }
            batch.add(Maps.ordered(
                    "Key", text,
                    "Value", metric.get("Value"),
                    "Step", metric.getOrDefault("Step", 0L),
                    "Timestamp", metric.getOrDefault("Timestamp", now)));
        }
        if (batch.isEmpty()) {
            run(call);
            return Answer.empty();
        }
        resources(call).update(type(), call.caller().accountId(), null, call.path("RunId"), fields -> {
            List<Map<String, Object>> metrics = new ArrayList<>(Inputs.list(fields, "Metrics"));
            metrics.addAll(batch);
            fields.put("Metrics", List.copyOf(metrics));
            return fields;
        });
        return Answer.empty();
    }

    /**
     * ListRunMetrics: the points of one key, in the order of a training curve (Step, then Timestamp, then as logged),
     * paged by MaxResults and PageToken; NextPageToken is 0 on the last page.
     */
    private static Answer listMetrics(Call call) {
        List<Map<String, Object>> history = Tracking.metricHistory(run(call));
        return ListQuery.answer(call, history, metric -> metric, metric -> metric);
    }
}
