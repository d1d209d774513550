package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API's controls of the workspace-settings families, for tests that reach the fake over HTTP only. */
class SettingsAdminApiTest {

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().adminApi(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void instanceJobsCanBeHeldAndEnded() {
        String roles = "/api/v1/workspaces/" + api.createWorkspace("admin_ws") + "/roles";
        assertThat(api.post("/__admin/instancejobs", "{\"hold\":true}").status())
                .isEqualTo(200);
        String jobId = api.post(roles, "{\"RoleName\":\"r\"}")
                .body()
                .get("InstanceJobId")
                .asText();

        JsonNode jobs = api.get("/__admin/instancejobs").body();
        assertThat(jobs.at("/InstanceJobs/0/Status").asText()).isEqualTo("Creating");
        JsonNode failed = api.post(
                        "/__admin/instancejobs/" + jobId, "{\"Status\":\"Failed\",\"ReasonMessage\":\"no luck\"}")
                .body();
        assertThat(failed.get("Status").asText()).isEqualTo("Failed");
        assertThat(api.get("/api/v1/instancejobs/" + jobId)
                        .body()
                        .get("ReasonMessage")
                        .asText())
                .isEqualTo("no luck");

        api.post("/__admin/instancejobs", "{\"completeAfterReads\":1}");
        String next = api.post(roles, "{\"RoleName\":\"s\"}")
                .body()
                .get("InstanceJobId")
                .asText();
        assertThat(api.get("/api/v1/instancejobs/" + next).body().get("Status").asText())
                .isEqualTo("Successful");
        assertError(api.post("/__admin/instancejobs/nope", "{\"Status\":\"Successful\"}"), 404, "InstanceJobNotFound");
        assertError(api.post("/__admin/instancejobs", "{}"), 400, "InvalidParameter");
    }

    @Test
    void productsServicesQuotasAndFeaturesAreSetAndOrdersListed() {
        api.post(
                "/__admin/products",
                "{\"ProductCode\":\"PAI_share\",\"IsPurchased\":false,\"HasPermissionToPurchase\":true}");
        api.post("/__admin/services", "{\"ServiceCode\":\"oss\",\"IsOpen\":false}");
        JsonNode quota = api.post("/__admin/quotas", "{\"Name\":\"gpu_quota\",\"Specs\":{\"cu\":\"8\"}}")
                .body();
        JsonNode features = api.post("/__admin/features", "{\"Enable\":[\"PaiConsole:Beta\"]}")
                .body();

        JsonNode products = api.get("/api/v1/products?ProductCodes=PAI_share&ServiceCodes=oss")
                .body();
        assertThat(products.at("/Products/0/IsPurchased").asBoolean()).isFalse();
        assertThat(products.at("/Services/0/IsOpen").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/quotas").body().at("/Quotas/0/Id").asText())
                .isEqualTo(quota.get("Id").asText());
        assertThat(features.at("/Features/0").asText()).isEqualTo("PaiConsole:Beta");
        api.post("/api/v1/productorders", "{\"Products\":[{\"ProductCode\":\"PAI_share\"}]}");
        assertThat(api.get("/__admin/productorders")
                        .body()
                        .at("/Orders/0/ProductCodes/0")
                        .asText())
                .isEqualTo("PAI_share");
        assertError(api.post("/__admin/products", "{\"ProductCode\":\"Nope\"}"), 400, "InvalidParameter");
        assertError(api.post("/__admin/quotas", "{\"Name\":\"gpu_quota\"}"), 400, "InvalidParameter");
        assertError(
                api.post("/__admin/services", "{\"ServiceCode\":\"oss\",\"IsOpen\":\"no\"}"), 400, "InvalidParameter");
    }
}
