package io.github.paiworkspacefake.server.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ListSpec;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Paging, sorting and filtering of list operations, as each one's declaration says. */
class ListQueryTest {

    private static final List<Map<String, Object>> ITEMS = new ArrayList<>();

    static {
        String[] names = {"cat", "Dog", "caterpillar", "bird", "catfish"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("Name", names[i]);
            item.put("Rank", (long) (10 - i));
            item.put(
                    "Labels",
                    List.of(
                            Map.of("Key", "system.chipType", "Value", i % 2 == 0 ? "GPU" : "CPU"),
                            Map.of("Key", "k" + i, "Value", "v")));
            ITEMS.add(item);
        }
    }

    /** A list operation as declared, with these filters and sorts added for the test. */
    private static OperationSpec listing(Operation operation, List<ListSpec.FilterSpec> filters) {
        OperationSpec declared = Catalogue.get().operation(operation);
        ListSpec list = declared.list();
        return new OperationSpec(
                declared.operation(),
                declared.family(),
                declared.method(),
                declared.path(),
                declared.summary(),
                declared.parameters(),
                declared.response(),
                new ListSpec(list.styles(), list.itemsField(), 2, 3, 2, Map.of("Rank", "Rank"), null, false, filters),
                declared.why());
    }

    private static Map<String, Object> answer(OperationSpec operation, String query) {
        return answer(operation, Map.of(), query);
    }

    private static Map<String, Object> answer(OperationSpec operation, Map<String, String> path, String query) {
        Call call = CallParser.parse(
                operation,
                new Binding(operation.operation(), c -> Answer.empty(), Map.of()),
                new RequestParts(path, query, null, () -> new byte[0]),
                Account.DEFAULT,
                "R",
                null,
                false);
        return ListQuery.answer(call, ITEMS, Function.identity(), item -> Map.of("Name", item.get("Name")))
                .members();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Map<String, Object> answer, String items) {
        return ((List<Map<String, Object>>) answer.get(items))
                .stream().map(item -> item.get("Name")).toList();
    }

    @Test
    void pagesByNumberWithTheTotalOfAllMatchesAndAnEmptyPagePastTheEnd() {
        OperationSpec datasets = listing(Operation.ListDatasets, List.of());

        Map<String, Object> first = answer(datasets, null);
        Map<String, Object> third = answer(datasets, "PageNumber=3");
        Map<String, Object> past = answer(datasets, "PageNumber=4&PageSize=2");

        assertThat(first).containsEntry("TotalCount", 5);
        assertThat(names(first, "Datasets")).containsExactly("cat", "Dog");
        assertThat(names(third, "Datasets")).containsExactly("catfish");
        assertThat(names(past, "Datasets")).isEmpty();
        assertThat(past).containsEntry("TotalCount", 5);
    }

    @Test
    void refusesAPageSizeBeyondTheDeclaredMaximum() {
        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> answer(listing(Operation.ListDatasets, List.of()), "PageSize=4"));

        assertThat(refused.code()).isEqualTo("InvalidParameter");
        assertThat(refused.getMessage()).contains("\"PageSize\"", "1 to 3");
    }

    @Test
    void pagesByTokenUntilNoNextTokenIsGiven() {
        OperationSpec connections = listing(Operation.ListConnections, List.of());

        Map<String, Object> first = answer(connections, "MaxResults=2");
        Map<String, Object> second = answer(connections, "MaxResults=2&NextToken=" + first.get("NextToken"));
        Map<String, Object> last = answer(connections, "MaxResults=2&NextToken=" + second.get("NextToken"));

        assertThat(names(first, "Connections")).containsExactly("cat", "Dog");
        assertThat(names(second, "Connections")).containsExactly("caterpillar", "bird");
        assertThat(names(last, "Connections")).containsExactly("catfish");
        assertThat(last).doesNotContainKey("NextToken").containsEntry("TotalCount", 5);
    }

    @Test
    void pagesBothWaysWhereTheOperationDoes() {
        OperationSpec experiments = listing(Operation.ListExperiment, List.of());

        assertThat(names(answer(experiments, "PageNumber=2&PageSize=2"), "Experiments"))
                .containsExactly("caterpillar", "bird");
        assertThat(names(answer(experiments, "MaxResults=2&PageToken=2"), "Experiments"))
                .containsExactly("caterpillar", "bird");
    }

    @Test
    void answersNextPageTokenZeroOnTheLastPageOfTokenPaging() {
        OperationSpec metrics = listing(Operation.ListRunMetrics, List.of());

        Map<String, String> run = Map.of("RunId", "run-1");
        Map<String, Object> first = answer(metrics, run, "Key=k&MaxResults=3");
        Map<String, Object> last = answer(metrics, run, "Key=k&MaxResults=3&PageToken=" + first.get("NextPageToken"));
        Map<String, Object> past = answer(metrics, run, "Key=k&MaxResults=3&PageToken=9");

        assertThat(first).containsEntry("NextPageToken", "3");
        assertThat(names(last, "Metrics")).containsExactly("bird", "catfish");
        assertThat(last).containsEntry("NextPageToken", "0");
        assertThat(past).containsEntry("NextPageToken", "0").containsEntry("Metrics", List.of());
    }

    @Test
    void answersTotalCountOnlyWhereTheOperationDeclaresIt() {
        assertThat(answer(listing(Operation.ListRunMetrics, List.of()), Map.of("RunId", "run-1"), "Key=k&MaxResults=2"))
                .doesNotContainKey("TotalCount");
        assertThat(answer(listing(Operation.ListRuns, List.of()), "MaxResults=2"))
                .containsEntry("TotalCount", 5);
    }

    @Test
    void sortsByOrderByTermsInPlaceOfSortByAndOrder() {
        OperationSpec runs = listing(Operation.ListRuns, List.of());

        assertThat(names(answer(runs, "OrderBy=Rank&PageSize=3&SortBy=Name&Order=DESC"), "Runs"))
                .as("ascending unless said; SortBy and Order give way")
                .containsExactly("catfish", "bird", "caterpillar");
        assertThat(names(answer(runs, "OrderBy=Rank%20DESC&PageSize=3"), "Runs"))
                .containsExactly("cat", "Dog", "caterpillar");
        assertThat(catchThrowableOfType(ApiException.class, () -> answer(runs, "OrderBy=Color"))
                        .getMessage())
                .contains("\"OrderBy\"", "Rank");
        assertThat(catchThrowableOfType(ApiException.class, () -> answer(runs, "OrderBy=Rank%20UP"))
                        .code())
                .isEqualTo("InvalidParameter");
    }

    @Test
    void sortsByTheDeclaredMemberInEitherOrder() {
        OperationSpec datasets = listing(Operation.ListDatasets, List.of());

        assertThat(names(answer(datasets, "SortBy=Rank&Order=ASC&PageSize=3"), "Datasets"))
                .containsExactly("catfish", "bird", "caterpillar");
        assertThat(names(answer(datasets, "SortBy=Rank&Order=DESC&PageSize=3"), "Datasets"))
                .containsExactly("cat", "Dog", "caterpillar");
    }

    @Test
    void filtersAsDeclared() {
        OperationSpec contains = listing(
                Operation.ListModels,
                List.of(new ListSpec.FilterSpec("ModelName", "Name", ListSpec.Match.QUOTED_EXACT_OR_CONTAINS)));
        OperationSpec labels = listing(
                Operation.ListImages, List.of(new ListSpec.FilterSpec("Labels", "Labels", ListSpec.Match.LABELS_ALL)));

        assertThat(names(answer(contains, "ModelName=CAT&PageSize=3"), "Models"))
                .containsExactly("cat", "caterpillar", "catfish");
        assertThat(names(answer(contains, "ModelName=%22cat%22"), "Models")).containsExactly("cat");
        assertThat(names(answer(labels, "Labels=system.chipType%3DGPU&PageSize=3"), "Images"))
                .containsExactly("cat", "caterpillar", "catfish");
        assertThat(names(answer(labels, "Labels=system.chipType%3D*,k1%3Dv"), "Images"))
                .containsExactly("Dog");
        assertThat(names(answer(labels, "Labels=system.chipType%3DTPU"), "Images"))
                .isEmpty();
    }

    @Test
    void theItemsMemberIsPresentWhenNothingMatches() {
        OperationSpec contains = listing(
                Operation.ListModels, List.of(new ListSpec.FilterSpec("ModelName", "Name", ListSpec.Match.CONTAINS)));

        Map<String, Object> answer = answer(contains, "ModelName=zebra");

        assertThat(answer).containsEntry("Models", List.of()).containsEntry("TotalCount", 0);
        assertThat(new String(AnswerRenderer.render(contains, "R", Answer.of(answer)), StandardCharsets.UTF_8))
                .contains("\"Models\":[]", "\"TotalCount\":0");
    }
}
