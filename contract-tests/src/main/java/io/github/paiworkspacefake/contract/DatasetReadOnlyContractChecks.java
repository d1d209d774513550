package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dataset checks that create nothing: not-found answers for datasets and versions (changes are sent only to a random
 * DatasetId that GetDataset has just answered 404 for), the PAI public datasets, and the default workspace's datasets.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("datasets read-only")
@Order(7)
public class DatasetReadOnlyContractChecks {

    /** The code Terraform's dataset and dataset-version resources read as "gone". */
    static final String DATASET_NOT_FOUND = "201300003";

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** A DatasetId of the reference's form, {@code d-} and 18 lower-case letters and digits, drawn at random. */
    static String unknownDatasetId() {
        StringBuilder id = new StringBuilder("d-");
        for (int i = 0; i < 18; i++) {
            id.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A random DatasetId that GetDataset does not find, checked to be 404 201300003 in the error format. */
    static String absentDatasetId(DatasetApi datasets) {
        String id = unknownDatasetId();
        assertRefused(datasets.getDataset(id), 404, DATASET_NOT_FOUND);
        return id;
    }

    @Test
    @DisplayName("GetDataset: an unknown DatasetId is 404 " + DATASET_NOT_FOUND + " in the error format")
    void anUnknownDatasetIsNotFound(PaiWorkspaceApi api) {
        assertRefused(new DatasetApi(api).getDataset(unknownDatasetId()), 404, DATASET_NOT_FOUND);
    }

    @Test
    @DisplayName("GetDatasetVersion and ListDatasetVersions of an unknown DatasetId are 404 " + DATASET_NOT_FOUND)
    void theVersionsOfAnUnknownDatasetAreNotFound(PaiWorkspaceApi api) {
        DatasetApi datasets = new DatasetApi(api);
        String id = unknownDatasetId();

        assertRefused(datasets.getDatasetVersion(id, "v1"), 404, DATASET_NOT_FOUND);
        assertRefused(datasets.listDatasetVersions(id, "PageNumber", "1", "PageSize", "10"), 404, DATASET_NOT_FOUND);
    }

    @Test
    @DisplayName("UpdateDataset, PublishDataset, CreateDatasetLabels, DeleteDatasetLabels and DeleteDataset of an "
            + "unknown DatasetId are 404 " + DATASET_NOT_FOUND)
    void changesToAnUnknownDatasetAreNotFound(PaiWorkspaceApi api) {
        DatasetApi datasets = new DatasetApi(api);
        String id = absentDatasetId(datasets);

        assertRefused(datasets.updateDataset(id, "{\"Description\":\"nobody's\"}"), 404, DATASET_NOT_FOUND);
        assertRefused(datasets.publishDataset(id), 404, DATASET_NOT_FOUND);
        assertRefused(
                datasets.createDatasetLabels(id, "{\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"),
                404,
                DATASET_NOT_FOUND);
        assertRefused(datasets.deleteDatasetLabels(id, "k"), 404, DATASET_NOT_FOUND);
        assertRefused(datasets.deleteDataset(id), 404, DATASET_NOT_FOUND);
    }

    @Test
    @DisplayName(
            "ListDatasets with Provider=pai and no WorkspaceId lists PAI's public datasets: TotalCount, a Datasets "
                    + "array (empty rather than absent) and pages that agree with it")
    void providerPaiListsThePublicDatasets(PaiWorkspaceApi api) {
        DatasetApi datasets = new DatasetApi(api);

        ApiResponse first =
                datasets.listDatasets("Provider", "pai", "Order", "DESC", "PageNumber", "1", "PageSize", "5");

        JsonNode page = DatasetContractChecks.list(first);
        long total = page.get("TotalCount").asLong();
        assertThat(page.get("Datasets").size())
                .as("%s: items on the first page of 5", first)
                .isEqualTo((int) Math.min(5, total));
        ApiResponse past =
                datasets.listDatasets("Provider", "pai", "PageNumber", Long.toString(total / 5 + 2), "PageSize", "5");
        JsonNode beyond = DatasetContractChecks.list(past);
        assertThat(beyond.get("Datasets")).as("%s: the page past the end", past).isEmpty();
        assertThat(beyond.get("TotalCount").asLong()).as("%s: TotalCount", past).isEqualTo(total);
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.PRESENT)
    @DisplayName("ListDatasets without a WorkspaceId lists the default workspace's datasets, each of that workspace")
    void anOmittedWorkspaceIdListsTheDefaultWorkspace(ContractRun run) {
        DatasetApi datasets = new DatasetApi(run.api());
        String defaultId = run.defaultWorkspace().workspaceId();

        ApiResponse listed = datasets.listDatasets("PageSize", "20");

        JsonNode page = DatasetContractChecks.list(listed);
        assertThat(page.get("TotalCount").asLong())
                .as("%s: TotalCount counts at least the page", listed)
                .isGreaterThanOrEqualTo(page.get("Datasets").size());
        page.get("Datasets")
                .forEach(item -> assertThat(item.path("WorkspaceId").asText(defaultId))
                        .as("%s: WorkspaceId of %s", listed, item.get("DatasetId"))
                        .isEqualTo(defaultId));
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.ABSENT)
    @DisplayName("ListDatasets without a WorkspaceId, on an account without a default workspace, is an error in the "
            + "error format")
    void anOmittedWorkspaceIdWithoutADefaultWorkspaceIsAnError(PaiWorkspaceApi api) {
        assertClientError(new DatasetApi(api).listDatasets());
    }
}
