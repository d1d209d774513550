package io.github.paiworkspacefake.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.OpenApiRequest;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agent runtime's one AIWorkSpace call (agentscope-runtime's PAI deployer, get_workspace_default_oss_storage_path):
 * ListConfigs for modelExportPath through the public SDK's runtime, tea-openapi with V3 signatures, against a strict
 * fake; it iterates {@code Configs} and parses the value as {@code oss://bucket/key}.
 */
class AgentRuntimeListConfigsTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
            .accessKey("LTAI5tAgentRuntime", "agent-runtime-secret")
            .build()
            .start();
    private final OfficialSdk sdk = new OfficialSdk(fake.endpoint(), "LTAI5tAgentRuntime", "agent-runtime-secret");
    private final String workspaceId =
            fake.addWorkspace(WorkspaceSeed.builder("agent_ws").build()).workspaceId();

    @AfterEach
    void stop() {
        fake.close();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listConfigs() throws Exception {
        Map<String, Object> body = OfficialSdk.body(sdk.call(
                OfficialSdk.params("ListConfigs", "GET", "/api/v1/workspaces/" + workspaceId + "/configs"),
                new OpenApiRequest().setQuery(Map.of("ConfigKeys", "modelExportPath"))));
        return (List<Map<String, Object>>) body.get("Configs");
    }

    @Test
    void theDefaultOssPathIsReadAsTheAgentRuntimeReadsIt() throws Exception {
        assertThat(listConfigs()).isEmpty();
        sdk.call(
                OfficialSdk.params("UpdateConfigs", "PUT", "/api/v1/workspaces/" + workspaceId + "/configs"),
                new OpenApiRequest()
                        .setBody(Map.of(
                                "Configs",
                                List.of(Map.of(
                                        "ConfigKey", "modelExportPath", "ConfigValue", "oss://agents/deployments/")))));

        Map<String, Object> config = listConfigs().get(0);

        assertThat(config).containsEntry("ConfigKey", "modelExportPath");
        URI uri = URI.create((String) config.get("ConfigValue"));
        assertThat(uri.getScheme()).isEqualTo("oss");
        assertThat(uri.getHost()).isEqualTo("agents");
        assertThat(uri.getPath()).isEqualTo("/deployments/");
    }
}
