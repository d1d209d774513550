package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Quota;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the workspace-settings families store is part of the fake's whole state: snapshots, seeds, reset and accounts
 * cover it; AcceptDataworksEvent is recorded and changes nothing.
 */
class SettingsStateTest {

    private static final String SEED = """
            {"users":[{"UserId":"210000000000000001","UserName":"alice"}],
             "workspaces":[{"WorkspaceId":"7001","WorkspaceName":"seeded_ws",
               "Members":[{"UserId":"210000000000000001","Roles":["PAI.WorkspaceGuest","role-seededrole01"]}]}],
             "resources":[
               {"Type":"WorkspaceRole","Id":"role-seededrole01","WorkspaceId":"7001",
                "Fields":{"RoleName":"seeded","RoleType":"custom","Creator":"1557000000000001","WorkspaceId":"7001",
                          "Status":"Succeeded",
                          "ModulePermissions":[{"ModuleName":"DLC","PermissionType":"ReadWrite"}]}},
               {"Type":"Config","Id":"wc-seededconfig1","WorkspaceId":"7001",
                "Fields":{"WorkspaceId":"7001","CategoryName":"CommonResourceConfig","ConfigKey":"modelExportPath",
                          "ConfigValue":"oss://seeded/models/","GmtCreateTime":"2026-01-01T00:00:00.000Z"}},
               {"Type":"Product","Id":"pid-seeded","Fields":{"ProductCode":"PAI_share","IsPurchased":false,
                "HasPermissionToPurchase":true}},
               {"Type":"Quota","Id":"quota-seeded","Fields":{"Name":"seeded_quota","Mode":"share"}},
               {"Type":"Feature","Id":"feature-seeded","Fields":{"Name":"PaiConsole:IntegrateWithWorkspace"}},
               {"Type":"UserConfig","Id":"uc-seeded","Fields":{"CategoryName":"DataPrivacyConfig",
                "ConfigKey":"customizePAIAssumedRole","ConfigValue":"role","Scope":"owner"}}]}
            """;

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aSeedSetsConfigsRolesMembersWithCustomRolesProductsQuotasFeaturesAndUserConfigs() {
        fake.load(SEED);

        assertThat(api.get("/api/v1/workspaces/7001/configs?ConfigKeys=modelExportPath")
                        .body()
                        .at("/Configs/0/ConfigValue")
                        .asText())
                .isEqualTo("oss://seeded/models/");
        assertThat(api.get("/api/v1/workspaces/7001/roles/role-seededrole01")
                        .body()
                        .get("RoleName")
                        .asText())
                .isEqualTo("seeded");
        assertThat(fake.members("7001").get(1).roles()).containsExactly("PAI.WorkspaceGuest", "role-seededrole01");
        assertThat(api.get("/api/v1/workspaces/7001/permissions/PaiDLC:CreateJob?CallerUid=210000000000000001")
                        .body()
                        .get("PermissionRules"))
                .as("granted by the seeded custom role, not by PAI.WorkspaceGuest")
                .isNotEmpty();
        assertThat(api.get("/api/v1/products?ProductCodes=PAI_share")
                        .body()
                        .at("/Products/0/IsPurchased")
                        .asBoolean())
                .isFalse();
        assertThat(api.get("/api/v1/quotas").body().at("/Quotas/0/Id").asText()).isEqualTo("quota-seeded");
        assertThat(api.get("/api/v1/features").body().at("/Features/0").asText())
                .isEqualTo("PaiConsole:IntegrateWithWorkspace");
        assertThat(api.get("/api/v1/userconfigs").body().at("/Configs/0/Scope").asText())
                .isEqualTo("owner");
    }

    @Test
    void aSeedGivingAMemberAnUnknownCustomRoleIsRefusedWhole() {
        String bad = SEED.replace(
                "\"Roles\":[\"PAI.WorkspaceGuest\",\"role-seededrole01\"]", "\"Roles\":[\"role-missing\"]");

        assertThatThrownBy(() -> fake.load(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role-missing");
        assertThat(fake.workspaces()).isEmpty();
        assertThat(api.get("/api/v1/quotas").body().get("Quotas")).isEmpty();
    }

    @Test
    void aSnapshotRestoresEverythingTheSettingsFamiliesStored() throws Exception {
        String workspaceId = api.createWorkspace("snap_ws");
        String base = "/api/v1/workspaces/" + workspaceId;
        api.put(base + "/config", "{\"ConfigKey\":\"modelExportPath\",\"ConfigValue\":\"oss://b/m/\"}");
        api.post(
                "/api/v1/connections",
                "{\"ConnectionName\":\"c\",\"Configs\":{\"k\":\"v\"},\"Secrets\":{\"s\":\"hidden\"}}");
        fake.instanceJobs().hold();
        String jobId = api.post(base + "/roles", "{\"RoleName\":\"pending\"}")
                .body()
                .get("InstanceJobId")
                .asText();
        api.post("/api/v1/prompts", "{\"WorkspaceId\":\"" + workspaceId + "\",\"PromptName\":\"p\"}");
        fake.quotas().add(Quota.named("q"));
        fake.products().notPurchased("OSS_share", true);
        api.post("/api/v1/productorders", "{\"Products\":[{\"ProductCode\":\"OSS_share\"}]}");
        String snapshot = fake.snapshot();

        try (PaiWorkspaceFake copy = PaiWorkspaceFake.builder().build().start()) {
            copy.load(snapshot);
            ApiClient other = new ApiClient(copy.baseUrl());
            assertThat(ApiClient.JSON.readTree(copy.snapshot()).get("resources"))
                    .isEqualTo(ApiClient.JSON.readTree(snapshot).get("resources"));
            assertThat(other.get(base + "/config?ConfigKey=modelExportPath")
                            .body()
                            .get("ConfigValue")
                            .asText())
                    .isEqualTo("oss://b/m/");
            assertThat(other.get("/api/v1/instancejobs/" + jobId)
                            .body()
                            .get("Status")
                            .asText())
                    .isEqualTo("Creating");
            copy.instanceJobs().complete(jobId);
            assertThat(other.get("/api/v1/instancejobs/" + jobId)
                            .body()
                            .get("Status")
                            .asText())
                    .isEqualTo("Successful");
            assertThat(copy.products().orders()).hasSize(1);
            assertThat(other.get("/api/v1/connections?EncryptOption=PlainText")
                            .body()
                            .at("/Connections/0/Secrets/s")
                            .asText())
                    .isEqualTo("hidden");
        }
    }

    @Test
    void resetForgetsTheSettingsAndTheirTestControls() {
        String workspaceId = api.createWorkspace("reset_ws");
        api.put(
                "/api/v1/workspaces/" + workspaceId + "/config",
                "{\"ConfigKey\":\"modelExportPath\",\"ConfigValue\":\"x\"}");
        fake.products().notPurchased("PAI_share", false);
        fake.features().enable("PaiConsole:Beta");
        fake.quotas().add(Quota.named("q"));

        fake.reset();

        assertThat(api.get("/api/v1/products?ProductCodes=PAI_share")
                        .body()
                        .at("/Products/0/IsPurchased")
                        .asBoolean())
                .isTrue();
        assertThat(fake.features().enabled()).isEmpty();
        assertThat(fake.quotas().all()).isEmpty();
        assertThat(fake.snapshot()).doesNotContain("modelExportPath");
    }

    @Test
    void anotherAccountSeesNoneOfTheAccountsSettings() {
        fake.load(SEED);
        String theirs = """
                {"workspaces":[],"resources":[
                  {"Type":"Connection","Id":"conn-theirs00001","AccountId":"1557000000000777",
                   "Fields":{"ConnectionName":"theirs","Configs":{}}},
                  {"Type":"Prompt","Id":"pmt-theirs000001","AccountId":"1557000000000777","WorkspaceId":"7001",
                   "Fields":{"PromptName":"theirs"}}]}
                """;
        fake.load(theirs);

        assertError(api.get("/api/v1/connections/conn-theirs00001"), 404, "ConnectionNotFound");
        assertThat(api.get("/api/v1/connections").body().get("Connections")).isEmpty();
        assertError(api.get("/api/v1/prompts/pmt-theirs000001?WorkspaceId=7001"), 404, "PromptNotFound");
    }

    @Test
    void acceptDataworksEventIsRecordedAndChangesNothing() {
        api.createWorkspace("dw_ws");
        String before = fake.snapshot();

        ApiClient.Reply reply = api.post(
                "/api/v1/workspaces/action/acceptdataworksevent",
                "{\"MessageId\":\"539306ba-0000-41a0-0000-6dc81060985c\",\"Data\":{\"eventCode\":\"dct\",\"projectId\":\"86\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("requestId").asText()).isEqualTo(reply.requestIdHeader());
        assertThat(reply.body().has("RequestId")).isFalse();
        assertThat(fake.snapshot()).isEqualTo(before);
        assertThat(fake.requests(Operation.AcceptDataworksEvent))
                .singleElement()
                .extracting(RecordedRequest::body)
                .asString()
                .contains("539306ba-0000-41a0-0000-6dc81060985c", "\"eventCode\":\"dct\"");
    }

    @Test
    void securityTokensInTheQueryAreMaskedInTheJournal() {
        String workspaceId = api.createWorkspace("token_ws");

        api.get("/api/v1/workspaces/" + workspaceId
                + "/permissions/PaiDLC:ListJobs?SecurityToken=sts-token-value&Accessibility=PUBLIC");

        assertThat(fake.requests(Operation.GetPermission))
                .singleElement()
                .extracting(RecordedRequest::query)
                .isEqualTo("SecurityToken=******&Accessibility=PUBLIC");
    }
}
