package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official SDK's runtime, configured by the injected Config, talks to the seeded fake. */
@WithFakePaiWorkspace(seed = "seeds/team.json")
class SdkConfigTest {

    private static Params params(String action, String method, String path) {
        return new Params()
                .setAction(action)
                .setVersion("2021-02-04")
                .setProtocol("HTTPS")
                .setPathname(path)
                .setMethod(method)
                .setAuthType("AK")
                .setStyle("ROA")
                .setReqBodyType("json")
                .setBodyType("json");
    }

    @Test
    void theSdkReadsAndCreatesThroughTheInjectedConfig(Config config, PaiWorkspaceFake fake) throws Exception {
        Client client = new Client(config);

        Map<String, ?> read = client.callApi(
                params("GetWorkspace", "GET", "/api/v1/workspaces/7001"), new OpenApiRequest(), new RuntimeOptions());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) read.get("body");
        assertThat(body).containsEntry("WorkspaceName", "team_ws").containsEntry("IsDefault", true);

        client.callApi(
                params("CreateWorkspace", "POST", "/api/v1/workspaces"),
                new OpenApiRequest()
                        .setBody(Map.of(
                                "WorkspaceName",
                                "from_sdk",
                                "Description",
                                "made by the SDK",
                                "EnvTypes",
                                java.util.List.of("prod"))),
                new RuntimeOptions());
        assertThat(fake.workspaces()).extracting(Workspace::workspaceName).contains("from_sdk");
    }
}
