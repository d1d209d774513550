package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateWorkspaceApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private ApiClient.Reply create(String json) {
        return api.post("/api/v1/workspaces", json);
    }

    private static String body(String name, String description, String envTypes) {
        return "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"" + description + "\",\"EnvTypes\":" + envTypes
                + "}";
    }

    @Test
    void createsWorkspaceAndAnswersRequestIdAndWorkspaceId() {
        ApiClient.Reply reply = create(body("workspace_example", "这是一个工作空间描述示例。", "[\"prod\"]"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("WorkspaceId").isTextual()).isTrue();
        assertThat(reply.body().get("RequestId").asText())
                .isEqualTo(reply.requestIdHeader())
                .isNotBlank();
        assertThat(fake.workspaces()).singleElement().satisfies(stored -> {
            assertThat(stored.workspaceId())
                    .isEqualTo(reply.body().get("WorkspaceId").asText());
            assertThat(stored.workspaceName()).isEqualTo("workspace_example");
            assertThat(stored.description()).isEqualTo("这是一个工作空间描述示例。");
            assertThat(stored.status()).isEqualTo(WorkspaceStatus.ENABLED);
        });
    }

    @Test
    void displayNameDefaultsToWorkspaceName() {
        String id = api.createWorkspace("no_display_name");

        assertThat(api.get("/api/v1/workspaces/" + id).body().get("DisplayName").asText())
                .isEqualTo("no_display_name");
    }

    @Test
    void keepsDisplayNameAndResourceGroupIdWhenGiven() {
        ApiClient.Reply reply =
                create("{\"WorkspaceName\":\"named\",\"Description\":\"d\",\"EnvTypes\":[\"dev\",\"prod\"],"
                        + "\"DisplayName\":\"demo工作空间\",\"ResourceGroupId\":\"rg-acfmwp7rkyq1234\"}");

        JsonNode got = api.get(
                        "/api/v1/workspaces/" + reply.body().get("WorkspaceId").asText())
                .body();
        assertThat(got.get("DisplayName").asText()).isEqualTo("demo工作空间");
        assertThat(got.get("ResourceGroupId").asText()).isEqualTo("rg-acfmwp7rkyq1234");
        assertThat(got.get("EnvTypes")).extracting(JsonNode::asText).containsExactly("dev", "prod");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a_1", "Abcdefghij_klmnopqrstuv", "workspace_example", "W12"})
    void acceptsNamesOfThreeToTwentyThreeLettersDigitsAndUnderscoresStartingWithALetter(String name) {
        assertThat(create(body(name, "d", "[\"prod\"]")).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ab", "Abcdefghij_klmnopqrstuvw", "1abc", "_abc", "ws-demo", "ws demo", "wsé_demo", "ws.demo", ""
            })
    void rejectsNamesThatBreakTheRules(String name) {
        ApiClient.Reply reply = create(body(name, "d", "[\"prod\"]"));

        assertError(reply, 400, name.isEmpty() ? "MissingParameter" : "InvalidParameter");
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void rejectsNameAlreadyTakenAndChangesNothing() {
        String firstId = api.createWorkspace("taken_name");

        ApiClient.Reply second = create(body("taken_name", "other description", "[\"dev\",\"prod\"]"));

        assertError(second, 409, "WorkspaceNameAlreadyExists");
        assertThat(fake.workspaces()).singleElement().satisfies(stored -> {
            assertThat(stored.workspaceId()).isEqualTo(firstId);
            assertThat(stored.description()).isEqualTo("created by a test");
        });
    }

    @Test
    void namesAreCaseSensitive() {
        api.createWorkspace("CaseName");

        assertThat(create(body("casename", "d", "[\"prod\"]")).status()).isEqualTo(200);
    }

    @Test
    void acceptsDescriptionOfEightyChineseCharacters() {
        String eighty = "描".repeat(80);

        ApiClient.Reply reply = create(body("desc_80", eighty, "[\"prod\"]"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fake.workspaces())
                .singleElement()
                .extracting(Workspace::description)
                .isEqualTo(eighty);
    }

    @Test
    void rejectsDescriptionOfEightyOneChineseCharacters() {
        assertError(create(body("desc_81", "描".repeat(81), "[\"prod\"]")), 400, "InvalidParameter");
    }

    @Test
    void countsDescriptionInCharactersNotUtf16Units() {
        String eightyEmoji = "😀".repeat(80);

        assertThat(create(body("emoji_80", eightyEmoji, "[\"prod\"]")).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"prod\"]", "[\"dev\",\"prod\"]", "[\"prod\",\"dev\"]"})
    void acceptsBasicAndStandardModeEnvTypes(String envTypes) {
        assertThat(create(body("env_ok", "d", envTypes)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "[\"dev\"]",
                "[\"test\"]",
                "[\"PROD\"]",
                "[\"prod\",\"prod\"]",
                "[\"dev\",\"prod\",\"staging\"]"
            })
    void rejectsOtherEnvTypes(String envTypes) {
        assertError(create(body("env_bad", "d", envTypes)), 400, "InvalidParameter");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}",
                "{\"WorkspaceName\":\"ws_a\",\"EnvTypes\":[\"prod\"]}",
                "{\"WorkspaceName\":\"ws_a\",\"Description\":\"\",\"EnvTypes\":[\"prod\"]}",
                "{\"WorkspaceName\":\"ws_a\",\"Description\":\"d\"}",
                "{\"WorkspaceName\":null,\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}",
                "{}"
            })
    void rejectsMissingRequiredMembers(String json) {
        assertError(create(json), 400, "MissingParameter");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"WorkspaceName\":123,\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}",
                "{\"WorkspaceName\":\"ws_a\",\"Description\":[\"d\"],\"EnvTypes\":[\"prod\"]}",
                "{\"WorkspaceName\":\"ws_a\",\"Description\":\"d\",\"EnvTypes\":\"prod\"}",
                "{\"WorkspaceName\":\"ws_a\",\"Description\":\"d\",\"EnvTypes\":[1]}",
                "{\"WorkspaceName\":\"ws_a\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"],\"DisplayName\":true}",
                "{\"WorkspaceName\":\"ws_a\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"],\"ResourceGroupId\":{}}"
            })
    void rejectsWrongJsonTypes(String json) {
        assertError(create(json), 400, "InvalidParameter");
        assertThat(fake.workspaces()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"WorkspaceName\":",
                "not json",
                "[]",
                "\"text\"",
                "42",
                "null",
                "{\"WorkspaceName\":\"a\",\"WorkspaceName\":\"b\"}",
                "{\"WorkspaceName\":\"ws_a\"} {}"
            })
    void rejectsBodiesThatAreNotOneJsonObject(String json) {
        assertError(create(json), 400, "InvalidParameter");
    }

    @Test
    void rejectsEmptyBody() {
        assertError(api.post("/api/v1/workspaces", "application/json", new byte[0]), 400, "MissingParameter");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] body = "{\"WorkspaceName\":\"ws_??\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"
                .getBytes(StandardCharsets.UTF_8);
        int marker = new String(body, StandardCharsets.ISO_8859_1).indexOf("??");
        body[marker] = (byte) 0xC3;
        body[marker + 1] = (byte) 0x28;

        assertError(api.post("/api/v1/workspaces", "application/json", body), 400, "InvalidParameter");
    }

    @Test
    void rejectsBodyThatIsNotDeclaredAsJson() {
        ApiClient.Reply reply = api.post(
                "/api/v1/workspaces",
                "application/x-www-form-urlencoded",
                "WorkspaceName=ws_a".getBytes(StandardCharsets.UTF_8));

        assertError(reply, 415, "UnsupportedMediaType");
    }

    @Test
    void acceptsJsonBodyWithoutContentType() {
        ApiClient.Reply reply = api.post(
                "/api/v1/workspaces", null, body("no_type", "d", "[\"prod\"]").getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void ignoresUnknownMembers() {
        ApiClient.Reply reply =
                create("{\"WorkspaceName\":\"extra\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"],\"Future\":1}");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void newWorkspacesGetTheConfiguredInitialStatus() {
        try (PaiWorkspaceFake initializing = PaiWorkspaceFake.builder()
                .initialStatus(WorkspaceStatus.INITIALIZING)
                .build()
                .start()) {
            ApiClient client = new ApiClient(initializing.baseUrl());
            String id = client.createWorkspace("slow_start");

            assertThat(client.get("/api/v1/workspaces/" + id)
                            .body()
                            .get("Status")
                            .asText())
                    .isEqualTo("INITIALIZING");
        }
    }
}
