package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documentation samples users copy, through tea-openapi (the generated SDK's runtime, V3 signature) against a
 * strict fake: the DLC sample's ListDatasets then CreateDataset, and the JindoFuse page's read-modify-write of a
 * dataset's Options through GetDataset and UpdateDataset.
 */
class OfficialSdkDatasetsTest {

    private static final String KEY_ID = "LTAI5tSdkDatasets";
    private static final String SECRET = "SdkDatasetsSecret";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();
    private final OfficialSdk sdk = new OfficialSdk(fake.endpoint(), KEY_ID, SECRET);
    private String workspaceId;

    @BeforeEach
    void workspace() {
        workspaceId = fake.addWorkspace(Workspace.builder("dlc_ws").build()).workspaceId();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Map<String, Object> listDatasets(Map<String, String> query) throws Exception {
        return OfficialSdk.body(sdk.call(
                OfficialSdk.params("ListDatasets", "GET", "/api/v1/datasets"), new OpenApiRequest().setQuery(query)));
    }

    private Map<String, Object> getDataset(String id) throws Exception {
        return OfficialSdk.body(
                sdk.call(OfficialSdk.params("GetDataset", "GET", "/api/v1/datasets/" + id), new OpenApiRequest()));
    }

    private String createNasDataset() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("WorkspaceId", workspaceId);
        body.put("Name", "example-nas-data");
        body.put("DataType", "COMMON");
        body.put("DataSourceType", "NAS");
        body.put("Property", "DIRECTORY");
        body.put("Uri", "nas://09f****f2.cn-hangzhou/");
        body.put("Accessibility", "PRIVATE");
        body.put("SourceType", "USER");
        body.put("Options", "{\"mountPath\": \"/mnt/data/nas\"}");
        return (String) OfficialSdk.body(sdk.call(
                        OfficialSdk.params("CreateDataset", "POST", "/api/v1/datasets"),
                        new OpenApiRequest().setBody(body)))
                .get("DatasetId");
    }

    @Test
    void theDlcSampleListsThenCreatesItsNasDataset() throws Exception {
        Map<String, String> query =
                Map.of("WorkspaceId", workspaceId, "Name", "example-nas-data", "Properties", "DIRECTORY");

        Map<String, Object> before = listDatasets(query);
        String id = createNasDataset();
        Map<String, Object> after = listDatasets(query);

        assertThat(((Number) before.get("TotalCount")).longValue()).isZero();
        assertThat((List<?>) before.get("Datasets")).isEmpty();
        assertThat(id).startsWith("d-");
        assertThat(((Number) after.get("TotalCount")).longValue()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) after.get("Datasets")).get(0);
        assertThat(item).containsEntry("DatasetId", id).containsEntry("Options", "{\"mountPath\": \"/mnt/data/nas\"}");
    }

    @Test
    void theJindoFuseSampleReadsModifiesAndWritesOptionsBack() throws Exception {
        String id = createNasDataset();

        ObjectNode options =
                (ObjectNode) ApiClient.JSON.readTree((String) getDataset(id).get("Options"));
        options.put("fs.jindo.args", "-oattr_timeout=7200 -oentry_timeout=7200 -onegative_timeout=7200");
        options.put("fs.oss.download.thread.concurrency", "128");
        options.put("fs.jindo.fuse.pod.image.tag", "6.7.0");
        String written = ApiClient.JSON.writeValueAsString(options);
        Map<String, ?> updated = sdk.call(
                OfficialSdk.params("UpdateDataset", "PUT", "/api/v1/datasets/" + id),
                new OpenApiRequest().setBody(Map.of("Options", written)));

        assertThat(updated.get("statusCode")).isEqualTo(200);
        Map<String, Object> read = getDataset(id);
        assertThat(read.get("Options")).isEqualTo(written);
        assertThat(ApiClient.JSON
                        .readTree((String) read.get("Options"))
                        .get("mountPath")
                        .asText())
                .isEqualTo("/mnt/data/nas");
        assertThat(read).containsEntry("Name", "example-nas-data");
    }

    @Test
    void aDatasetThatIsGoneIsATeaExceptionWithTheNotFoundCode() throws Exception {
        String id = createNasDataset();
        sdk.call(OfficialSdk.params("DeleteDataset", "DELETE", "/api/v1/datasets/" + id), new OpenApiRequest());

        TeaException gone = catchThrowableOfType(TeaException.class, () -> getDataset(id));

        assertThat(gone.getStatusCode()).isEqualTo(404);
        assertThat(gone.getCode()).isEqualTo("201300003");
        assertThat(gone.getMessage()).contains("Dataset not exists");
    }
}
