package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workspace's prompts (CreatePrompt, GetPrompt, ListPrompts, UpdatePrompt, DeletePrompt) through HTTP. */
class PromptsApiTest {

    private static final String CONTENT = "{ \"context\":\"You are an experienced driver.\",\n \"inputData\":\"车道\" }";

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;

    @BeforeEach
    void workspace() {
        workspaceId = api.createWorkspace("prompt_ws");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String create(String name, String frameworkType) {
        ApiClient.Reply reply = api.post(
                "/api/v1/prompts",
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"PromptName\":\"" + name + "\",\"FrameworkType\":\""
                        + frameworkType + "\",\"FrameworkContent\":" + ApiClient.JSON.valueToTree(CONTENT)
                        + ",\"Description\":\"extraction\"}");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("PromptId").asText();
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(member).asText()));
        return values;
    }

    @Test
    void aPromptIsReadBackAsCreated() {
        String id = create("driving", "ICIO");

        JsonNode prompt =
                api.get("/api/v1/prompts/" + id + "?WorkspaceId=" + workspaceId).body();

        assertThat(id).startsWith("pmt-");
        assertThat(prompt.get("PromptName").asText()).isEqualTo("driving");
        assertThat(prompt.get("FrameworkType").asText()).isEqualTo("ICIO");
        assertThat(prompt.get("FrameworkContent").asText()).isEqualTo(CONTENT);
        assertThat(prompt.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(prompt.get("CreateTime").asText())
                .isEqualTo(prompt.get("ModifyTime").asText());
        assertThat(prompt.has("PromptId")).isFalse();
    }

    @Test
    void listPagesSortsAndFilters() {
        create("b_prompt", "ICIO");
        create("a_prompt", "CRISPE");
        create("c_prompt", "ICIO");

        JsonNode page = api.get("/api/v1/prompts?WorkspaceId=" + workspaceId + "&PageSize=2&PageNumber=1")
                .body();
        assertThat(page.get("TotalCount").asInt()).isEqualTo(3);
        assertThat(texts(page.get("Prompts"), "PromptName")).containsExactly("b_prompt", "a_prompt");
        assertThat(texts(
                        api.get("/api/v1/prompts?WorkspaceId=" + workspaceId + "&SortBy=Name&Order=DESC")
                                .body()
                                .get("Prompts"),
                        "PromptName"))
                .containsExactly("c_prompt", "b_prompt", "a_prompt");
        assertThat(texts(
                        api.get("/api/v1/prompts?WorkspaceId=" + workspaceId + "&FrameworkType=ICIO")
                                .body()
                                .get("Prompts"),
                        "PromptId"))
                .hasSize(2)
                .allMatch(id -> id.startsWith("pmt-"));
        assertError(api.get("/api/v1/prompts?WorkspaceId=" + workspaceId + "&PageSize=many"), 400, "InvalidParameter");
        assertError(api.get("/api/v1/prompts"), 400, "MissingParameter");
    }

    @Test
    void updateChangesTheMembersGivenAndDeleteRemovesThePrompt() {
        String id = create("p", "ICIO");

        api.put("/api/v1/prompts/" + id, "{\"WorkspaceId\":\"" + workspaceId + "\",\"Description\":\"new\"}");

        JsonNode prompt =
                api.get("/api/v1/prompts/" + id + "?WorkspaceId=" + workspaceId).body();
        assertThat(prompt.get("Description").asText()).isEqualTo("new");
        assertThat(prompt.get("FrameworkContent").asText()).isEqualTo(CONTENT);
        assertThat(prompt.get("ModifyTime").asText())
                .isGreaterThan(prompt.get("CreateTime").asText());
        assertThat(api.method("DELETE", "/api/v1/prompts/" + id + "?WorkspaceId=" + workspaceId)
                        .status())
                .isEqualTo(200);
        assertError(api.get("/api/v1/prompts/" + id + "?WorkspaceId=" + workspaceId), 404, "PromptNotFound");
    }

    @Test
    void aPromptIsFoundOnlyInItsOwnWorkspace() {
        String id = create("p", "ICIO");
        String other = api.createWorkspace("other_ws");

        assertError(api.get("/api/v1/prompts/" + id + "?WorkspaceId=" + other), 404, "PromptNotFound");
        assertError(api.method("DELETE", "/api/v1/prompts/" + id + "?WorkspaceId=" + other), 404, "PromptNotFound");
        assertError(api.get("/api/v1/prompts/" + id + "?WorkspaceId=424242"), 404, "100400027");
        assertError(api.post("/api/v1/prompts", "{\"WorkspaceId\":\"" + workspaceId + "\"}"), 400, "MissingParameter");
    }
}
