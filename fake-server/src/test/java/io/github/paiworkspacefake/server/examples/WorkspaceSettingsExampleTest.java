package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.OpenApiRequest;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.InstanceJob;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Quota;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/workspace-settings.md's examples of its test controls, run. */
class WorkspaceSettingsExampleTest {

    @Test
    void ramUser() throws Exception {
        // docs:begin ram-user
        PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .accessKey("LTAI5tAlice", "alice-secret", Account.DEFAULT, "210000000000000001")
                .build()
                .start();
        fake.addUser("210000000000000001", "alice");
        String workspaceId =
                fake.addWorkspace(WorkspaceSeed.builder("team_ws").build()).workspaceId();
        fake.addMember(workspaceId, "210000000000000001", WorkspaceRoles.GUEST); // PaiDLC:CreateJob: no rules
        // docs:end ram-user
        try (fake) {
            Map<String, Object> permission =
                    OfficialSdk.body(new OfficialSdk(fake.endpoint(), "LTAI5tAlice", "alice-secret")
                            .call(
                                    OfficialSdk.params(
                                            "GetPermission",
                                            "GET",
                                            "/api/v1/workspaces/" + workspaceId + "/permissions/PaiDLC:CreateJob"),
                                    new OpenApiRequest()));
            assertThat((List<?>) permission.get("PermissionRules")).isEmpty();
        }
    }

    @Test
    void instanceJobs() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String roles = "/api/v1/workspaces/" + api.createWorkspace("ws_demo") + "/roles";
            // docs:begin instance-jobs
            fake.instanceJobs().completeAfterReads(3); // Creating until the 3rd GetInstanceJob/GetWorkspaceRole
            fake.instanceJobs().completeAfter(Duration.ofSeconds(30)); // until the fake's clock has moved on
            fake.instanceJobs().hold(); // until test code ends them
            // docs:end instance-jobs
            String jobId = api.post(roles, "{\"RoleName\":\"held\"}")
                    .body()
                    .get("InstanceJobId")
                    .asText();
            String other = api.post(roles, "{\"RoleName\":\"failing\"}")
                    .body()
                    .get("InstanceJobId")
                    .asText();
            // docs:begin end-jobs
            fake.instanceJobs().complete(jobId); // Successful; the role Succeeded
            fake.instanceJobs().fail(other, "quota of roles reached"); // Failed, with this ReasonMessage
            fake.instanceJobs().completeAtOnce(); // the default again
            List<InstanceJob> jobs = fake.instanceJobs().jobs(); // every job
            // docs:end end-jobs
            assertThat(jobs).extracting(InstanceJob::status).containsExactly("Successful", "Failed");
        }
    }

    @Test
    void offerings() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            // docs:begin offerings
            fake.products().notPurchased("PAI_share", true); // not purchased, may be purchased
            fake.products().purchased("OSS_share");
            fake.products().serviceOpen("oss", false);
            fake.products().orders(); // every order CreateProductOrders recorded
            fake.quotas().add(Quota.named("gpu_quota")); // or new Quota(id, name, displayName, mode, ...)
            fake.features().enable("PaiConsole:IntegrateWithWorkspace");
            // docs:end offerings
            ApiClient api = new ApiClient(fake.baseUrl());
            assertThat(api.get("/api/v1/products?ProductCodes=PAI_share")
                            .body()
                            .at("/Products/0/IsPurchased")
                            .asBoolean())
                    .isFalse();
            assertThat(api.get("/api/v1/quotas").body().get("TotalCount").asLong())
                    .isEqualTo(1);
            assertThat(api.get("/api/v1/features").body().get("Features")).hasSize(1);
        }
    }
}
