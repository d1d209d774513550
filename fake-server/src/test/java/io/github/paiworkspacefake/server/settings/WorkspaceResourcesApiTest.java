package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Quota;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Computing resources attached to workspaces: CreateWorkspaceResource, ListResources, UpdateWorkspaceResource and
 * DeleteWorkspaceResource, and those CreateDefaultWorkspace attaches.
 */
class WorkspaceResourcesApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;
    private String resources;

    @BeforeEach
    void workspace() {
        workspaceId = api.createWorkspace("res_ws");
        resources = "/api/v1/workspaces/" + workspaceId + "/resources";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String resource(String name, String type, String group, String env, String extra) {
        return "{\"WorkspaceId\":\"" + workspaceId + "\",\"Name\":\"" + name + "\",\"ResourceType\":\"" + type
                + "\",\"GroupName\":\"" + group + "\",\"EnvType\":\"" + env + "\"" + extra + "}";
    }

    private JsonNode attach(String option, String... items) {
        ApiClient.Reply reply = api.post(
                resources,
                "{" + (option == null ? "" : "\"Option\":\"" + option + "\",") + "\"Resources\":["
                        + String.join(",", items) + "]}");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode list(String query) {
        ApiClient.Reply reply = api.get("/api/v1/resources?WorkspaceId=" + workspaceId + query);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(member).asText()));
        return values;
    }

    @Test
    void attachedResourcesAreListedWithTheirQuotas() {
        Quota quota = fake.quotas()
                .add(new Quota(
                        null,
                        "mc_quota",
                        "MaxCompute quota",
                        "isolate",
                        "MaxCompute_isolate",
                        "MaxCompute",
                        "CPU",
                        Map.of("cu", "11500")));

        JsonNode created = attach(
                "Attach",
                resource("mc_dev", "MaxCompute", "mc_group", "dev", ",\"Quotas\":[{\"Id\":\"" + quota.id() + "\"}]"),
                resource("mc_prod", "MaxCompute", "mc_group", "prod", ",\"Quotas\":[{\"Id\":\"" + quota.id() + "\"}]"));

        assertThat(created.get("TotalCount").asLong()).isEqualTo(2);
        JsonNode listed = list("");
        assertThat(listed.get("TotalCount").asLong()).isEqualTo(2);
        JsonNode first = listed.at("/Resources/0");
        assertThat(first.get("Id").asText())
                .isEqualTo(created.at("/Resources/0/Id").asText());
        assertThat(first.get("Name").asText()).isEqualTo("mc_dev");
        assertThat(first.get("ResourceType").asText()).isEqualTo("MaxCompute");
        assertThat(first.get("ProductType").asText()).isEqualTo("MaxCompute");
        assertThat(first.get("EnvType").asText()).isEqualTo("dev");
        assertThat(first.at("/Quotas/0/Id").asText()).isEqualTo(quota.id());
        assertThat(first.at("/Quotas/0/Specs/0/Value").asText()).isEqualTo("11500");
        assertThat(first.has("Labels")).isFalse();
        assertThat(list("&Verbose=false").at("/Resources/0").has("Quotas")).isFalse();
        JsonNode fields = list("&VerboseFields=Label,IsDefault").at("/Resources/0");
        assertThat(fields.has("Quotas")).isFalse();
        assertThat(fields.get("IsDefault").asBoolean()).isFalse();
        assertThat(fields.get("Labels")).isEmpty();
    }

    @Test
    void listFiltersByTypeGroupNameLabelsAndQuotas() {
        Quota quota = fake.quotas().add(Quota.named("acs_quota"));
        attach(
                null,
                resource("ecs_one", "ECS", "ecs_group", "prod", ",\"Spec\":{\"clusterType\":\"share\"}"),
                resource(
                        "acs_one",
                        "ACS",
                        "acs_group",
                        "prod",
                        ",\"Labels\":[{\"Key\":\"system.supported.dsw\",\"Value\":\"true\"}],\"Quotas\":[{\"Id\":\""
                                + quota.id() + "\"}]"));

        assertThat(texts(list("&ResourceTypes=ACS,Lingjun").get("Resources"), "Name"))
                .containsExactly("acs_one");
        assertThat(texts(list("&GroupName=ecs_group").get("Resources"), "Name")).containsExactly("ecs_one");
        assertThat(texts(list("&ResourceName=ecs_one").get("Resources"), "Name"))
                .containsExactly("ecs_one");
        assertThat(texts(list("&Labels=system.supported.dsw=true").get("Resources"), "Name"))
                .containsExactly("acs_one");
        assertThat(texts(list("&QuotaIds=" + quota.id()).get("Resources"), "Name"))
                .containsExactly("acs_one");
        assertThat(list("&PageSize=1&PageNumber=2").get("Resources")).hasSize(1);
        assertThat(list("").at("/Resources/0/Spec/clusterType").asText()).isEqualTo("share");
        assertThat(api.get("/api/v1/resources?Option=ListResource")
                        .body()
                        .get("TotalCount")
                        .asLong())
                .isEqualTo(2);
        assertError(api.get("/api/v1/resources"), 400, "MissingParameter");
        assertError(
                api.get("/api/v1/resources?WorkspaceId=" + workspaceId + "&ResourceTypes=GPU"),
                400,
                "InvalidParameter");
    }

    @Test
    void updateSetsTheSpecAndMakesOneResourceTheDefaultOfItsType() {
        JsonNode created = attach(
                null,
                resource("ecs_a", "ECS", "g", "prod", ",\"IsDefault\":true"),
                resource("ecs_b", "ECS", "g", "prod", ""));
        String second = created.at("/Resources/1/Id").asText();

        ApiClient.Reply reply = api.put(
                resources,
                "{\"ResourceIds\":[\"" + second + "\"],\"IsDefault\":true,\"Spec\":{\"clusterType\":\"private\"}}");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().get("ResourceIds").get(0).asText()).isEqualTo(second);
        JsonNode listed = list("&VerboseFields=IsDefault").get("Resources");
        assertThat(listed.get(0).get("IsDefault").asBoolean()).isFalse();
        assertThat(listed.get(1).get("IsDefault").asBoolean()).isTrue();
        assertThat(list("").at("/Resources/1/Spec/clusterType").asText()).isEqualTo("private");
        assertError(api.put(resources, "{\"IsDefault\":true}"), 400, "InvalidParameter");
        assertError(api.put(resources, "{\"GroupName\":\"g\",\"IsDefault\":false}"), 400, "InvalidParameter");
        assertError(
                api.put(resources, "{\"ResourceIds\":[\"resource-nosuch\"],\"IsDefault\":true}"),
                404,
                "WorkspaceResourceNotFound");
    }

    @Test
    void deleteDetachesAGroupsResourcesAndMaxComputeOnlyWithDetach() {
        attach(null, resource("ecs_a", "ECS", "g", "prod", ""), resource("ecs_b", "ECS", "g", "dev", ""));
        attach("Attach", resource("mc_project", "MaxCompute", "mc_group", "prod", ""));

        ApiClient.Reply deleted = api.method("DELETE", resources + "?GroupName=g");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("ResourceIds")).hasSize(2);
        assertError(api.method("DELETE", resources + "?GroupName=mc_group"), 400, "InvalidParameter");
        assertThat(api.method("DELETE", resources + "?GroupName=mc_group&Option=Detach")
                        .status())
                .isEqualTo(200);
        assertThat(list("").get("Resources")).isEmpty();
        assertError(api.method("DELETE", resources), 400, "InvalidParameter");
    }

    @Test
    void theReferencesRulesForANewResourceAreKept() {
        assertError(
                api.post(resources, "{\"Resources\":[" + resource("1bad", "ECS", "g", "prod", "") + "]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(resources, "{\"Resources\":[" + resource("ok_name", "ECS", "g", "test", "") + "]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(resources, "{\"Resources\":[" + resource("ok_name", "MaxCompute", "g", "prod", "") + "]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        resources,
                        "{\"Resources\":[{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"Name\":\"no_group\",\"ResourceType\":\"ECS\",\"EnvType\":\"prod\"}]}"),
                400,
                "MissingParameter");
        assertError(
                api.post(
                        resources,
                        "{\"Resources\":[{\"WorkspaceId\":\"999\",\"Name\":\"other_ws\",\"ResourceType\":\"ECS\",\"GroupName\":\"g\",\"EnvType\":\"prod\"}]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        resources,
                        "{\"Resources\":["
                                + resource("q_res", "ECS", "g", "prod", ",\"Quotas\":[{\"Id\":\"quota-none\"}]")
                                + "]}"),
                400,
                "InvalidParameter");
        attach(null, resource("taken", "ECS", "g", "prod", ""));
        assertError(
                api.post(
                        resources,
                        "{\"Resources\":[" + resource("fresh", "ECS", "g", "prod", "") + ","
                                + resource("taken", "ECS", "g", "dev", "") + "]}"),
                409,
                "ResourceNameAlreadyExists");
        assertThat(texts(list("").get("Resources"), "Name")).containsExactly("taken");
    }

    @Test
    void createDefaultWorkspaceAttachesAResourceOfEachProductTypeInEachEnvironment() {
        try (PaiWorkspaceFake other = PaiWorkspaceFake.builder().build().start()) {
            ApiClient client = new ApiClient(other.baseUrl());
            String id = client.post(
                            "/api/v1/defaultWorkspaces",
                            "{\"EnvTypes\":[\"dev\",\"prod\"],\"Resources\":[{\"ProductType\":\"MaxCompute\"},{\"ProductType\":\"PAI\"}]}")
                    .body()
                    .get("WorkspaceId")
                    .asText();

            JsonNode listed = client.get("/api/v1/resources?WorkspaceId=" + id + "&VerboseFields=IsDefault")
                    .body();
            assertThat(listed.get("TotalCount").asLong()).isEqualTo(4);
            assertThat(texts(listed.get("Resources"), "ProductType"))
                    .containsExactly("MaxCompute", "MaxCompute", "PAI", "PAI");
            assertThat(texts(listed.get("Resources"), "EnvType")).containsExactly("dev", "prod", "dev", "prod");
            assertThat(texts(listed.get("Resources"), "Name"))
                    .containsExactly(
                            "maxcompute_" + id + "_dev",
                            "maxcompute_" + id + "_prod",
                            "pai_" + id + "_dev",
                            "pai_" + id + "_prod");
            assertThat(listed.at("/Resources/0/ResourceType").asText()).isEqualTo("MaxCompute");
            assertThat(listed.at("/Resources/2").has("ResourceType")).isFalse();
            assertThat(texts(listed.get("Resources"), "IsDefault")).containsOnly("true");
        }
    }
}
