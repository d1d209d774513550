package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections through HTTP (CreateConnection, GetConnection, ListConnections, UpdateConnection, DeleteConnection,
 * ValidateConnection); their secrets never leak.
 */
class ConnectionsApiTest {

    private static final String SECRET = "sk-very-secret-0123456789";

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;

    @BeforeEach
    void workspace() {
        workspaceId = api.createWorkspace("conn_ws");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String create(String name, String type) {
        ApiClient.Reply reply = api.post(
                "/api/v1/connections",
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConnectionName\":\"" + name + "\",\"ConnectionType\":\""
                        + type + "\",\"Description\":\"for tests\","
                        + "\"Configs\":{\"base_url\":\"https://dashscope.aliyuncs.com/compatible-mode/v1\"},"
                        + "\"Secrets\":{\"api_key\":\"" + SECRET + "\"},"
                        + "\"Models\":[{\"Model\":\"qwen-max\",\"ModelType\":\"LLM\",\"DisplayName\":\"Qwen\",\"ToolCall\":true,\"MaxModelLength\":8192}]}");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("ConnectionId").asText();
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(member).asText()));
        return values;
    }

    @Test
    void aCreatedConnectionIsReadBackWithItsSecretsMasked() {
        String id = create("llm", "DashScopeConnection");

        JsonNode connection = api.get("/api/v1/connections/" + id).body();

        assertThat(id).startsWith("conn-");
        assertThat(connection.get("ConnectionName").asText()).isEqualTo("llm");
        assertThat(connection.get("ConnectionType").asText()).isEqualTo("DashScopeConnection");
        assertThat(connection.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(connection.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(connection.get("Creator").asText()).isEqualTo(fake.account().accountId());
        assertThat(connection.at("/Configs/base_url").asText())
                .isEqualTo("https://dashscope.aliyuncs.com/compatible-mode/v1");
        assertThat(connection.at("/Secrets/api_key").asText()).isEqualTo("******");
        assertThat(connection.at("/Models/0/Model").asText()).isEqualTo("qwen-max");
        assertThat(connection.at("/Models/0/ToolCall").asBoolean()).isTrue();
        assertThat(connection.toString()).doesNotContain(SECRET);
        assertThat(api.get("/api/v1/connections/" + id + "?EncryptOption=Secret")
                        .body()
                        .toString())
                .doesNotContain(SECRET);
    }

    @Test
    void plainTextAnswersTheSecretsAsStored() {
        String id = create("llm", "DashScopeConnection");

        assertThat(api.get("/api/v1/connections/" + id + "?EncryptOption=PlainText")
                        .body()
                        .at("/Secrets/api_key")
                        .asText())
                .isEqualTo(SECRET);
    }

    @Test
    void secretsNeverReachTheJournal() {
        String id = create("llm", "DashScopeConnection");
        api.put("/api/v1/connections/" + id, "{\"Secrets\":{\"api_key\":\"" + SECRET + "-2\"}}");
        api.post(
                "/api/v1/connections/validate",
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConnectionType\":\"DashScopeConnection\","
                        + "\"Configs\":{\"base_url\":\"https://x\"},\"Secrets\":{\"api_key\":\"" + SECRET + "\"}}");
        api.post("/api/v1/connections", "{\"Secrets\":{\"api_key\":\"" + SECRET + "\"}"); // not even JSON

        assertThat(fake.requests()).extracting(RecordedRequest::body).noneMatch(body -> body.contains(SECRET));
        assertThat(fake.requests(Operation.CreateConnection).get(0).body())
                .contains("\"api_key\":\"******\"", "\"base_url\"");
    }

    @Test
    void listPagesWithMaxResultsAndNextTokenNewestFirstAndCountsAll() {
        create("c1", "DashScopeConnection");
        create("c2", "MilvusConnection");
        create("c3", "DashScopeConnection");

        JsonNode first = api.get("/api/v1/connections?MaxResults=2").body();
        assertThat(first.get("TotalCount").asInt()).isEqualTo(3);
        assertThat(first.get("MaxResults").asInt()).isEqualTo(2);
        assertThat(texts(first.get("Connections"), "ConnectionName")).containsExactly("c3", "c2");
        JsonNode second = api.get("/api/v1/connections?MaxResults=2&NextToken="
                        + first.get("NextToken").asText())
                .body();
        assertThat(texts(second.get("Connections"), "ConnectionName")).containsExactly("c1");
        assertThat(second.has("NextToken")).isFalse();
        assertThat(first.at("/Connections/0/Secrets/api_key").asText()).isEqualTo("******");
    }

    @Test
    void listFiltersByTypeNameWorkspaceAndModel() {
        create("alpha-llm", "DashScopeConnection");
        create("beta-db", "MilvusConnection");

        assertThat(texts(
                        api.get("/api/v1/connections?ConnectionTypes=MilvusConnection")
                                .body()
                                .get("Connections"),
                        "ConnectionName"))
                .containsExactly("beta-db");
        assertThat(texts(
                        api.get("/api/v1/connections?ConnectionName=ALPHA")
                                .body()
                                .get("Connections"),
                        "ConnectionName"))
                .containsExactly("alpha-llm");
        assertThat(api.get("/api/v1/connections?WorkspaceId=" + workspaceId)
                        .body()
                        .get("TotalCount")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/connections?WorkspaceId=999999").body().get("Connections"))
                .isEmpty();
        assertThat(api.get("/api/v1/connections?Model=qwen-max&ModelTypes=LLM&ToolCall=true")
                        .body()
                        .get("TotalCount")
                        .asInt())
                .isEqualTo(2);
        assertError(api.get("/api/v1/connections?ConnectionTypes=NoSuchConnection"), 400, "InvalidParameter");
    }

    @Test
    void updateReplacesTheMembersGivenAndDeleteRemovesTheConnection() {
        String id = create("llm", "DashScopeConnection");

        assertThat(api.put(
                                "/api/v1/connections/" + id,
                                "{\"Description\":\"changed\",\"Configs\":{\"base_url\":\"https://other\"}}")
                        .status())
                .isEqualTo(200);
        JsonNode connection = api.get("/api/v1/connections/" + id + "?EncryptOption=PlainText")
                .body();
        assertThat(connection.get("Description").asText()).isEqualTo("changed");
        assertThat(connection.at("/Configs/base_url").asText()).isEqualTo("https://other");
        assertThat(connection.at("/Secrets/api_key").asText()).isEqualTo(SECRET);

        assertThat(api.method("DELETE", "/api/v1/connections/" + id).status()).isEqualTo(200);
        assertError(api.get("/api/v1/connections/" + id), 404, "ConnectionNotFound");
        assertError(api.method("DELETE", "/api/v1/connections/" + id), 404, "ConnectionNotFound");
    }

    @Test
    void validateReportsSuccessForAReachableConfigurationAndFailureOtherwise() {
        String id = create("llm", "DashScopeConnection");
        String milvus = create("db", "MilvusConnection");

        JsonNode ok = api.post(
                        "/api/v1/connections/validate",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConnectionId\":\"" + id
                                + "\",\"ValidateType\":\"Connectivity\"}")
                .body();
        assertThat(ok.get("Status").asText()).isEqualTo("success");
        assertThat(ok.has("Code")).isFalse();

        JsonNode notPublic = api.post(
                        "/api/v1/connections/validate",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConnectionId\":\"" + milvus + "\"}")
                .body();
        assertThat(notPublic.get("Status").asText()).isEqualTo("failed");
        assertThat(notPublic.get("Message").asText()).contains("MilvusConnection");

        JsonNode empty = api.post(
                        "/api/v1/connections/validate",
                        "{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"ConnectionType\":\"DeepSeekConnection\",\"Configs\":{}}")
                .body();
        assertThat(empty.get("Status").asText()).isEqualTo("failed");
        assertThat(empty.get("Code").asText()).isEqualTo("400");
    }

    @Test
    void badInputIsRefused() {
        assertError(api.post("/api/v1/connections", "{\"ConnectionName\":\"x\"}"), 400, "MissingParameter");
        assertError(
                api.post("/api/v1/connections", "{\"ConnectionName\":\"x\",\"Configs\":{\"port\":6379}}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        "/api/v1/connections",
                        "{\"ConnectionName\":\"x\",\"Configs\":{},\"ConnectionType\":\"Telnet\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post("/api/v1/connections", "{\"ConnectionName\":\"x\",\"Configs\":{},\"WorkspaceId\":\"424242\"}"),
                404,
                "100400027");
        assertError(
                api.post("/api/v1/connections/validate", "{\"ConnectionType\":\"DashScopeConnection\"}"),
                400,
                "MissingParameter");
        assertThat(api.get("/api/v1/connections").body().get("Connections")).isEmpty();
    }
}
