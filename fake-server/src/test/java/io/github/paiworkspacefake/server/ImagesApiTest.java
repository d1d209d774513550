package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom and official images and their labels through HTTP, with what the PAI Python SDK and the aliyun CLI send. */
class ImagesApiTest {

    private static final String IMAGES = "/api/v1/images";

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;

    @BeforeEach
    void workspace() {
        workspaceId = api.createWorkspace("image_ws");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ApiClient.Reply add(String name, String extra) {
        return api.post(
                IMAGES,
                "{\"Name\":\"" + name + "\",\"ImageUri\":\"registry.cn-hangzhou.aliyuncs.com/team/" + name
                        + ":v1\",\"WorkspaceId\":\"" + workspaceId + "\"" + extra + "}");
    }

    private String addImage(String name, String extra) {
        ApiClient.Reply reply = add(name, extra);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("ImageId").asText();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("Images").forEach(item -> names.add(item.get("Name").asText()));
        return names;
    }

    private static String labels(String... pairs) {
        StringBuilder json = new StringBuilder(",\"Labels\":[");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i > 0 ? "," : "")
                    .append("{\"Key\":\"")
                    .append(pairs[i])
                    .append("\",\"Value\":\"")
                    .append(pairs[i + 1])
                    .append("\"}");
        }
        return json.append(']').toString();
    }

    @Test
    void addThenGetAnswersTheImageWithLabelsOnlyWhenVerbose() {
        String id = addImage(
                "nlp-compression",
                ",\"Description\":\"NLP model compression training image\",\"Accessibility\":\"PUBLIC\",\"Size\":2"
                        + labels("system.chipType", "GPU", "team", "nlp"));

        assertThat(id).matches("image-[0-9a-z]{18}");
        JsonNode plain = api.get(IMAGES + "/" + id).body();
        assertThat(plain.has("ImageId")).as("GetImage's model has no ImageId").isFalse();
        assertThat(plain.get("Name").asText()).isEqualTo("nlp-compression");
        assertThat(plain.get("ImageUri").asText())
                .isEqualTo("registry.cn-hangzhou.aliyuncs.com/team/nlp-compression:v1");
        assertThat(plain.get("Description").asText()).isEqualTo("NLP model compression training image");
        assertThat(plain.get("Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(plain.get("Size").asLong()).isEqualTo(2);
        assertThat(plain.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(plain.get("UserId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(plain.get("ParentUserId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(plain.get("GmtCreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(plain.has("Labels")).isFalse();
        JsonNode verbose = api.get(IMAGES + "/" + id + "?Verbose=true").body();
        assertThat(verbose.get("Labels").toString())
                .isEqualTo("[{\"Key\":\"system.chipType\",\"Value\":\"GPU\"},{\"Key\":\"team\",\"Value\":\"nlp\"}]");
    }

    @Test
    void addTakesAnImageIdOfTheDocumentedFormAndRefusesOneTaken() {
        assertThat(addImage("chosen", ",\"ImageId\":\"image-abcdefghijklmnopqr\""))
                .isEqualTo("image-abcdefghijklmnopqr");

        assertError(add("other", ",\"ImageId\":\"image-abcdefghijklmnopqr\""), 409, "ImageAlreadyExists");
        assertError(add("short", ",\"ImageId\":\"image-abc\""), 400, "InvalidParameter");
    }

    @Test
    void addRefusesWhatTheReferenceForbids() {
        String workspace = ",\"WorkspaceId\":\"" + workspaceId + "\"";
        assertError(api.post(IMAGES, "{\"Name\":\"n\"" + workspace + "}"), 400, "MissingParameter");
        assertError(api.post(IMAGES, "{\"ImageUri\":\"r/i:1\"" + workspace + "}"), 400, "MissingParameter");
        assertError(add("Upper", ""), 400, "InvalidParameter");
        assertError(add("under_score", ""), 400, "InvalidParameter");
        assertError(add("n".repeat(51), ""), 400, "InvalidParameter");
        assertError(add("n", ",\"Accessibility\":\"SHARED\""), 400, "InvalidParameter");
        assertError(add("n", ",\"SourceType\":\"Git\""), 400, "InvalidParameter");
        assertError(add("n", ",\"Size\":-1"), 400, "InvalidParameter");
        assertError(add("n", labels("k", "v=w")), 400, "InvalidParameter");
        assertError(add("n", ",\"UserId\":\"999\""), 400, "InvalidParameter");
        assertError(
                api.post(IMAGES, "{\"Name\":\"n\",\"ImageUri\":\"r/i:1\",\"WorkspaceId\":\"999999\"}"),
                404,
                "100400027");
        assertThat(fake.images().images(workspaceId)).isEmpty();
    }

    @Test
    void addNamesTheCreatorAUserOfTheAccountWhenAsked() {
        fake.addUser("210000000000000001", "alice");

        String id = addImage("by-alice", ",\"UserId\":\"210000000000000001\"");

        JsonNode image = api.get(IMAGES + "/" + id).body();
        assertThat(image.get("UserId").asText()).isEqualTo("210000000000000001");
        assertThat(image.get("ParentUserId").asText()).isEqualTo(Account.DEFAULT.accountId());
    }

    @Test
    void namesAreUniqueInAWorkspace() {
        addImage("same", "");

        assertError(add("same", ""), 409, "ImageNameAlreadyExists");
    }

    @Test
    void withoutAWorkspaceIdTheImageGoesToTheDefaultWorkspace() {
        assertError(api.post(IMAGES, "{\"Name\":\"n\",\"ImageUri\":\"r/i:1\"}"), 404, "100400027");
        fake.makeDefault(workspaceId);

        String id = api.post(IMAGES, "{\"Name\":\"n\",\"ImageUri\":\"r/i:1\"}")
                .body()
                .get("ImageId")
                .asText();

        assertThat(fake.images().image(id)).get().extracting(Image::workspaceId).isEqualTo(workspaceId);
    }

    @Test
    void publishTurnsAPrivateImagePublic() {
        String id = addImage("private-one", "");
        assertThat(fake.images().image(id).orElseThrow().accessibility()).isEqualTo("PRIVATE");

        ApiClient.Reply published = api.put(IMAGES + "/" + id + "/publish", "{}");

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("ImageId").asText()).isEqualTo(id);
        assertThat(api.get(IMAGES + "/" + id).body().get("Accessibility").asText())
                .isEqualTo("PUBLIC");
        assertThat(api.put(IMAGES + "/" + id + "/publish", "{}").status()).isEqualTo(200);
        assertError(api.put(IMAGES + "/image-unknown/publish", "{}"), 404, "ImageNotFound");
    }

    @Test
    void removeThenGetIsNotFound() {
        String id = addImage("doomed", "");

        assertThat(api.delete(IMAGES + "/" + id).status()).isEqualTo(200);

        assertError(api.get(IMAGES + "/" + id), 404, "ImageNotFound");
        assertError(api.delete(IMAGES + "/" + id), 404, "ImageNotFound");
        assertThat(add("doomed", "").status()).as("the name is free again").isEqualTo(200);
    }

    @Test
    void imageLabelsAreAddedChangedAndRemovedByKey() {
        String id = addImage("labelled", labels("a", "1"));

        assertThat(api.post(
                                IMAGES + "/" + id + "/labels",
                                "{\"Labels\":[{\"Key\":\"a\",\"Value\":\"2\"},"
                                        + "{\"Key\":\"system.chipType\",\"Value\":\"GPU\"}]}")
                        .status())
                .isEqualTo(200);
        assertThat(fake.images().image(id).orElseThrow().labels())
                .containsExactly(Map.entry("a", "2"), Map.entry("system.chipType", "GPU"));

        assertThat(api.delete(IMAGES + "/" + id + "/labels/a").status()).isEqualTo(200);
        assertThat(api.delete(IMAGES + "/" + id + "/labels/missing").status()).isEqualTo(200);

        assertThat(fake.images().image(id).orElseThrow().labels()).containsOnlyKeys("system.chipType");
        assertError(api.post(IMAGES + "/" + id + "/labels", "{}"), 400, "MissingParameter");
        assertError(api.post(IMAGES + "/image-unknown/labels", "{\"Labels\":[]}"), 404, "ImageNotFound");
    }

    @Test
    void officialImagesAreListedWithoutAWorkspaceAndOnlyThen() {
        fake.images().addExamples();
        addImage("custom", labels("system.chipType", "GPU"));

        JsonNode official = api.get(IMAGES + "?PageSize=50").body();
        JsonNode withWorkspace =
                api.get(IMAGES + "?PageSize=50&WorkspaceId=" + workspaceId).body();

        assertThat(official.get("TotalCount").asLong()).isEqualTo(9);
        assertThat(names(official)).doesNotContain("custom");
        assertThat(withWorkspace.get("TotalCount").asLong()).isEqualTo(10);
        assertThat(names(withWorkspace)).contains("custom");
        assertThat(official.get("Images").get(0).has("WorkspaceId")).isFalse();
    }

    @Test
    void labelFiltersNeedEveryPairAndTakeAWildcard() {
        fake.images().addExamples();
        String base = IMAGES + "?Verbose=true&PageSize=50&Labels=";

        JsonNode gpuTraining = api.get(
                        base + "system.official%3Dtrue,system.supported.dlc%3Dtrue,system.chipType%3DGPU")
                .body();
        JsonNode anyPyTorch = api.get(base + "system.official%3Dtrue,system.framework.PyTorch%3D*")
                .body();
        JsonNode sample = api.get(base + "system.supported.dlc%3Dtrue,system.framework%3DTensorflow%201.15,"
                        + "system.pythonVersion%3D3.6,system.chipType%3DCPU")
                .body();
        JsonNode none = api.get(base + "system.chipType%3DTPU").body();

        assertThat(names(gpuTraining))
                .containsExactly(
                        "pytorch-training:2.1-gpu-py310-cu121-ubuntu22.04",
                        "tensorflow-training:2.14-gpu-py310-cu118-ubuntu22.04",
                        "huggingface-pytorch-training:4.31.0-pytorch2.0-gpu-py310-cu118-ubuntu22.04",
                        "huggingface-pytorch-training:4.37.0-pytorch2.1-gpu-py310-cu121-ubuntu22.04");
        assertThat(anyPyTorch.get("TotalCount").asLong()).isEqualTo(5);
        assertThat(names(sample)).containsExactly("tensorflow-training:1.15-cpu-py36-ubuntu18.04");
        assertThat(none.get("Images")).isEmpty();
        assertThat(none.get("TotalCount").asLong()).isZero();
        gpuTraining
                .get("Images")
                .forEach(image -> assertThat(image.get("Labels").toString())
                        .contains("{\"Key\":\"system.official\",\"Value\":\"true\"}"));
    }

    @Test
    void listFiltersByNameQueryAccessibilityAndImageUri() {
        addImage("bert-base", ",\"Description\":\"text encoder\",\"Accessibility\":\"PUBLIC\"");
        addImage("resnet", ",\"Description\":\"vision BERT-free\"");
        addImage("gpt-mini", "");
        String base = IMAGES + "?WorkspaceId=" + workspaceId;

        assertThat(names(api.get(base + "&Name=BERT").body())).containsExactly("bert-base");
        assertThat(names(api.get(base + "&Query=bert").body())).containsExactly("bert-base", "resnet");
        assertThat(names(api.get(base + "&Accessibility=PRIVATE").body())).containsExactly("resnet", "gpt-mini");
        assertThat(names(api.get(base + "&ImageUri=registry.cn-hangzhou.aliyuncs.com/team/gpt-mini:v1")
                        .body()))
                .containsExactly("gpt-mini");
    }

    @Test
    void listSortsAndPagesTwentyToAPageByDefault() {
        for (int i = 0; i < 22; i++) {
            addImage("img-" + (char) ('a' + i), "");
        }
        String base = IMAGES + "?WorkspaceId=" + workspaceId;

        JsonNode first = api.get(base).body();
        JsonNode second = api.get(base + "&PageNumber=2").body();
        JsonNode past = api.get(base + "&PageNumber=3").body();
        JsonNode newest =
                api.get(base + "&SortBy=GmtCreateTime&Order=DESC&PageSize=1").body();
        JsonNode byName = api.get(base + "&SortBy=Name&Order=DESC&PageSize=2").body();

        assertThat(first.get("Images")).hasSize(20);
        assertThat(first.get("TotalCount").asLong()).isEqualTo(22);
        assertThat(names(first).get(0)).isEqualTo("img-a");
        assertThat(names(second)).containsExactly("img-u", "img-v");
        assertThat(past.get("Images")).isEmpty();
        assertThat(names(newest)).containsExactly("img-v");
        assertThat(names(byName)).containsExactly("img-v", "img-u");
        assertError(api.get(base + "&SortBy=Size"), 400, "InvalidParameter");
        assertError(api.get(base + "&PageSize=101"), 400, "InvalidParameter");
    }

    @Test
    void officialImagesAreReadByEveryoneAndChangedByNoOne() {
        Image official = fake.images().addExamples().get(0);

        assertThat(api.get(IMAGES + "/" + official.imageId() + "?Verbose=true")
                        .body()
                        .get("Labels")
                        .get(0)
                        .get("Key")
                        .asText())
                .isEqualTo("system.official");
        assertError(api.delete(IMAGES + "/" + official.imageId()), 403, "Forbidden.OfficialImage");
        assertError(api.put(IMAGES + "/" + official.imageId() + "/publish", "{}"), 403, "Forbidden.OfficialImage");
        assertError(
                api.post(
                        IMAGES + "/" + official.imageId() + "/labels",
                        "{\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"),
                403,
                "Forbidden.OfficialImage");
        assertError(
                api.delete(IMAGES + "/" + official.imageId() + "/labels/system.official"),
                403,
                "Forbidden.OfficialImage");
        assertThat(fake.images().official()).hasSize(9);
    }

    @Test
    void listImageLabelsAnswersTheDistinctLabelsOfTheImagesALookupSees() {
        fake.images().addExamples();
        String id = addImage("custom", labels("system.framework.Transformers", "9.9.9"));

        JsonNode versions = api.get("/api/v1/image/labels?LabelKeys=system.framework.Transformers&LabelFilter="
                        + "system.official%3Dtrue,system.supported.dlc%3Dtrue,system.origin%3DCommunity,"
                        + "system.chipType%3DGPU,system.framework.PyTorch%3D*,system.framework.Transformers%3D*")
                .body();
        JsonNode withWorkspace = api.get(
                        "/api/v1/image/labels?LabelKeys=system.framework.Transformers&WorkspaceId=" + workspaceId)
                .body();
        JsonNode oneImage = api.get("/api/v1/image/labels?ImageId=" + id).body();
        JsonNode chipTypes =
                api.get("/api/v1/image/labels?LabelKeys=system.chipType").body();

        assertThat(versions.get("Labels").toString())
                .isEqualTo("[{\"Key\":\"system.framework.Transformers\",\"Value\":\"4.31.0\"},"
                        + "{\"Key\":\"system.framework.Transformers\",\"Value\":\"4.37.0\"}]");
        assertThat(versions.get("TotalCount").asLong()).isEqualTo(2);
        assertThat(versions.get("RequestId").asText()).isNotBlank();
        assertThat(withWorkspace.get("TotalCount").asLong()).isEqualTo(3);
        assertThat(oneImage.get("TotalCount").asLong())
                .as("a custom image without a WorkspaceId")
                .isZero();
        assertThat(chipTypes.get("Labels").toString())
                .isEqualTo(
                        "[{\"Key\":\"system.chipType\",\"Value\":\"CPU\"},{\"Key\":\"system.chipType\",\"Value\":\"GPU\"}]");
        assertError(api.get("/api/v1/image/labels?Region=cn-beijing"), 400, "UnsupportedParameter");
    }

    @Test
    void createImageBuildRecordsTheBuildAndBuildsNothingUntilTestCodeEndsIt() {
        String body = "{\"WorkspaceId\":\"" + workspaceId + "\",\"BuildConfig\":{\"BuildType\":\"PackageInstallation\","
                + "\"Dockerfile\":\"FROM ubuntu:22.04\\nRUN pip3 install numpy==1.19.5\"},\"Image\":{\"Name\":\"built\","
                + "\"Uri\":\"user-test-registry-vpc.cn-wulanchabu.cr.aliyuncs.com/ns/built:v1\",\"Description\":\"d\","
                + "\"Labels\":[{\"Key\":\"key1\",\"Value\":\"value1\"}]},\"Resource\":{\"EcsSpec\":\"ecs.c6.large\"},"
                + "\"TargetRegistry\":{\"Type\":\"AcrEnterprise\",\"InstanceId\":\"cri-abcd\"}}";

        ApiClient.Reply created = api.post("/api/v1/imagebuilds?ClientToken=token-1", body);

        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        String buildId = created.body().get("ImageBuildId").asText();
        assertThat(buildId).matches("build-[0-9a-z]{13}");
        assertThat(created.body().get("ImageBuildJobId").asText()).isEqualTo("dlc-" + buildId.substring(6));
        assertThat(fake.images().build(buildId).orElseThrow().status()).isEqualTo(ImageBuild.Status.RUNNING);
        assertThat(fake.images().images(workspaceId)).isEmpty();
        assertThat(api.post("/api/v1/imagebuilds?ClientToken=token-1", body)
                        .body()
                        .get("ImageBuildId")
                        .asText())
                .as("the same ClientToken answers the same build")
                .isEqualTo(buildId);
        assertThat(fake.images().builds()).hasSize(1);

        Image built = fake.images().completeBuild(buildId);

        assertThat(built.name()).isEqualTo("built");
        assertThat(built.sourceType()).isEqualTo("Build");
        assertThat(built.sourceId()).isEqualTo(buildId);
        assertThat(built.labels()).containsExactly(Map.entry("key1", "value1"));
        JsonNode listed =
                api.get(IMAGES + "?WorkspaceId=" + workspaceId + "&Name=built").body();
        assertThat(listed.get("Images").get(0).get("ImageId").asText()).isEqualTo(built.imageId());
        assertThat(fake.images().build(buildId).orElseThrow()).satisfies(build -> {
            assertThat(build.status()).isEqualTo(ImageBuild.Status.SUCCEEDED);
            assertThat(build.imageId()).isEqualTo(built.imageId());
        });
    }

    @Test
    void createImageBuildRefusesWhatTheReferenceForbids() {
        String resource = ",\"Resource\":{},\"TargetRegistry\":{\"Type\":\"AcrEnterprise\"}";
        String config = "\"BuildConfig\":{\"BuildType\":\"PackageInstallation\",\"Dockerfile\":\"FROM x\"}";
        String image = "\"Image\":{\"Name\":\"built\",\"Uri\":\"r/built:1\"}";
        String workspace = "\"WorkspaceId\":\"" + workspaceId + "\",";

        assertError(
                api.post("/api/v1/imagebuilds", "{" + workspace + config + resource + "}"), 400, "MissingParameter");
        assertError(
                api.post(
                        "/api/v1/imagebuilds",
                        "{" + workspace + image + ",\"BuildConfig\":{\"BuildType\":\"Kaniko\",\"Dockerfile\":\"x\"}"
                                + resource + "}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        "/api/v1/imagebuilds",
                        "{" + workspace + config + "," + image
                                + ",\"Resource\":{},\"TargetRegistry\":{\"Type\":\"DockerHub\"}}"),
                400,
                "InvalidParameter");
        assertError(
                api.post("/api/v1/imagebuilds", "{\"WorkspaceId\":\"999999\"," + config + "," + image + resource + "}"),
                404,
                "100400027");
        addImage("built", "");
        assertError(
                api.post("/api/v1/imagebuilds", "{" + workspace + config + "," + image + resource + "}"),
                409,
                "ImageNameAlreadyExists");
        assertThat(fake.images().builds()).isEmpty();
    }

    @Test
    void aFailedBuildAddsNoImage() {
        String buildId = api.post(
                        "/api/v1/imagebuilds",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"BuildConfig\":{\"BuildType\":\"CustomDockerfile\","
                                + "\"Dockerfile\":\"FROM x\"},\"Image\":{\"Name\":\"broken\",\"Uri\":\"r/b:1\"},"
                                + "\"Resource\":{},\"TargetRegistry\":{\"Type\":\"AcrEnterprise\"}}")
                .body()
                .get("ImageBuildId")
                .asText();

        ImageBuild failed = fake.images().failBuild(buildId, "pip install failed");

        assertThat(failed.status()).isEqualTo(ImageBuild.Status.FAILED);
        assertThat(failed.message()).isEqualTo("pip install failed");
        assertThat(fake.images().images(workspaceId)).isEmpty();
    }
}
