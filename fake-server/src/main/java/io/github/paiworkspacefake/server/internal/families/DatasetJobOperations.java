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

/**
 * The DatasetJob family: jobs on a dataset, which the fake records and never runs (see {@link DatasetJobService} for
 * the statuses they take).
 */
final class DatasetJobOperations implements OperationFamily {

    @Override
    public String family() {
        return "DatasetJob";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateDatasetJob, DatasetJobOperations::create);
        binder.serve(Operation.GetDatasetJob, DatasetJobOperations::get);
        binder.serve(Operation.ListDatasetJobs, DatasetJobOperations::list);
        binder.serve(Operation.UpdateDatasetJob, DatasetJobOperations::update);
        binder.serve(Operation.DeleteDatasetJob, DatasetJobOperations::delete);
        binder.serve(Operation.StopDatasetJob, DatasetJobOperations::stop);
    }

    private static DatasetJobService jobs(Call call) {
        return new DatasetJobService(call.fake());
    }

    private static Answer create(Call call) {
        Resource job = jobs(call).createJob(call.caller(), call.path("DatasetId"), call.values());
        return Answer.empty().put("DatasetJobId", job.id());
    }

    private static Answer get(Call call) {
        Resource job = jobs(call)
                .job(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("DatasetJobId"),
                        call.string("DatasetVersion"),
                        call.string("WorkspaceId"));
        Map<String, Object> view = DatasetAnswers.withId(job, "DatasetJobId");
        view.putIfAbsent("Logs", List.of());
        return DatasetAnswers.of(call.operation(), view);
    }

    /** ListDatasetJobs: newest first by default; Logs only with {@code WithLogs=true}. */
    private static Answer list(Call call) {
        DatasetAnswers.requireSortable(call);
        List<Resource> candidates = jobs(call).jobs(call.caller(), call.path("DatasetId"), call.string("WorkspaceId"));
        List<FieldSpec> item = DatasetAnswers.items(call.operation(), "DatasetJobs");
        boolean withLogs = call.isTrue("WithLogs");
        return ListQuery.answer(
                call,
                candidates,
                job -> DatasetAnswers.sortable(DatasetAnswers.withId(job, "DatasetJobId"), "CreateTime", "FinishTime"),
                job -> {
                    Map<String, Object> view = DatasetAnswers.withId(job, "DatasetJobId");
                    if (withLogs) {
                        view.putIfAbsent("Logs", List.of());
                    } else {
                        view.remove("Logs");
                    }
                    return DatasetAnswers.pick(view, item);
                });
    }

    private static Answer update(Call call) {
        jobs(call)
                .updateJob(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("DatasetJobId"),
                        call.string("DatasetVersion"),
                        call.string("WorkspaceId"),
                        call.values());
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        jobs(call).deleteJob(call.caller(), call.path("DatasetId"), call.path("DatasetJobId"));
        return Answer.empty();
    }

    private static Answer stop(Call call) {
        jobs(call)
                .stopJob(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("DatasetJobId"),
                        call.string("DatasetVersion"),
                        call.string("WorkspaceId"));
        return Answer.empty();
    }
}
