package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.domain.datasets.DatasetFileMetaService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.List;
import java.util.Map;

/**
 * The DatasetFileMeta family: the file metadata of an ADVANCED or LOGICAL dataset's versions, in batches, with the
 * statistics computed from what is stored. The rules live in {@link DatasetFileMetaService}.
 */
final class DatasetFileMetaOperations implements OperationFamily {

    private static final String NO_RETRIEVAL =
            "the fake has no semantic or vector retrieval: it filters by names, directories, types, tags and times.";

    @Override
    public String family() {
        return "DatasetFileMeta";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateDatasetFileMetas, DatasetFileMetaOperations::create);
        binder.serve(Operation.GetDatasetFileMeta, DatasetFileMetaOperations::get);
        binder.serve(Operation.ListDatasetFileMetas, DatasetFileMetaOperations::list)
                .notHonouring("QueryText", NO_RETRIEVAL)
                .notHonouring("QueryImage", NO_RETRIEVAL)
                .notHonouring("QueryVideo", NO_RETRIEVAL)
                .notHonouring("ScoreThreshold", NO_RETRIEVAL)
                .notHonouring("TopK", NO_RETRIEVAL)
                .notHonouring(
                        "QueryExpression",
                        "the fake does not read the query language; use the Query* filters, which it applies.")
                .notHonouring("ThumbnailMode", "the fake makes no thumbnails (items carry no ThumbnailUrl).")
                .notHonouring(
                        "PageSize",
                        "the reference retires it in favour of MaxResults with NextToken, which the fake honours.");
        binder.serve(Operation.UpdateDatasetFileMetas, DatasetFileMetaOperations::update);
        binder.serve(Operation.DeleteDatasetFileMetas, DatasetFileMetaOperations::delete);
        binder.serve(Operation.GetDatasetFileMetasStatistics, DatasetFileMetaOperations::statistics);
    }

    private static DatasetFileMetaService fileMetas(Call call) {
        return new DatasetFileMetaService(call.fake());
    }

    private static Answer create(Call call) {
        DatasetFileMetaService.Outcome outcome = fileMetas(call)
                .create(
                        call.caller(),
                        call.path("DatasetId"),
                        call.requiredString("WorkspaceId"),
                        call.requiredString("DatasetVersion"),
                        call.objects("DatasetFileMetas").orElse(List.of()));
        return Answer.empty()
                .put("Status", outcome.status())
                .put("SucceedDetails", details(outcome.succeeded()))
                .put("FailedDetails", details(outcome.failed()));
    }

    private static Answer get(Call call) {
        Resource dataset =
                fileMetas(call).dataset(call.caller(), call.path("DatasetId"), call.string("WorkspaceId"), false);
        Resource meta = fileMetas(call)
                .get(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("DatasetFileMetaId"),
                        call.string("DatasetVersion"),
                        call.string("WorkspaceId"));
        return Answer.empty()
                .put(
                        "DatasetFileMeta",
                        DatasetAnswers.pick(
                                DatasetAnswers.withId(meta, "DatasetFileMetaId"),
                                DatasetAnswers.object(call.operation(), "DatasetFileMeta")))
                .put("DatasetId", dataset.id())
                .put("DatasetVersion", meta.field("DatasetVersion"))
                .put("WorkspaceId", dataset.workspaceId());
    }

    /** ListDatasetFileMetas: the reference's filters, sorted by the file times, paged by MaxResults and NextToken. */
    private static Answer list(Call call) {
        String workspaceId = call.requiredString("WorkspaceId");
        String versionName = call.requiredString("DatasetVersion");
        boolean tagsApply = !call.string("QueryType").orElse("MIX").equals("VECTOR");
        DatasetFileMetaService.Query query = new DatasetFileMetaService.Query(
                call.string("Status"),
                call.strings("DatasetFileMetaIds"),
                call.strings("QueryFileTypeIncludeAny"),
                call.strings("QueryContentTypeIncludeAny"),
                tagsApply,
                call.strings("QueryTagsIncludeAny"),
                call.strings("QueryTagsIncludeAll"),
                call.strings("QueryTagsExclude"),
                call.string("StartFileUpdateTime"),
                call.string("EndFileUpdateTime"),
                call.string("StartTagUpdateTime"),
                call.string("EndTagUpdateTime"));
        List<Resource> candidates =
                fileMetas(call).list(call.caller(), call.path("DatasetId"), workspaceId, versionName, query);
        List<FieldSpec> item = DatasetAnswers.items(call.operation(), "DatasetFileMetas");
        Answer answer = ListQuery.answer(
                call,
                candidates,
                meta -> DatasetAnswers.sortable(
                        DatasetAnswers.withId(meta, "DatasetFileMetaId"), "FileCreateTime", "FileUpdateTime"),
                meta -> DatasetAnswers.pick(DatasetAnswers.withId(meta, "DatasetFileMetaId"), item));
        return answer.put("DatasetId", call.path("DatasetId"))
                .put("DatasetVersion", versionName)
                .put("WorkspaceId", workspaceId)
                .put("PageSize", answer.members().get("MaxResults"));
    }

    private static Answer update(Call call) {
        DatasetFileMetaService.Outcome outcome = fileMetas(call)
                .update(
                        call.caller(),
                        call.path("DatasetId"),
                        call.string("WorkspaceId"),
                        call.string("DatasetVersion").filter(name -> !name.isEmpty()),
                        call.string("TagJobId").filter(id -> !id.isEmpty()),
                        call.objects("DatasetFileMetas").orElse(List.of()));
        return Answer.empty().put("Status", outcome.status()).put("FailedDetails", details(outcome.failed()));
    }

    private static Answer delete(Call call) {
        DatasetFileMetaService.Outcome outcome = fileMetas(call)
                .delete(
                        call.caller(),
                        call.path("DatasetId"),
                        call.string("WorkspaceId"),
                        call.string("DatasetVersion"),
                        call.strings("DatasetFileMetaIds").orElse(List.of()));
        return Answer.empty().put("Status", outcome.status()).put("FailedDetails", details(outcome.failed()));
    }

    private static Answer statistics(Call call) {
        DatasetFileMetaService.Statistics statistics = fileMetas(call)
                .statistics(
                        call.caller(),
                        call.path("DatasetId"),
                        call.requiredString("WorkspaceId"),
                        call.requiredString("DatasetVersion"),
                        call.string("AggregateBy"),
                        (int) call.number("MaxResults", 10));
        Answer answer = Answer.empty().put("TotalCount", statistics.totalCount());
        if (call.string("AggregateBy").isPresent()) {
            answer.put(
                    "DatasetFileMetasStats",
                    statistics.counts().stream()
                            .map(entry -> Maps.ordered("Count", entry.getValue(), "Key", entry.getKey()))
                            .toList());
        }
        return answer;
    }

    private static List<Map<String, Object>> details(List<DatasetFileMetaService.Detail> details) {
        return details.stream()
                .map(detail -> Maps.ordered(
                        "DatasetFileMetaId", detail.datasetFileMetaId(),
                        "Result", detail.result(),
                        "Uri", detail.uri()))
                .toList();
    }
}
