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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The DatasetVersion family: a dataset's versions, named {@code v1}, {@code v2}, ... by the fake, and their labels. The
 * rules live in {@link DatasetService}.
 */
final class DatasetVersionOperations implements OperationFamily {

    @Override
    public String family() {
        return "DatasetVersion";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateDatasetVersion, DatasetVersionOperations::create);
        binder.serve(Operation.GetDatasetVersion, DatasetVersionOperations::get);
        binder.serve(Operation.ListDatasetVersions, DatasetVersionOperations::list);
        binder.serve(Operation.UpdateDatasetVersion, DatasetVersionOperations::update);
        binder.serve(Operation.DeleteDatasetVersion, DatasetVersionOperations::delete);
        binder.serve(Operation.CreateDatasetVersionLabels, DatasetVersionOperations::createLabels);
        binder.serve(Operation.DeleteDatasetVersionLabels, DatasetVersionOperations::deleteLabels);
    }

    private static DatasetService datasets(Call call) {
        return new DatasetService(call.fake());
    }

    private static Answer create(Call call) {
        Resource version = datasets(call).createVersion(call.caller(), call.path("DatasetId"), call.values());
        return Answer.empty().put("VersionName", version.id());
    }

    private static Answer get(Call call) {
        DatasetService datasets = datasets(call);
        Resource dataset = datasets.readable(call.caller(), call.path("DatasetId"));
        Resource version = datasets.version(dataset, call.path("VersionName"));
        return DatasetAnswers.of(call.operation(), datasets.versionView(dataset, version));
    }

    /**
     * ListDatasetVersions: the catalogue's filters, sort and paging, and LabelKeys and LabelValues: a version matches
     * when one of its label keys (values) contains one of the comma-separated strings, in any case.
     */
    private static Answer list(Call call) {
        DatasetService datasets = datasets(call);
        Resource dataset = datasets.readable(call.caller(), call.path("DatasetId"));
        Optional<List<String>> keys = call.strings("LabelKeys");
        Optional<List<String>> values = call.strings("LabelValues");
        List<Resource> candidates = datasets.versions(dataset).stream()
                .filter(version -> keys.isEmpty() || anyLabelContains(version, "Key", keys.get()))
                .filter(version -> values.isEmpty() || anyLabelContains(version, "Value", values.get()))
                .toList();
        List<FieldSpec> item = DatasetAnswers.items(call.operation(), "DatasetVersions");
        Function<Resource, Map<String, Object>> view = version -> datasets.versionView(dataset, version);
        return ListQuery.answer(
                call,
                candidates,
                version -> DatasetAnswers.sortable(view.apply(version), "GmtCreateTime", "GmtModifiedTime"),
                version -> DatasetAnswers.pick(view.apply(version), item));
    }

    private static boolean anyLabelContains(Resource version, String member, List<String> wanted) {
        Stream<String> texts = version.labels().stream().map(label -> String.valueOf(label.get(member)));
        return texts.anyMatch(text -> wanted.stream()
                .anyMatch(part -> text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT))));
    }

    private static Answer update(Call call) {
        datasets(call).updateVersion(call.caller(), call.path("DatasetId"), call.path("VersionName"), call.values());
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        datasets(call).deleteVersion(call.caller(), call.path("DatasetId"), call.path("VersionName"));
        return Answer.empty();
    }

    /** CreateDatasetVersionLabels (a PUT): each label set where its key stands, new keys appended in order. */
    private static Answer createLabels(Call call) {
        datasets(call)
                .addVersionLabels(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("VersionName"),
                        call.objects("Labels").orElse(List.of()));
        return Answer.empty();
    }

    private static Answer deleteLabels(Call call) {
        datasets(call)
                .removeVersionLabels(
                        call.caller(),
                        call.path("DatasetId"),
                        call.path("VersionName"),
                        call.strings("Keys").orElse(List.of()));
        return Answer.empty();
    }
}
