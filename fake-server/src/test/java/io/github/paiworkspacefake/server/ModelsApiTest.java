package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Models of the model registry through HTTP, with the bodies Terraform's model resource and the PAI Python SDK send. */
class ModelsApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;

    @BeforeEach
    void workspace() {
        workspaceId = api.createWorkspace("models_ws");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String createModel(String body) {
        ApiClient.Reply reply = api.post("/api/v1/models", body);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("ModelId").asText();
    }

    private String createModel(String name, String moreMembers) {
        return createModel("{\"ModelName\":\"" + name + "\",\"WorkspaceId\":\"" + workspaceId + "\""
                + (moreMembers.isEmpty() ? "" : "," + moreMembers) + "}");
    }

    private JsonNode getModel(String modelId) {
        ApiClient.Reply reply = api.get("/api/v1/models/" + modelId);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private String addVersion(String modelId, String body) {
        ApiClient.Reply reply = api.post("/api/v1/models/" + modelId + "/versions", body);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("VersionName").asText();
    }

    private JsonNode list(String query) {
        ApiClient.Reply reply = api.get("/api/v1/models?" + query);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("Models").forEach(model -> names.add(model.get("ModelName").asText()));
        return names;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void createModelAnswersAModelIdAndGetModelReturnsEveryMemberExactlyAsSent() {
        String modelId = createModel(
                "sd_model",
                "\"ModelDescription\":\"一个模型\",\"Accessibility\":\"PUBLIC\",\"Origin\":\"Civitai\",\"Domain\":\"aigc\","
                        + "\"Task\":\"text-to-image-synthesis\",\"ModelType\":\"Checkpoint\",\"OrderNumber\":1,"
                        + "\"ModelDoc\":\"https://example.com/doc.md\",\"ParameterSize\":3000,"
                        + "\"ExtraInfo\":{\"test\":\"15\",\"Rating\":4.94,\"Nested\":{\"a\":[1,2]}},"
                        + "\"Labels\":[{\"Key\":\"base_model\",\"Value\":\"SD 1.5\"},{\"Key\":\"a\",\"Value\":\"1\"}]");

        JsonNode model = getModel(modelId);

        assertThat(modelId).matches("model-[0-9a-z]{13}");
        assertThat(model.get("ModelId").asText()).isEqualTo(modelId);
        assertThat(model.get("ModelName").asText()).isEqualTo("sd_model");
        assertThat(model.get("ModelDescription").asText()).isEqualTo("一个模型");
        assertThat(model.get("Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(model.get("Origin").asText()).isEqualTo("Civitai");
        assertThat(model.get("Domain").asText()).isEqualTo("aigc");
        assertThat(model.get("Task").asText()).isEqualTo("text-to-image-synthesis");
        assertThat(model.get("ModelType").asText()).isEqualTo("Checkpoint");
        assertThat(model.get("ModelDoc").asText()).isEqualTo("https://example.com/doc.md");
        assertThat(model.get("OrderNumber").isIntegralNumber()).isTrue();
        assertThat(model.get("OrderNumber").asLong()).isEqualTo(1);
        assertThat(model.get("ParameterSize").asLong()).isEqualTo(3000);
        assertThat(model.get("ExtraInfo").toString())
                .isEqualTo("{\"test\":\"15\",\"Rating\":4.94,\"Nested\":{\"a\":[1,2]}}");
        assertThat(model.get("Labels").toString())
                .isEqualTo("[{\"Key\":\"base_model\",\"Value\":\"SD 1.5\"},{\"Key\":\"a\",\"Value\":\"1\"}]");
        assertThat(model.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(model.get("OwnerId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(model.get("UserId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(model.get("GmtCreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(model.get("GmtModifiedTime").asText())
                .isEqualTo(model.get("GmtCreateTime").asText());
        assertThat(model.has("LatestVersion")).isFalse();
    }

    @Test
    void aModelIsPrivateInTheDefaultWorkspaceWhenNeitherIsSent() {
        fake.makeDefault(workspaceId);

        JsonNode model = getModel(createModel("{\"ModelName\":\"only_a_name\"}"));

        assertThat(model.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(model.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(model.get("Labels")).isEmpty();
    }

    @Test
    void createModelWithoutAWorkspaceIsRefusedWhenTheAccountHasNoDefaultWorkspace() {
        assertError(api.post("/api/v1/models", "{\"ModelName\":\"nowhere\"}"), 404, "100400027");
        assertThat(fake.snapshot()).doesNotContain("nowhere");
    }

    @Test
    void createModelInAnotherAccountsOrAnUnknownWorkspaceIsWorkspaceNotFound() {
        Workspace other = fake.addWorkspace(WorkspaceSeed.builder("their_ws")
                .owner(Account.of("1557000000000002", "other"))
                .build());

        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"m\",\"WorkspaceId\":\"" + other.workspaceId() + "\"}"),
                404,
                "100400027");
        assertError(api.post("/api/v1/models", "{\"ModelName\":\"m\",\"WorkspaceId\":\"999999\"}"), 404, "100400027");
    }

    @Test
    void createModelChecksItsMembers() {
        assertError(api.post("/api/v1/models", "{\"WorkspaceId\":\"" + workspaceId + "\"}"), 400, "MissingParameter");
        assertError(api.post("/api/v1/models", "{\"ModelName\":\"" + "n".repeat(128) + "\"}"), 400, "InvalidParameter");
        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"m\",\"Accessibility\":\"OPEN\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"m\",\"OrderNumber\":\"first\"}"), 400, "InvalidParameter");
        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"m\",\"ExtraInfo\":\"text\"}"), 400, "InvalidParameter");
        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"m\",\"Labels\":[{\"Value\":\"no key\"}]}"),
                400,
                "MissingParameter");
        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"m\",\"Labels\":[{\"Key\":\"a=b\",\"Value\":\"v\"}]}"),
                400,
                "InvalidParameter");
        assertThat(list("WorkspaceId=" + workspaceId).get("TotalCount").asLong())
                .isZero();
    }

    @Test
    void aModelNameIsUniqueInItsWorkspace() {
        createModel("taken", "");

        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"taken\",\"WorkspaceId\":\"" + workspaceId + "\"}"),
                409,
                "ModelNameAlreadyExists");
        String elsewhere = api.createWorkspace("second_ws");
        createModel("{\"ModelName\":\"taken\",\"WorkspaceId\":\"" + elsewhere + "\"}");
        createModel("Taken", "");
    }

    @Test
    void getModelOfAnUnknownIdIs404ModelNotExists() {
        ApiClient.Reply reply = api.get("/api/v1/models/model-unknown");

        assertError(reply, 404, "201900002");
    }

    @Test
    void updateModelChangesOnlyTheMembersSentAndAdvancesGmtModifiedTime() throws Exception {
        String modelId =
                createModel("m", "\"Domain\":\"nlp\",\"Task\":\"t\",\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]");
        JsonNode before = getModel(modelId);

        ApiClient.Reply reply = api.put(
                "/api/v1/models/" + modelId,
                "{\"ModelId\":\"" + modelId + "\",\"ModelName\":\"m\",\"Domain\":\"cv\",\"Accessibility\":\"PUBLIC\","
                        + "\"ExtraInfo\":{\"x\":1},\"OrderNumber\":7}");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().get("RequestId").asText()).isNotBlank();
        JsonNode after = getModel(modelId);
        assertThat(after.get("Domain").asText()).isEqualTo("cv");
        assertThat(after.get("Task").asText()).isEqualTo("t");
        assertThat(after.get("Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(after.get("ExtraInfo").toString()).isEqualTo("{\"x\":1}");
        assertThat(after.get("OrderNumber").asLong()).isEqualTo(7);
        assertThat(after.get("Labels")).isEqualTo(before.get("Labels"));
        assertThat(after.get("GmtCreateTime")).isEqualTo(before.get("GmtCreateTime"));
        assertThat(after.get("GmtModifiedTime").asText())
                .isGreaterThan(before.get("GmtModifiedTime").asText());
    }

    @Test
    void updateModelRefusesAnEmptyOrTakenName() {
        String modelId = createModel("first", "");
        createModel("second", "");

        assertError(api.put("/api/v1/models/" + modelId, "{\"ModelName\":\"\"}"), 400, "InvalidParameter");
        assertError(api.put("/api/v1/models/" + modelId, "{\"ModelName\":\"second\"}"), 409, "ModelNameAlreadyExists");
        assertThat(getModel(modelId).get("ModelName").asText()).isEqualTo("first");
        assertError(api.put("/api/v1/models/model-unknown", "{\"Domain\":\"cv\"}"), 404, "201900002");
    }

    @Test
    void labelsAreReplacedAsTerraformDoesDeleteByKeysWithABodyThenCreate() {
        String modelId = createModel(
                "labelled",
                "\"Labels\":[{\"Key\":\"key1\",\"Value\":\"v1\"},{\"Key\":\"key2\",\"Value\":\"v2\"},"
                        + "{\"Key\":\"key3\",\"Value\":\"v3\"}]");
        String labels = "/api/v1/models/" + modelId + "/labels";

        ApiClient.Reply deleted = api.send(
                "DELETE",
                labels + "?LabelKeys=key1,key2,key3",
                "application/json",
                "{\"ModelId\":\"" + modelId + "\"}");
        ApiClient.Reply created = api.post(
                labels,
                "{\"ModelId\":\"" + modelId + "\",\"Labels\":[{\"Key\":\"key_new\",\"Value\":\"n\"},"
                        + "{\"Key\":\"a\",\"Value\":\"1\"}]}");

        assertThat(deleted.status()).as("%s", deleted.body()).isEqualTo(200);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(getModel(modelId).get("Labels").toString())
                .isEqualTo("[{\"Key\":\"key_new\",\"Value\":\"n\"},{\"Key\":\"a\",\"Value\":\"1\"}]");
    }

    @Test
    void createModelLabelsChangesAKeysValueInPlaceAndAppendsNewKeys() {
        String modelId =
                createModel("m", "\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"2\"}]");

        api.post(
                "/api/v1/models/" + modelId + "/labels",
                "{\"Labels\":[{\"Key\":\"c\",\"Value\":\"3\"},{\"Key\":\"a\",\"Value\":\"9\"}]}");
        api.send("DELETE", "/api/v1/models/" + modelId + "/labels?LabelKeys=b,unknown", null, "");

        assertThat(getModel(modelId).get("Labels").toString())
                .isEqualTo("[{\"Key\":\"a\",\"Value\":\"9\"},{\"Key\":\"c\",\"Value\":\"3\"}]");
    }

    @Test
    void theLabelOperationsNeedTheirLabelsAndKeys() {
        String modelId = createModel("m", "");

        assertError(api.post("/api/v1/models/" + modelId + "/labels", "{}"), 400, "MissingParameter");
        assertError(api.method("DELETE", "/api/v1/models/" + modelId + "/labels"), 400, "MissingParameter");
        assertError(
                api.post("/api/v1/models/model-unknown/labels", "{\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"}]}"),
                404,
                "201900002");
    }

    @Test
    void deleteModelRemovesItAndItsVersions() {
        String modelId = createModel("doomed", "");
        addVersion(modelId, "{\"Uri\":\"oss://bucket/doomed/\"}");

        ApiClient.Reply deleted = api.method("DELETE", "/api/v1/models/" + modelId);

        assertThat(deleted.status()).isEqualTo(200);
        assertError(api.get("/api/v1/models/" + modelId), 404, "201900002");
        assertError(api.get("/api/v1/models/" + modelId + "/versions/0.1.0"), 404, "201900002");
        assertError(api.method("DELETE", "/api/v1/models/" + modelId), 404, "201900002");
        assertThat(fake.snapshot()).doesNotContain(modelId);
    }

    @Test
    void getModelShowsTheMostRecentlyCreatedVersionWithItsLabels() {
        String modelId = createModel("versioned", "");
        addVersion(modelId, "{\"Uri\":\"oss://b/1/\",\"VersionName\":\"1.0.0\"}");
        addVersion(
                modelId,
                "{\"Uri\":\"oss://b/0/\",\"VersionName\":\"0.9.0\",\"Labels\":[{\"Key\":\"Foo\",\"Value\":\"Bar\"}]}");

        JsonNode model = getModel(modelId);

        assertThat(model.at("/LatestVersion/VersionName").asText()).isEqualTo("0.9.0");
        assertThat(model.at("/LatestVersion/Uri").asText()).isEqualTo("oss://b/0/");
        assertThat(model.at("/LatestVersion/Labels").toString()).isEqualTo("[{\"Key\":\"Foo\",\"Value\":\"Bar\"}]");
        assertThat(model.get("GmtLatestVersionModifiedTime").asText())
                .isEqualTo(model.at("/LatestVersion/GmtModifiedTime").asText());
    }

    @Test
    void listModelsPagesWithTotalCountAndAnEmptyPagePastTheEnd() {
        for (int i = 1; i <= 12; i++) {
            createModel("model_" + (char) ('a' + i), "");
        }

        JsonNode first = list("WorkspaceId=" + workspaceId);
        JsonNode second = list("WorkspaceId=" + workspaceId + "&PageNumber=2&PageSize=10");
        JsonNode past = list("WorkspaceId=" + workspaceId + "&PageNumber=3&PageSize=10");

        assertThat(first.get("TotalCount").asLong()).isEqualTo(12);
        assertThat(first.get("Models")).hasSize(10);
        assertThat(names(second)).containsExactly("model_l", "model_m");
        assertThat(past.get("TotalCount").asLong()).isEqualTo(12);
        assertThat(past.get("Models").isArray()).isTrue();
        assertThat(past.get("Models")).isEmpty();
        assertThat(past.size()).isEqualTo(3);
    }

    @Test
    void listModelsSortsByCreationTimeAscendingUnlessAskedOtherwise() {
        createModel("b_model", "\"OrderNumber\":2");
        createModel("a_model", "\"OrderNumber\":3");
        createModel("c_model", "\"OrderNumber\":1");

        assertThat(names(list("WorkspaceId=" + workspaceId))).containsExactly("b_model", "a_model", "c_model");
        assertThat(names(list("WorkspaceId=" + workspaceId + "&SortBy=GmtCreateTime&Order=DESC")))
                .containsExactly("c_model", "a_model", "b_model");
        assertThat(names(list("WorkspaceId=" + workspaceId + "&SortBy=OrderNumber&Order=asc")))
                .containsExactly("c_model", "b_model", "a_model");
        assertError(api.get("/api/v1/models?SortBy=ModelName"), 400, "InvalidParameter");
        assertError(api.get("/api/v1/models?Order=UP"), 400, "InvalidParameter");
        assertError(api.get("/api/v1/models?PageSize=101"), 400, "InvalidParameter");
    }

    @Test
    void aModelNameInDoubleQuotesMatchesExactlyAndABareOneMatchesAPart() {
        createModel("bert", "");
        createModel("bert-base", "");
        createModel("BERT large", "");

        assertThat(names(list("ModelName=" + encoded("\"bert\"")))).containsExactly("bert");
        assertThat(names(list("ModelName=bert"))).containsExactly("bert", "bert-base", "BERT large");
        assertThat(names(list("ModelName=" + encoded("\"Bert\"")))).isEmpty();
    }

    @Test
    void listModelsFiltersByDomainTaskOriginTypeAndLabel() {
        createModel(
                "nlp_model",
                "\"Domain\":\"nlp\",\"Task\":\"text-classification\",\"Origin\":\"ModelScope\","
                        + "\"Labels\":[{\"Key\":\"team\",\"Value\":\"search\"}]");
        createModel(
                "cv_model",
                "\"Domain\":\"cv\",\"Task\":\"image-classification\",\"Origin\":\"HuggingFace\","
                        + "\"ModelType\":\"LoRA\",\"Labels\":[{\"Key\":\"stage\",\"Value\":\"prod\"}]");

        assertThat(names(list("Domain=nlp"))).containsExactly("nlp_model");
        assertThat(names(list("Task=image-classification"))).containsExactly("cv_model");
        assertThat(names(list("Origin=ModelScope"))).containsExactly("nlp_model");
        assertThat(names(list("ModelType=LoRA"))).containsExactly("cv_model");
        assertThat(names(list("Label=SEARCH"))).containsExactly("nlp_model");
        assertThat(names(list("Label=stage"))).containsExactly("cv_model");
        assertThat(names(list("Domain=nlp&Task=image-classification"))).isEmpty();
    }

    @Test
    void queryMatchesAPartOfTheNameDomainTaskOrALabel() {
        createModel("alpha", "\"Domain\":\"nlp\"");
        createModel("beta", "\"Task\":\"sentiment-nlp\"");
        createModel("gamma", "\"Labels\":[{\"Key\":\"kind\",\"Value\":\"NLP-large\"}]");
        createModel("delta", "\"Domain\":\"cv\"");

        assertThat(names(list("Query=nlp"))).containsExactly("alpha", "beta", "gamma");
        assertThat(names(list("Query=ELT"))).containsExactly("delta");
    }

    @Test
    void tagsAreKeptAndFilterTheList() {
        createModel("tagged", "\"Tag\":[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"team\",\"Value\":\"a\"}]");
        createModel("untagged", "");

        JsonNode all = list("WorkspaceId=" + workspaceId);
        assertThat(all.at("/Models/0/Tags").toString())
                .isEqualTo("[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"team\",\"Value\":\"a\"}]");
        assertThat(names(list("Tag=" + encoded("[{\"Key\":\"env\",\"Value\":\"prod\"}]"))))
                .containsExactly("tagged");
        assertThat(names(list("Tag=" + encoded("[{\"Key\":\"env\",\"Value\":\"dev\"}]"))))
                .isEmpty();
    }

    @Test
    void conditionsCompareParameterSize() {
        createModel("small", "\"ParameterSize\":1000");
        createModel("large", "\"ParameterSize\":7000");
        createModel("unknown_size", "");

        assertThat(names(list("Conditions="
                        + encoded("[{\"Column\":\"ParameterSize\",\"Operator\":\"LessThan\",\"Value\":\"3000\"}]"))))
                .containsExactly("small");
        assertThat(
                        names(
                                list(
                                        "Conditions="
                                                + encoded(
                                                        "[{\"Column\":\"ParameterSize\",\"Operator\":\"GreaterThanOrEqual\",\"Value\":\"1000\"}]"))))
                .containsExactly("small", "large");
        assertError(
                api.get("/api/v1/models?Conditions="
                        + encoded("[{\"Column\":\"Price\",\"Operator\":\"LessThan\",\"Value\":\"1\"}]")),
                400,
                "InvalidParameter");
        assertError(
                api.get("/api/v1/models?Conditions="
                        + encoded("[{\"Column\":\"ParameterSize\",\"Operator\":\"Near\",\"Value\":\"1\"}]")),
                400,
                "InvalidParameter");
    }

    @Test
    void collectionsAreNotHonouredAndSaySo() {
        assertError(api.get("/api/v1/models?Collections=AI4D"), 400, "UnsupportedParameter");
    }

    @Test
    void listModelsWithoutAWorkspaceListsEveryWorkspaceOfTheAccountAndAnUnknownWorkspaceIsNotFound() {
        createModel("here", "");
        String second = api.createWorkspace("other_models_ws");
        createModel("{\"ModelName\":\"there\",\"WorkspaceId\":\"" + second + "\"}");

        assertThat(names(list(""))).containsExactly("here", "there");
        assertThat(names(list("WorkspaceId=" + second))).containsExactly("there");
        assertError(api.get("/api/v1/models?WorkspaceId=999999"), 404, "100400027");
    }

    @Test
    void eachListedModelCarriesItsLatestVersion() {
        String modelId = createModel("registered", "");
        addVersion(modelId, "{\"Uri\":\"oss://b/1/\",\"VersionName\":\"1.0.0\"}");
        addVersion(
                modelId,
                "{\"Uri\":\"oss://b/2/\",\"VersionName\":\"1.1.0\",\"Labels\":[{\"Key\":\"Foo\",\"Value\":\"Bar\"}]}");
        createModel("no_versions", "");

        JsonNode models = list("ModelName=" + encoded("\"registered\"")).get("Models");

        assertThat(models).hasSize(1);
        assertThat(models.at("/0/LatestVersion/VersionName").asText()).isEqualTo("1.1.0");
        assertThat(models.at("/0/LatestVersion/Labels/0/Key").asText()).isEqualTo("Foo");
        assertThat(list("ModelName=" + encoded("\"no_versions\""))
                        .at("/Models/0")
                        .has("LatestVersion"))
                .isFalse();
    }

    @Test
    void providerListsTheProvidersPublicModelsAndNotTheCallersOwn() {
        createModel("mine", "");
        fake.load("""
                {"workspaces":[],"resources":[
                  {"Type":"Model","AccountId":"1000000000000001","Id":"model-paipublic00001",
                   "Fields":{"ModelName":"qwen_public","Provider":"pai","Accessibility":"PUBLIC","Task":"llm"}},
                  {"Type":"ModelVersion","AccountId":"1000000000000001","Id":"1.0.0","ParentId":"model-paipublic00001",
                   "Fields":{"Uri":"oss://pai-public/qwen/","ApprovalStatus":"Approved"}}]}
                """);

        JsonNode listed = list("Provider=pai&WorkspaceId=" + workspaceId);

        assertThat(names(listed)).containsExactly("qwen_public");
        assertThat(listed.at("/Models/0/Provider").asText()).isEqualTo("pai");
        assertThat(listed.at("/Models/0/LatestVersion/VersionName").asText()).isEqualTo("1.0.0");
        assertThat(names(list("WorkspaceId=" + workspaceId))).containsExactly("mine");
        assertThat(getModel("model-paipublic00001").get("ModelName").asText()).isEqualTo("qwen_public");
        assertError(api.method("DELETE", "/api/v1/models/model-paipublic00001"), 403, "PermissionDenied");
        assertThat(names(list("Provider=huggingface"))).isEmpty();
    }
}
