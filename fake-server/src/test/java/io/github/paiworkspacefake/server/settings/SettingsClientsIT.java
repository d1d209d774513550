package io.github.paiworkspacefake.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workspace-settings calls of clients we did not write, replayed call by call with Alibaba Cloud's own Node.js
 * ROA client against a strict fake (src/test/node/settings-flows.js): Terraform's alicloud_pai_workspace_user_config,
 * the PAI Python SDK's {@code pai config} and a DSW session (legacy signature plus {@code x-acs-action}), and the
 * aliyun CLI's first call.
 */
class SettingsClientsIT {

    private static final String KEY_ID = "LTAI5tSettingsFlows";
    private static final String SECRET = "SettingsFlowsSecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();
    private final String workspaceId =
            fake.addWorkspace(WorkspaceSeed.builder("pai_config_ws").build()).workspaceId();

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode run(String flow) throws IOException, InterruptedException {
        Path clients = Path.of(System.getProperty("node.clients", "target/node-clients"));
        Process node = new ProcessBuilder(
                        "node", "settings-flows.js", flow, fake.endpoint(), KEY_ID, SECRET, workspaceId)
                .directory(clients.toFile())
                .start();
        boolean done = node.waitFor(60, TimeUnit.SECONDS);
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node exit; stderr: %s", err).isZero();
        return ApiClient.JSON.readTree(out);
    }

    @Test
    void terraformsUserConfigLifecycleGoesThrough() throws Exception {
        JsonNode steps = run("terraform-user-config");

        assertThat(steps.at("/create/body/RequestId").asText())
                .as("%s", steps.get("create"))
                .isNotBlank();
        JsonNode created = steps.at("/readAfterCreate/body/Configs/0");
        assertThat(created.get("ConfigValue").asText()).isEqualTo("acs:ram::1557000000000001:role/first-role");
        assertThat(created.get("Scope").asText()).isEqualTo("owner");
        assertThat(created.get("CategoryName").asText()).isEqualTo("DataPrivacyConfig");
        assertThat(created.get("ConfigKey").asText()).isEqualTo("customizePAIAssumedRole");
        assertThat(steps.at("/readAfterUpdate/body/Configs/0/ConfigValue").asText())
                .isEqualTo("acs:ram::1557000000000001:role/second-role");
        assertThat(steps.at("/readAfterUpdate/body/Configs")).hasSize(1);
        assertThat(steps.at("/delete/body/RequestId").asText())
                .as("%s", steps.get("delete"))
                .isNotBlank();
        assertThat(steps.at("/readAfterDelete/body/Configs").isArray()).isTrue();
        assertThat(steps.at("/readAfterDelete/body/Configs")).isEmpty();
        assertThat(steps.get("readsUntilEmpty").asInt()).isEqualTo(1);
        assertThat(steps.at("/deleteAgain/body/RequestId").asText()).isNotBlank();
        assertThat(fake.requests(Operation.SetUserConfigs)).hasSize(2);
    }

    @Test
    void thePythonSdksPaiConfigFindsNoStorageAndSetsIt() throws Exception {
        JsonNode steps = run("pai-config");

        assertThat(steps.at("/listWorkspaces/body/Workspaces/0/WorkspaceId").asText())
                .isEqualTo(workspaceId);
        assertThat(steps.at("/listMembers/body/Members/0/Roles/0").asText()).isEqualTo("PAI.WorkspaceOwner");
        assertThat(steps.at("/listConfigsBefore/body/Configs").isArray()).isTrue();
        assertThat(steps.at("/listConfigsBefore/body/Configs")).isEmpty();
        assertThat(steps.at("/updateConfigs/body/RequestId").asText())
                .as("%s", steps.get("updateConfigs"))
                .isNotBlank();
        JsonNode config = steps.at("/listConfigsAfter/body/Configs/0");
        assertThat(config.get("ConfigKey").asText()).isEqualTo("modelExportPath");
        assertThat(config.get("ConfigValue").asText())
                .isEqualTo("oss://pai-bucket.oss-cn-hangzhou-internal.aliyuncs.com/");
        assertThat(fake.requests(Operation.UpdateConfigs))
                .singleElement()
                .satisfies(request -> assertThat(request.headers()).containsEntry("x-acs-action", "UpdateConfigs"));
    }

    @Test
    void aDswSessionReadsTheDefaultStorageAndTheWorkspaceName() throws Exception {
        fake.load("""
                {"workspaces":[],"resources":[{"Type":"Config","Id":"wc-dswsession0001","WorkspaceId":"%s",
                  "Fields":{"WorkspaceId":"%s","CategoryName":"CommonResourceConfig","ConfigKey":"modelExportPath",
                            "ConfigValue":"oss://dsw-bucket.oss-cn-hangzhou-internal.aliyuncs.com/exports/"}}]}
                """.formatted(workspaceId, workspaceId));

        JsonNode steps = run("dsw-session");

        assertThat(steps.at("/listConfigs/body/Configs/0/ConfigValue").asText())
                .isEqualTo("oss://dsw-bucket.oss-cn-hangzhou-internal.aliyuncs.com/exports/");
        assertThat(steps.at("/getWorkspace/body/WorkspaceName").asText()).isEqualTo("pai_config_ws");
        assertThat(fake.requests(Operation.ListConfigs))
                .extracting(RecordedRequest::status)
                .containsExactly(200);
    }

    @Test
    void theClisFirstCallFindsPaiPurchased() throws Exception {
        JsonNode steps = run("cli-products");

        JsonNode product = steps.at("/listProducts/body/Products/0");
        assertThat(product.get("ProductCode").asText()).as("%s", steps).isEqualTo("PAI_share");
        assertThat(product.get("IsPurchased").asBoolean()).isTrue();
        assertThat(product.get("HasPermissionToPurchase").asBoolean()).isTrue();
        assertThat(product.get("PurchaseUrl").asText()).isNotBlank();
    }
}
