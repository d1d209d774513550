package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.domain.datasets.DatasetJobService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.List;
import java.util.Map;

/** The DatasetJobConfig family: a dataset's job configurations, their Config kept byte for byte. */
final class DatasetJobConfigOperations implements OperationFamily {

    @Override
    public String family() {
        return "DatasetJobConfig";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateDatasetJobConfig, DatasetJobConfigOperations::create);
        binder.serve(Operation.GetDatasetJobConfig, DatasetJobConfigOperations::get);
        binder.serve(Operation.ListDatasetJobConfigs, DatasetJobConfigOperations::list);
        binder.serve(Operation.UpdateDatasetJobConfig, DatasetJobConfigOperations::update);
        binder.serve(Operation.DeleteDatasetJobConfig, DatasetJobConfigOperations::delete);
    }

    private static DatasetJobService jobs(Call call) {
        return new DatasetJobService(call.fake());
    }

    private static Answer create(Call call) {
        Resource config = jobs(call).createConfig(call.caller(), call.path("DatasetId"), call.values());
        return Answer.empty().put("DatasetJobConfigId", config.id());
    }

    private static Answer get(Call call) {
        Resource config = jobs(call)
                .config(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("DatasetJobConfigId"),
                        call.string("WorkspaceId"));
        Map<String, Object> view = DatasetAnswers.withId(config, "DatasetJobConfigId");
        view.put("DatasetId", call.path("DatasetId"));
        return DatasetAnswers.of(call.operation(), view);
    }

    private static Answer list(Call call) {
        List<Resource> candidates =
                jobs(call).configs(call.caller(), call.path("DatasetId"), call.string("WorkspaceId"));
        List<FieldSpec> item = DatasetAnswers.items(call.operation(), "DatasetJobConfigs");
        return ListQuery.answer(
                call,
                candidates,
                config -> DatasetAnswers.withId(config, "DatasetJobConfigId"),
                config -> DatasetAnswers.pick(DatasetAnswers.withId(config, "DatasetJobConfigId"), item));
    }

    private static Answer update(Call call) {
        jobs(call)
                .updateConfig(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("DatasetJobConfigId"),
                        call.string("WorkspaceId"),
                        call.values());
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        jobs(call)
                .deleteConfig(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("DatasetJobConfigId"),
                        call.string("WorkspaceId"));
        return Answer.empty();
    }
}
