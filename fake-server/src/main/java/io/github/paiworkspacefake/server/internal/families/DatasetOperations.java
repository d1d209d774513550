package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.domain.datasets.DatasetService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.List;
import java.util.Map;

/**
 * The Dataset family: a workspace's datasets (with their first version {@code v1}), PAI's public datasets, labels and
 * publishing. The rules live in {@link DatasetService}.
 */
final class DatasetOperations implements OperationFamily {

    private static final String NO_SHARING =
            "the fake shares no datasets between accounts: every dataset is its owner's alone (IsShared is false).";

    @Override
    public String family() {
        return "Dataset";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateDataset, DatasetOperations::create);
        binder.serve(Operation.GetDataset, DatasetOperations::get);
        binder.serve(Operation.ListDatasets, DatasetOperations::list).notHonouring("ShareScope", NO_SHARING);
        binder.serve(Operation.UpdateDataset, DatasetOperations::update).notHonouring("SharingConfig", NO_SHARING);
        binder.serve(Operation.DeleteDataset, DatasetOperations::delete);
        binder.serve(Operation.PublishDataset, DatasetOperations::publish);
        binder.serve(Operation.CreateDatasetLabels, DatasetOperations::createLabels);
        binder.serve(Operation.DeleteDatasetLabels, DatasetOperations::deleteLabels);
    }

    private static DatasetService datasets(Call call) {
        return new DatasetService(call.fake());
    }

    private static Answer create(Call call) {
        Resource dataset = datasets(call).create(call.caller(), call.values());
        return Answer.empty().put("DatasetId", dataset.id());
    }

    private static Answer get(Call call) {
        DatasetService datasets = datasets(call);
        Resource dataset = datasets.readable(call.caller(), call.path("DatasetId"));
        return DatasetAnswers.of(call.operation(), datasets.view(dataset));
    }

    /**
     * ListDatasets: the caller's datasets in the workspace named (or its default workspace), or with
     * {@code Provider=pai} PAI's public datasets, through the catalogue's filters, sort and paging.
     */
    private static Answer list(Call call) {
        DatasetAnswers.requireSortable(call);
        DatasetService datasets = datasets(call);
        String workspaceId = call.string("WorkspaceId").orElse("");
        boolean publicOnes = call.string("Provider")
                .filter(DatasetService.PUBLIC_PROVIDER::equals)
                .isPresent();
        List<Resource> candidates;
        if (publicOnes) {
            if (!workspaceId.isEmpty()) {
                datasets.workspaceOf(call.caller(), workspaceId);
            }
            candidates = datasets.publicDatasets();
        } else {
            candidates = datasets.inWorkspace(call.caller(), datasets.workspaceOf(call.caller(), workspaceId));
        }
        List<FieldSpec> item = DatasetAnswers.items(call.operation(), "Datasets");
        return ListQuery.answer(
                call,
                candidates,
                dataset -> DatasetAnswers.sortable(datasets.fields(dataset), "GmtCreateTime", "GmtModifiedTime"),
                dataset -> DatasetAnswers.pick(datasets.view(dataset), item));
    }

    private static Answer update(Call call) {
        datasets(call).update(call.caller(), call.path("DatasetId"), call.values());
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        datasets(call).delete(call.caller(), call.path("DatasetId"));
        return Answer.empty();
    }

    private static Answer publish(Call call) {
        datasets(call).publish(call.caller(), call.path("DatasetId"));
        return Answer.empty();
    }

    private static Answer createLabels(Call call) {
        List<Map<String, Object>> labels = call.objects("Labels").orElse(List.of());
        datasets(call).addLabels(call.caller(), call.path("DatasetId"), labels);
        return Answer.empty();
    }

    /** DeleteDatasetLabels: the labels of the keys named; without LabelKeys, none (Terraform sends a JSON body too). */
    private static Answer deleteLabels(Call call) {
        datasets(call)
                .removeLabels(
                        call.caller(),
                        call.path("DatasetId"),
                        call.strings("LabelKeys").orElse(List.of()));
        return Answer.empty();
    }
}
