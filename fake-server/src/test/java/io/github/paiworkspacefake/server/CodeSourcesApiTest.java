package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Code sources through HTTP, with the bodies Terraform's code source resource and the aliyun CLI send. */
class CodeSourcesApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;

    @BeforeEach
    void workspace() {
        workspaceId = api.createWorkspace("code_ws");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String create(String displayName, String moreMembers) {
        ApiClient.Reply reply = api.post(
                "/api/v1/codesources",
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"DisplayName\":\"" + displayName + "\","
                        + "\"CodeRepo\":\"https://github.com/mattn/go-sqlite3.git\",\"MountPath\":\"/mnt/code/dir_01/\""
                        + (moreMembers.isEmpty() ? "" : "," + moreMembers) + "}");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("CodeSourceId").asText();
    }

    private JsonNode get(String id) {
        ApiClient.Reply reply = api.get("/api/v1/codesources/" + id);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode list(String query) {
        ApiClient.Reply reply = api.get("/api/v1/codesources?WorkspaceId=" + workspaceId + query);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("CodeSources")
                .forEach(source -> names.add(source.get("DisplayName").asText()));
        return names;
    }

    @Test
    void getCodeSourceReturnsWhatWasStoredTheAccessTokenIncluded() {
        String id = create(
                "tf-code",
                "\"Description\":\"训练代码\",\"CodeRepoUserName\":\"user\",\"CodeRepoAccessToken\":\"token-01\","
                        + "\"CodeBranch\":\"master\",\"CodeCommit\":\"0\",\"Accessibility\":\"PRIVATE\",\"CloneType\":1");

        JsonNode source = get(id);

        assertThat(id).matches("code-[0-9a-z]{13}");
        assertThat(source.get("CodeSourceId").asText()).isEqualTo(id);
        assertThat(source.get("DisplayName").asText()).isEqualTo("tf-code");
        assertThat(source.get("Description").asText()).isEqualTo("训练代码");
        assertThat(source.get("CodeRepo").asText()).isEqualTo("https://github.com/mattn/go-sqlite3.git");
        assertThat(source.get("CodeRepoUserName").asText()).isEqualTo("user");
        assertThat(source.get("CodeRepoAccessToken").asText()).isEqualTo("token-01");
        assertThat(source.get("CodeBranch").asText()).isEqualTo("master");
        assertThat(source.get("CodeCommit").asText()).isEqualTo("0");
        assertThat(source.get("MountPath").asText()).isEqualTo("/mnt/code/dir_01/");
        assertThat(source.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(source.get("CloneType").asInt()).isEqualTo(1);
        assertThat(source.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(source.get("UserId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(source.get("GmtCreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(source.get("GmtModifyTime").asText())
                .isEqualTo(source.get("GmtCreateTime").asText());
        assertThat(source.has("GmtModifiedTime")).isFalse();
    }

    @Test
    void aCodeSourceIsPrivateWithCloneType0WhenNeitherIsSent() {
        JsonNode source = get(create("plain", ""));

        assertThat(source.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(source.get("CloneType").asInt()).isZero();
    }

    @Test
    void createCodeSourceChecksItsMembers() {
        assertError(
                api.post(
                        "/api/v1/codesources",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"CodeRepo\":\"r\",\"MountPath\":\"/m\"}"),
                400,
                "MissingParameter");
        assertError(
                api.post("/api/v1/codesources", "{\"DisplayName\":\"d\",\"CodeRepo\":\"r\",\"MountPath\":\"/m\"}"),
                400,
                "MissingParameter");
        assertError(
                api.post(
                        "/api/v1/codesources",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"DisplayName\":\"d\",\"CodeRepo\":\"r\","
                                + "\"MountPath\":\"/m\",\"Accessibility\":\"SHARED\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        "/api/v1/codesources",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"DisplayName\":\"d\",\"CodeRepo\":\"r\","
                                + "\"MountPath\":\"/m\",\"CloneType\":2}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        "/api/v1/codesources",
                        "{\"WorkspaceId\":\"999999\",\"DisplayName\":\"d\",\"CodeRepo\":\"r\",\"MountPath\":\"/m\"}"),
                404,
                "100400027");
        assertThat(list("").get("TotalCount").asLong()).isZero();
    }

    @Test
    void updateCodeSourceChangesWhatIsSentAndAnswersTheId() {
        String id = create("before", "\"Description\":\"d\",\"CodeBranch\":\"master\",\"CodeRepoAccessToken\":\"t1\"");
        JsonNode before = get(id);

        ApiClient.Reply reply = api.put(
                "/api/v1/codesources/" + id,
                "{\"CodeSourceId\":\"" + id + "\",\"DisplayName\":\"after\",\"CodeRepo\":\"https://example.com/r.git\","
                        + "\"MountPath\":\"/mnt/code/dir_02/\",\"Description\":\"\",\"CodeCommit\":\"1\","
                        + "\"CodeRepoAccessToken\":\"t2\"}");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().get("CodeSourceId").asText()).isEqualTo(id);
        JsonNode after = get(id);
        assertThat(after.get("DisplayName").asText()).isEqualTo("after");
        assertThat(after.get("CodeRepo").asText()).isEqualTo("https://example.com/r.git");
        assertThat(after.get("MountPath").asText()).isEqualTo("/mnt/code/dir_02/");
        assertThat(after.get("Description").asText()).isEmpty();
        assertThat(after.get("CodeCommit").asText()).isEqualTo("1");
        assertThat(after.get("CodeBranch").asText()).isEqualTo("master");
        assertThat(after.get("CodeRepoAccessToken").asText()).isEqualTo("t2");
        assertThat(after.get("GmtModifyTime").asText())
                .isGreaterThan(before.get("GmtModifyTime").asText());
        assertThat(after.get("GmtCreateTime")).isEqualTo(before.get("GmtCreateTime"));
    }

    @Test
    void anUpdateCannotEmptyTheRequiredMembers() {
        String id = create("kept", "");

        assertError(api.put("/api/v1/codesources/" + id, "{\"DisplayName\":\"\"}"), 400, "InvalidParameter");
        assertError(api.put("/api/v1/codesources/" + id, "{\"MountPath\":\"\"}"), 400, "InvalidParameter");
        assertThat(get(id).get("DisplayName").asText()).isEqualTo("kept");
    }

    @Test
    void publishTurnsAPrivateCodeSourcePublicAndThereIsNoWayBack() {
        String id = create("published", "");

        ApiClient.Reply published =
                api.put("/api/v1/codesources/" + id + "/publish", "{\"CodeSourceId\":\"" + id + "\"}");
        ApiClient.Reply again = api.put("/api/v1/codesources/" + id + "/publish", "{}");

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("CodeSourceId").asText()).isEqualTo(id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(get(id).get("Accessibility").asText()).isEqualTo("PUBLIC");
    }

    @Test
    void deleteCodeSourceRemovesItAndAnUnknownIdIs201400002() {
        String id = create("gone", "");

        ApiClient.Reply deleted = api.method("DELETE", "/api/v1/codesources/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("CodeSourceId").asText()).isEqualTo(id);
        assertError(api.get("/api/v1/codesources/" + id), 404, "201400002");
        assertError(api.method("DELETE", "/api/v1/codesources/" + id), 404, "201400002");
        assertError(api.put("/api/v1/codesources/" + id, "{\"DisplayName\":\"x\"}"), 404, "201400002");
        assertError(api.put("/api/v1/codesources/" + id + "/publish", "{}"), 404, "201400002");
    }

    @Test
    void listCodeSourcesPagesBy20SortsAndFiltersByAPartOfTheName() {
        for (int i = 0; i < 22; i++) {
            create(String.format("code_%02d", i), "");
        }

        JsonNode first = list("");
        assertThat(first.get("TotalCount").asLong()).isEqualTo(22);
        assertThat(first.get("CodeSources")).hasSize(20);
        assertThat(names(list("&PageNumber=2"))).containsExactly("code_20", "code_21");
        assertThat(list("&PageNumber=3").get("CodeSources")).isEmpty();
        assertThat(names(list("&PageSize=2&SortBy=DisplayName&Order=desc"))).containsExactly("code_21", "code_20");
        assertThat(names(list("&DisplayName=DE_1"))).hasSize(10).allMatch(name -> name.startsWith("code_1"));
        assertThat(first.at("/CodeSources/0/CodeRepoAccessToken").isMissingNode())
                .isTrue();
        assertError(api.get("/api/v1/codesources"), 400, "MissingParameter");
        assertError(
                api.get("/api/v1/codesources?WorkspaceId=" + workspaceId + "&SortBy=Name"), 400, "InvalidParameter");
        assertError(api.get("/api/v1/codesources?WorkspaceId=999999"), 404, "100400027");
    }

    @Test
    void listedCodeSourcesCarryTheirMembersAsGetCodeSourceDoes() {
        String id = create("listed", "\"CodeRepoAccessToken\":\"secret-token\",\"CodeBranch\":\"dev\"");

        JsonNode item = list("").at("/CodeSources/0");

        JsonNode got = get(id);
        got.fieldNames().forEachRemaining(name -> {
            if (!name.equals("RequestId")) {
                assertThat(item.get(name)).as(name).isEqualTo(got.get(name));
            }
        });
    }
}
