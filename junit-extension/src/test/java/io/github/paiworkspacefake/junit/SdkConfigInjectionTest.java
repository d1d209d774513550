package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teautil.models.RuntimeOptions;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A test declares a Config and gets the official SDK pointed at its fake, as the README shows. */
@WithFakePaiWorkspace
class SdkConfigInjectionTest {

    @Test
    void injectedConfigPointsTheSdkAtTheFake(Config config, PaiWorkspaceFake fake) throws Exception {
        Client client = new Client(config);

        Map<String, ?> created = client.callApi(
                OfficialSdk.params("CreateWorkspace", "POST", "/api/v1/workspaces"),
                new OpenApiRequest()
                        .setBody(Map.of("WorkspaceName", "via_sdk", "Description", "d", "EnvTypes", List.of("prod"))),
                new RuntimeOptions());
        String id = (String) ((Map<?, ?>) created.get("body")).get("WorkspaceId");
        Map<String, ?> got = client.callApi(
                OfficialSdk.params("GetWorkspace", "GET", "/api/v1/workspaces/" + id),
                new OpenApiRequest(),
                new RuntimeOptions());

        assertThat(((Map<?, ?>) got.get("body")).get("WorkspaceName")).isEqualTo("via_sdk");
        assertThat(config.getEndpoint()).isEqualTo(fake.endpoint());
        assertThat(config.getRegionId()).isEqualTo(fake.regionId());
    }

    @Test
    @WithFakePaiWorkspace(accessKeys = "LTAI5tStrictKey:StrictSecret")
    void injectedConfigCarriesTheCredentialsAStrictFakeAccepts(Config config, PaiWorkspaceFake fake) throws Exception {
        Map<String, ?> got = new Client(config)
                .callApi(
                        OfficialSdk.params("CreateDefaultWorkspace", "POST", "/api/v1/defaultWorkspaces"),
                        new OpenApiRequest().setBody(Map.of()),
                        new RuntimeOptions());

        assertThat(got.get("statusCode")).isEqualTo(200);
        assertThat(config.getAccessKeyId()).isEqualTo("LTAI5tStrictKey");
        assertThat(fake.requiresSignatures()).isTrue();
    }
}
