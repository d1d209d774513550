package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients we did not write, on the wire: Alibaba Cloud's Node.js runtimes drive a Terraform-style workspace lifecycle
 * against a strict fake (src/test/node/flow.js) with V3 signatures ({@code @alicloud/openapi-client}, what the
 * TypeScript SDK sends) and the legacy ROA signature ({@code @alicloud/openapi-client} with signature algorithm v2, and
 * {@code @alicloud/pop-core}'s ROAClient).
 */
class NodeClientsIT {

    private static final String KEY_ID = "LTAI5tNodeClient";
    private static final String SECRET = "NodeClientSecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();

    {
        fake.addUser("210000000000000001", "alice");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode runFlow(String kind, String workspaceName) throws IOException, InterruptedException {
        Path clients = Path.of(System.getProperty("node.clients", "target/node-clients"));
        Process node = new ProcessBuilder("node", "flow.js", kind, fake.endpoint(), KEY_ID, SECRET, workspaceName)
                .directory(clients.toFile())
                .redirectErrorStream(false)
                .start();
        boolean done = node.waitFor(60, TimeUnit.SECONDS);
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node exit; stderr: %s", err).isZero();
        assertThat(Files.isDirectory(clients.resolve("node_modules"))).isTrue();
        return ApiClient.JSON.readTree(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "roa", "pop-core"})
    void aTerraformStyleLifecycleWorksWithAlibabasNodeRuntimes(String kind) throws Exception {
        String name = "node_" + kind.replace("-", "_");

        JsonNode steps = runFlow(kind, name);

        String id = steps.at("/create/body/WorkspaceId").asText();
        assertThat(id).as("%s", steps.get("create")).isNotBlank();
        assertThat(steps.at("/get/body/WorkspaceName").asText()).isEqualTo(name);
        assertThat(steps.at("/get/body/Owner/UserId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(steps.at("/list/body/TotalCount").asLong())
                .as("%s", steps.get("list"))
                .isEqualTo(1);
        assertThat(steps.at("/list/body/Workspaces/0/resourceGroupId").isTextual())
                .isTrue();
        assertThat(steps.at("/update/body/RequestId").asText())
                .as("%s", steps.get("update"))
                .isNotBlank();
        assertThat(steps.at("/changeResourceGroup/body/requestId").asText())
                .as("%s", steps.get("changeResourceGroup"))
                .isNotBlank();
        assertThat(steps.at("/getAfterUpdate/body/DisplayName").asText()).isEqualTo("renamed by " + kind);
        assertThat(steps.at("/getAfterUpdate/body/Description").asText()).isEqualTo("updated by " + kind);
        assertThat(steps.at("/getAfterUpdate/body/ResourceGroupId").asText()).isEqualTo("rg-node-" + kind);
        assertThat(steps.at("/createMember/body/Members/0/MemberId").asText())
                .as("%s", steps.get("createMember"))
                .isEqualTo(id + "-210000000000000001");
        assertThat(steps.at("/addRole/body/RequestId").asText())
                .as("%s", steps.get("addRole"))
                .isNotBlank();
        assertThat(steps.at("/removeRole/body/RequestId").asText())
                .as("%s", steps.get("removeRole"))
                .isNotBlank();
        assertThat(steps.at("/getMember/body/Roles/0").asText()).isEqualTo("PAI.WorkspaceAdmin");
        assertThat(steps.at("/getMember/body/Roles").size()).isEqualTo(1);
        assertThat(steps.at("/deleteMember/body/RequestId").asText())
                .as("%s", steps.get("deleteMember"))
                .isNotBlank();
        assertThat(steps.at("/getDeletedMember/error/code").asText()).isEqualTo("100600006");
        assertThat(steps.at("/makeDefault/body/RequestId").asText()).isNotBlank();
        assertThat(steps.at("/getDefault/body/WorkspaceId").asText()).isEqualTo(id);
        assertThat(steps.at("/getDefault/body/Conditions/0/Code").isIntegralNumber())
                .isTrue();
        assertThat(steps.at("/delete/body/RequestId").asText())
                .as("%s", steps.get("delete"))
                .isNotBlank();
        assertThat(steps.at("/getAfterDelete/error/code").asText()).isEqualTo("100400027");
        assertThat(steps.at("/getAfterDelete/error/status").asInt()).isEqualTo(404);
        assertThat(steps.at("/wrongSecret/error/code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(fake.workspaces()).isEmpty();
        assertThat(fake.requests())
                .extracting(RecordedRequest::operation)
                .contains(
                        Operation.ListWorkspaces,
                        Operation.UpdateWorkspace,
                        Operation.ChangeResourceGroup,
                        Operation.UpdateDefaultWorkspace,
                        Operation.DeleteWorkspace,
                        Operation.CreateMember,
                        Operation.AddMemberRole,
                        Operation.RemoveMemberRole,
                        Operation.GetMember,
                        Operation.DeleteMembers);
    }
}
