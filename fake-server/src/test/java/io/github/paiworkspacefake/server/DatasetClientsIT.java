package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real clients' dataset flows (../shared/client-flows.md), replayed call by call with the exact bodies through
 * {@code @alicloud/pop-core}'s ROA client against a strict fake (src/test/node/dataset-flows.js): Terraform's
 * {@code alicloud_pai_workspace_dataset} and {@code alicloud_pai_workspace_datasetversion} with the legacy signature,
 * and the PAI Python SDK's public-dataset listing and lineage lookup with the legacy signature plus
 * {@code x-acs-action}. Each step's answer is read back as the client reads it.
 */
class DatasetClientsIT {

    private static final String KEY_ID = "LTAI5tDatasetFlows";
    private static final String SECRET = "DatasetFlowsSecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode runFlow(String flow, String argument) throws IOException, InterruptedException {
        Path clients = Path.of(System.getProperty("node.clients", "target/node-clients"));
        Process node = new ProcessBuilder("node", "dataset-flows.js", flow, fake.endpoint(), KEY_ID, SECRET, argument)
                .directory(clients.toFile())
                .start();
        boolean done = node.waitFor(60, TimeUnit.SECONDS);
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node exit; stderr: %s", err).isZero();
        return ApiClient.JSON.readTree(out);
    }

    private static List<String> keys(JsonNode labels) {
        List<String> keys = new ArrayList<>();
        labels.forEach(label -> keys.add(label.get("Key").asText()));
        return keys;
    }

    private String workspace() {
        return fake.addWorkspace(Workspace.builder("tf_dataset_ws").build()).workspaceId();
    }

    @Test
    void terraformsDatasetResourceCreatesReadsUpdatesAndDeletes() throws Exception {
        String workspaceId = workspace();

        JsonNode steps = runFlow("terraform-dataset", workspaceId);

        String id = steps.at("/create/body/DatasetId").asText();
        assertThat(id).as("%s", steps.get("create")).startsWith("d-");
        JsonNode read = steps.at("/read/body");
        assertThat(read.get("Name").asText()).isEqualTo("tf_testacc_dataset");
        assertThat(read.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(read.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/\"}");
        assertThat(read.get("Description").asText()).isEqualTo("数据集的描述");
        assertThat(read.get("DataType").asText()).isEqualTo("PIC");
        assertThat(read.get("SourceType").asText()).isEqualTo("ITAG");
        assertThat(read.get("SourceId").asText()).isEqualTo("d-xxxxx_v1");
        assertThat(read.get("UserId").asText()).isEqualTo("1511928242963727");
        assertThat(read.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(read.get("Property").asText()).isEqualTo("DIRECTORY");
        assertThat(read.get("DataSourceType").asText()).isEqualTo("NAS");
        assertThat(read.get("Uri").asText()).isEqualTo("nas://086b649545.cn-hangzhou/");
        assertThat(read.get("GmtCreateTime").asText()).isNotBlank();
        assertThat(keys(read.get("Labels"))).containsExactly("key1", "key2", "key3");
        assertThat(steps.at("/publish/body/RequestId").asText())
                .as("%s", steps.get("publish"))
                .isNotBlank();
        assertThat(steps.at("/update/body/RequestId").asText())
                .as("%s", steps.get("update"))
                .isNotBlank();
        assertThat(steps.at("/deleteLabels/body/RequestId").asText())
                .as("%s", steps.get("deleteLabels"))
                .isNotBlank();
        JsonNode updated = steps.at("/readAfterUpdate/body");
        assertThat(updated.get("Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(updated.get("Name").asText()).isEqualTo("tf_testacc_dataset_update");
        assertThat(updated.get("Description").asText()).isEqualTo("新的描述 update");
        assertThat(updated.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/update/\"}");
        assertThat(keys(updated.get("Labels"))).containsExactly("key_new");
        assertThat(steps.at("/createNoLabels/body/RequestId").asText())
                .as("%s", steps.get("createNoLabels"))
                .isNotBlank();
        assertThat(steps.at("/readWithoutLabels/body/Labels")).isEmpty();
        assertThat(steps.at("/delete/body/RequestId").asText())
                .as("%s", steps.get("delete"))
                .isNotBlank();
        assertThat(steps.at("/readAfterDelete/error/code").asText()).isEqualTo("201300003");
        assertThat(steps.at("/readAfterDelete/error/status").asInt()).isEqualTo(404);
        assertThat(fake.datasets().list(workspaceId)).isEmpty();
        assertThat(fake.requests(Operation.DeleteDatasetLabels)).allSatisfy(request -> {
            assertThat(request.body()).contains("\"DatasetId\":\"" + id + "\"");
            assertThat(request.status()).isEqualTo(200);
        });
        assertThat(fake.requests())
                .allSatisfy(request -> assertThat(request.headers()).doesNotContainKey("x-acs-action"));
    }

    @Test
    void terraformsDatasetVersionResourceCreatesReadsUpdatesAndDeletes() throws Exception {
        String workspaceId = workspace();
        Dataset dataset = fake.datasets()
                .add(DatasetSeed.builder("catdog", "oss://ai4d-q9lgxlpwxzqluij66y.oss-cn-hangzhou.aliyuncs.com/")
                        .workspaceId(workspaceId)
                        .build());

        JsonNode steps = runFlow("terraform-datasetversion", dataset.datasetId());

        assertThat(steps.at("/create/body/VersionName").asText())
                .as("%s", steps.get("create"))
                .isEqualTo("v2");
        JsonNode read = steps.at("/read/body");
        assertThat(read.get("DatasetId").asText()).isEqualTo(dataset.datasetId());
        assertThat(read.get("VersionName").asText()).isEqualTo("v2");
        assertThat(read.get("Uri").asText())
                .isEqualTo("oss://ai4d-q9lgxlpwxzqluij66y.oss-cn-hangzhou.aliyuncs.com/catdog.json");
        assertThat(read.get("Property").asText()).isEqualTo("FILE");
        assertThat(read.get("DataSourceType").asText()).isEqualTo("OSS");
        assertThat(read.get("SourceType").asText()).isEqualTo("USER");
        assertThat(read.get("SourceId").asText()).isEqualTo("d-a0xbe5n03bhqof46ce");
        assertThat(read.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/\"}");
        assertThat(read.get("DataSize").asLong()).isEqualTo(2068);
        assertThat(read.get("DataCount").asLong()).isEqualTo(1000);
        assertThat(read.get("Description").asText()).isEqualTo("version description");
        assertThat(read.get("GmtCreateTime").asText()).isNotBlank();
        assertThat(keys(read.get("Labels"))).containsExactly("k1", "k0");
        JsonNode updated = steps.at("/readAfterUpdate/body");
        assertThat(updated.get("DataSize").asLong()).isEqualTo(5096);
        assertThat(updated.get("DataCount").asLong()).isEqualTo(1001);
        assertThat(updated.get("Description").asText()).isEqualTo("updated description");
        assertThat(updated.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/v2/\"}");
        assertThat(steps.at("/delete/body/RequestId").asText())
                .as("%s", steps.get("delete"))
                .isNotBlank();
        assertThat(steps.at("/readAfterDelete/error/code").asText()).isEqualTo("201300003");
        assertThat(steps.at("/readAfterDelete/error/status").asInt()).isEqualTo(404);
        assertThat(fake.datasets().versions(dataset.datasetId()))
                .extracting(DatasetVersion::versionName)
                .containsExactly("v1");
    }

    @Test
    void thePythonSdkListsPublicDatasetsAndLooksOneUpForLineage() throws Exception {
        Dataset mnist = fake.datasets()
                .addPublic(DatasetSeed.builder("mnist", "oss://pai-public-data.oss-cn-hangzhou.aliyuncs.com/mnist/")
                        .dataType("PIC")
                        .build());
        fake.addWorkspace(Workspace.builder("private_ws").build());

        JsonNode steps = runFlow("python-sdk", "");

        JsonNode listed = steps.at("/listCommon/body");
        assertThat(listed.get("TotalCount").asLong())
                .as("%s", steps.get("listCommon"))
                .isEqualTo(1);
        assertThat(listed.get("Datasets")).hasSize(1);
        assertThat(listed.at("/Datasets/0/DatasetId").asText()).isEqualTo(mnist.datasetId());
        JsonNode lineage = steps.at("/lineage/body");
        assertThat(lineage.get("Provider").asText()).isEqualTo("pai");
        assertThat(lineage.get("Name").asText()).isEqualTo("mnist");
        assertThat(lineage.get("Uri").asText()).isEqualTo("oss://pai-public-data.oss-cn-hangzhou.aliyuncs.com/mnist/");
        assertThat(steps.at("/listCommonByName/body/Datasets/0/Name").asText()).isEqualTo("mnist");
        assertThat(fake.requests(Operation.ListDatasets))
                .allSatisfy(request -> assertThat(request.headers()).containsEntry("x-acs-action", "ListDatasets"));
        assertThat(fake.requests(Operation.GetDataset))
                .singleElement()
                .satisfies(request -> assertThat(request.headers()).containsEntry("x-acs-action", "GetDataset"));
    }
}
