package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin endpoints the console uses: its own files, the state's summary and pages (each item as the API answers
 * it, for every kind the catalogue declares), the journal paged and filtered, faults listed and cleared, a default
 * made, the operations; and the guard against other sites' pages.
 */
class ConsoleAdminApiTest {

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().adminApi(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------------------------------ the console's files

    @Test
    void servesTheConsoleFromTheJarMarkedNotToBeFramedOrToLoadAnythingElse() throws Exception {
        HttpResponse<String> page = send("GET", "/__admin/console", "");
        HttpResponse<String> script = send("GET", "/__admin/console/console.js", "");
        HttpResponse<String> style = send("GET", "/__admin/console/console.css", "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
                        .contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body())
                .contains("/__admin/console/console.js", "/__admin/console/console.css")
                .doesNotContain("http://", "https://");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
        assertThat(script.body()).contains("'/__admin'").doesNotContain("innerHTML", "https://");
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css;charset=utf-8");
        assertThat(send("GET", "/__admin/console/", "").body()).isEqualTo(page.body());
        assertError(api.get("/__admin/console/other.js"), 404, "InvalidApi.NotFound");
        assertThat(fake.requests()).as("admin calls are not journaled").isEmpty();
    }

    @Test
    void theConsoleIsOffWithTheAdminApi() {
        try (PaiWorkspaceFake plain = PaiWorkspaceFake.builder().build().start()) {
            assertError(new ApiClient(plain.baseUrl()).get("/__admin/console"), 404, "InvalidApi.NotFound");
            assertError(new ApiClient(plain.baseUrl()).get("/__admin/state"), 404, "InvalidApi.NotFound");
        }
    }

    // ------------------------------------------------------------------------------------------------------ state

    @Test
    void summarisesEveryKindPerAccountFromTheCatalogue() {
        Account bob = Account.of("1999000000000009", "bob");
        String mine = api.createWorkspace("mine_ws");
        fake.addWorkspace(Workspace.builder("bobs_ws").owner(bob).build());
        fake.addUser("210000000000000001", "alice");
        fake.addMember(mine, "210000000000000001", "PAI.AlgoDeveloper");

        JsonNode summary = api.get("/__admin/state").body();

        assertThat(summary.get("regionId").asText()).isEqualTo("cn-hangzhou");
        assertThat(summary.get("accountId").asText()).isEqualTo(fake.account().accountId());
        List<String> kinds = names(summary.get("kinds"), "name");
        assertThat(kinds).startsWith("Workspace", "Member", "User");
        assertThat(kinds).containsAll(Catalogue.get().resources().keySet());
        assertThat(summary.get("kinds").get(0).get("answeredBy").asText()).isEqualTo("GetWorkspace");
        assertThat(summary.get("accounts")).hasSize(2);
        JsonNode first = summary.get("accounts").get(0);
        assertThat(first.get("accountId").asText()).isEqualTo(fake.account().accountId());
        assertThat(first.get("counts").get("Workspace").asInt()).isEqualTo(1);
        assertThat(first.get("counts").get("Member").asInt()).isEqualTo(2);
        assertThat(first.get("counts").get("User").asInt()).isEqualTo(2);
        JsonNode second = summary.get("accounts").get(1);
        assertThat(second.get("accountId").asText()).isEqualTo(bob.accountId());
        assertThat(second.get("userName").asText()).isEqualTo("bob");
        assertThat(second.get("counts").get("Workspace").asInt()).isEqualTo(1);
    }

    @Test
    void showsEachWorkspaceMemberAndUserAsTheApiAnswers() {
        String id = api.createWorkspace("as_answered");
        fake.makeDefault(id);
        fake.addUser("210000000000000001", "alice");
        fake.addMember(id, "210000000000000001", "PAI.AlgoDeveloper");

        JsonNode workspaces = api.get("/__admin/state/Workspace").body();
        JsonNode members = api.get("/__admin/state/Member").body();
        JsonNode users = api.get("/__admin/state/User").body();

        JsonNode item = workspaces.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("isDefault").asBoolean()).isTrue();
        assertThat(item.get("cells").get("WorkspaceName").asText()).isEqualTo("as_answered");
        assertThat(item.get("json")).isEqualTo(withoutRequestId(api.get("/api/v1/workspaces/" + id + "?Verbose=true")));
        JsonNode alice = members.get("items").get(1);
        assertThat(alice.get("id").asText()).isEqualTo(id + "-210000000000000001");
        assertThat(alice.get("cells").get("Roles").asText()).isEqualTo("PAI.AlgoDeveloper");
        assertThat(alice.get("json"))
                .isEqualTo(withoutRequestId(
                        api.get("/api/v1/workspaces/" + id + "/member?MemberId=" + id + "-210000000000000001")));
        assertThat(users.get("totalCount").asInt()).isEqualTo(2);
        assertThat(users.get("items").get(1).get("json").toString())
                .as("as ListWorkspaceUsers lists a user")
                .isEqualTo("{\"UserId\":\"210000000000000001\",\"UserName\":\"alice\"}");
    }

    @Test
    void readingTheStateCountsAsNoReadOfTheApi() {
        String id = api.createWorkspace("still_initializing");
        fake.enableAfterReads(id, 1);

        JsonNode shown = api.get("/__admin/state/Workspace").body().get("items").get(0);

        assertThat(shown.get("json").get("Status").asText()).isEqualTo("INITIALIZING");
        assertThat(fake.workspace(id).orElseThrow().status()).isEqualTo(WorkspaceStatus.INITIALIZING);
        assertThat(api.get("/api/v1/workspaces/" + id).body().get("Status").asText())
                .isEqualTo("ENABLED");
    }

    @Test
    void showsModelsVersionsAndCodeSourcesAsTheirGetOperationsAnswerWithWhatTheyAddToWhatIsStored() {
        String workspaceId = api.createWorkspace("registry_ws");
        String modelId = api.post(
                        "/api/v1/models", "{\"ModelName\":\"console_model\",\"WorkspaceId\":\"" + workspaceId + "\"}")
                .body()
                .get("ModelId")
                .asText();
        api.post("/api/v1/models/" + modelId + "/versions", "{\"Uri\":\"oss://bucket/one\"}");
        String latest = api.post("/api/v1/models/" + modelId + "/versions", "{\"Uri\":\"oss://bucket/two\"}")
                .body()
                .get("VersionName")
                .asText();
        String codeSourceId = api.post(
                        "/api/v1/codesources",
                        "{\"DisplayName\":\"console_code\",\"WorkspaceId\":\"" + workspaceId
                                + "\",\"CodeRepo\":\"https://example.com/repo.git\",\"MountPath\":\"/mnt/code/console/\"}")
                .body()
                .get("CodeSourceId")
                .asText();

        JsonNode model = api.get("/__admin/state/Model").body().get("items").get(0);
        JsonNode version =
                api.get("/__admin/state/ModelVersion").body().get("items").get(0);
        JsonNode codeSource =
                api.get("/__admin/state/CodeSource").body().get("items").get(0);

        assertThat(model.get("json")).isEqualTo(withoutRequestId(api.get("/api/v1/models/" + modelId)));
        assertThat(model.get("json").get("LatestVersion").get("VersionName").asText())
                .isEqualTo(latest);
        assertThat(model.get("json").get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(version.get("json"))
                .isEqualTo(withoutRequestId(api.get("/api/v1/models/" + modelId + "/versions/" + latest)));
        assertThat(codeSource.get("json")).isEqualTo(withoutRequestId(api.get("/api/v1/codesources/" + codeSourceId)));
    }

    @Test
    void showsNoSecretInTheStateOrInTheAnswersTheJournalKeeps() {
        String secret = "sk-console-0123456789";
        String workspaceId = api.createWorkspace("secrets_ws");
        String connectionId = api.post(
                        "/api/v1/connections",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConnectionName\":\"llm\","
                                + "\"ConnectionType\":\"DashScopeConnection\","
                                + "\"Configs\":{\"base_url\":\"https://dashscope.aliyuncs.com\"},"
                                + "\"Secrets\":{\"api_key\":\"" + secret + "\"}}")
                .body()
                .get("ConnectionId")
                .asText();
        ApiClient.Reply plain = api.get("/api/v1/connections/" + connectionId + "?EncryptOption=PlainText");
        assertThat(plain.body().at("/Secrets/api_key").asText())
                .as("the client asked for it")
                .isEqualTo(secret);

        JsonNode connection =
                api.get("/__admin/state/Connection").body().get("items").get(0);
        JsonNode journal = api.get("/__admin/requests?order=newest").body();
        String read = journal.get("requests").get(0).get("sequence").asText();
        JsonNode whole = api.get("/__admin/requests/" + read).body();

        assertThat(connection.get("json").at("/Secrets/api_key").asText()).isEqualTo("******");
        assertThat(connection.get("json").at("/Configs/base_url").asText()).isEqualTo("https://dashscope.aliyuncs.com");
        assertThat(whole.toString()).contains("GetConnection", "******").doesNotContain(secret);
        assertThat(journal.toString()).doesNotContain(secret);
        assertThat(fake.requests(Operation.GetConnection))
                .singleElement()
                .satisfies(request -> assertThat(request.answer())
                        .contains("\"api_key\":\"******\"")
                        .doesNotContain(secret));
    }

    @Test
    void showsEveryResourceTypeOfTheEngineAsItsGetOperationAnswersWithoutCodeOfItsOwn() {
        StringBuilder seed =
                new StringBuilder("{\"workspaces\":[{\"WorkspaceId\":\"7001\",\"WorkspaceName\":\"res_ws\"}],");
        seed.append("\"resources\":[");
        List<ResourceSpec> types = new ArrayList<>(Catalogue.get().resources().values());
        types.sort((a, b) -> Boolean.compare(a.parent() != null, b.parent() != null));
        for (int i = 0; i < types.size(); i++) {
            ResourceSpec type = types.get(i);
            seed.append(i == 0 ? "" : ",")
                    .append("{\"Type\":\"")
                    .append(type.name())
                    .append("\",\"Id\":\"id-")
                    .append(type.name())
                    .append('"');
            if (type.parent() != null) {
                seed.append(",\"ParentId\":\"id-").append(type.parent()).append('"');
            } else if (type.workspaceField() != null) {
                seed.append(",\"WorkspaceId\":\"7001\"");
            }
            seed.append(",\"Fields\":{\"")
                    .append(type.idField())
                    .append("\":\"id-")
                    .append(type.name())
                    .append("\",\"Description\":\"seeded ")
                    .append(type.name())
                    .append("\",\"Undeclared\":\"never answered\"}}");
        }
        fake.load(seed.append("]}").toString());

        JsonNode counts =
                api.get("/__admin/state").body().get("accounts").get(0).get("counts");
        for (ResourceSpec type : types) {
            JsonNode page = api.get("/__admin/state/" + type.name()).body();
            JsonNode item = page.get("items").get(0);
            JsonNode kind = kind(type.name());

            assertThat(counts.get(type.name()).asInt()).as(type.name()).isEqualTo(1);
            assertThat(page.get("totalCount").asInt()).isEqualTo(1);
            assertThat(item.get("id").asText()).isEqualTo("id-" + type.name());
            assertThat(item.get("cells").get(type.idField()).asText()).isEqualTo("id-" + type.name());
            assertThat(page.get("columns").get(0).asText()).isEqualTo(type.idField());
            if (kind.get("answeredBy").isNull()) {
                assertThat(item.get("json").get("Undeclared").asText())
                        .as("a kind no operation answers (%s) is shown as stored", type.name())
                        .isEqualTo("never answered");
            } else {
                assertThat(item.get("json").has("Undeclared"))
                        .as("only the members the API declares: %s", type.name())
                        .isFalse();
            }
            boolean hasGet = java.util.Arrays.stream(Operation.values())
                    .anyMatch(op -> op.name().equals("Get" + type.name()));
            if (hasGet) {
                String answeredBy = kind.get("answeredBy").asText();
                List<String> declared = Catalogue.get().operation(Operation.valueOf(answeredBy)).response().stream()
                        .map(FieldSpec::name)
                        .toList();
                assertThat(answeredBy).isEqualTo("Get" + type.name());
                assertThat(declared).containsAll(memberNames(item.get("json")));
                if (declared.contains("Description")) {
                    assertThat(item.get("json").get("Description").asText()).isEqualTo("seeded " + type.name());
                }
            }
            if (type.parent() != null) {
                assertThat(item.get("parentId").asText()).isEqualTo("id-" + type.parent());
            }
        }
    }

    @Test
    void pagesNewestFirstAndFilters() {
        for (int i = 1; i <= 5; i++) {
            api.createWorkspace("paged_" + i);
        }

        JsonNode second = api.get("/__admin/state/Workspace?page=2&pageSize=2").body();
        JsonNode filtered = api.get("/__admin/state/Workspace?filter=PAGED_4").body();
        JsonNode past = api.get("/__admin/state/Workspace?page=9&pageSize=2").body();
        JsonNode filteredMembers =
                api.get("/__admin/state/Member?filter=100002&pageSize=1").body();

        assertThat(second.get("totalCount").asInt()).isEqualTo(5);
        assertThat(names(second.get("items"), "cells", "WorkspaceName")).containsExactly("paged_3", "paged_2");
        assertThat(names(filtered.get("items"), "cells", "WorkspaceName")).containsExactly("paged_4");
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("totalCount").asInt()).isEqualTo(5);
        assertThat(filteredMembers.get("totalCount").asInt()).isEqualTo(1);
        assertThat(filteredMembers.get("items").get(0).get("workspaceId").asText())
                .isEqualTo("100002");
    }

    @Test
    void listsAnotherAccountsItemsUnderItsOwnAccountOnly() {
        api.createWorkspace("mine_only");
        fake.addWorkspace(Workspace.builder("bobs_only")
                .owner(Account.of("1999000000000009", "bob"))
                .build());

        JsonNode mine = api.get("/__admin/state/Workspace").body();
        JsonNode bobs =
                api.get("/__admin/state/Workspace?account=1999000000000009").body();

        assertThat(names(mine.get("items"), "cells", "WorkspaceName")).containsExactly("mine_only");
        assertThat(names(bobs.get("items"), "cells", "WorkspaceName")).containsExactly("bobs_only");
        assertThat(api.get("/__admin/state/User?account=1999000000000009")
                        .body()
                        .get("items")
                        .get(0)
                        .get("cells")
                        .get("UserName")
                        .asText())
                .isEqualTo("bob");
    }

    @Test
    void refusesKindsAndPagesItCannotRead() {
        assertError(api.get("/__admin/state/Nothing"), 400, "InvalidParameter");
        assertError(api.get("/__admin/state/Workspace?page=0"), 400, "InvalidParameter");
        assertError(api.get("/__admin/state/Workspace?pageSize=501"), 400, "InvalidParameter");
        assertError(api.get("/__admin/state/Workspace?pageSize=x"), 400, "InvalidParameter");
    }

    // ---------------------------------------------------------------------------------------------------- journal

    @Test
    void pagesTheJournalNewestFirstFromASequenceOnAndFiltersIt() {
        api.createWorkspace("journal_one");
        api.get("/api/v1/workspaces/100001");
        api.get("/nowhere");
        api.get("/api/v1/workspaces/404404");

        JsonNode newest =
                api.get("/__admin/requests?order=newest&limit=2&summary=true").body();
        long latest = newest.get("latestSequence").asLong();
        JsonNode older = api.get("/__admin/requests?order=newest&limit=2&before=" + (latest - 1))
                .body();
        JsonNode since = api.get("/__admin/requests?after=" + (latest - 1)).body();
        JsonNode errors = api.get("/__admin/requests?status=4xx").body();
        JsonNode unrouted = api.get("/__admin/requests?operation=none").body();
        JsonNode text = api.get("/__admin/requests?text=JOURNAL_ONE").body();
        JsonNode exact = api.get("/__admin/requests?status=200").body();

        assertThat(newest.get("size").asInt()).isEqualTo(4);
        assertThat(newest.get("matchCount").asInt()).isEqualTo(4);
        assertThat(names(newest.get("requests"), "operation")).containsExactly("GetWorkspace", "null");
        assertThat(newest.get("requests").get(0).has("answer")).isFalse();
        assertThat(newest.get("requests").get(0).get("errorCode").asText()).isEqualTo("100400027");
        assertThat(newest.get("requests").get(1).get("reason").asText()).contains("/nowhere");
        assertThat(names(older.get("requests"), "operation")).containsExactly("GetWorkspace", "CreateWorkspace");
        assertThat(older.get("requests").get(0).get("answer").asText()).contains("\"WorkspaceName\":\"journal_one\"");
        assertThat(since.get("requests")).hasSize(1);
        assertThat(errors.get("matchCount").asInt()).isEqualTo(2);
        assertThat(unrouted.get("requests"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("path").asText()).isEqualTo("/nowhere"));
        assertThat(names(text.get("requests"), "operation"))
                .as("the name is in the create's body and in the read's answer")
                .containsExactly("CreateWorkspace", "GetWorkspace");
        assertThat(exact.get("matchCount").asInt()).isEqualTo(2);
    }

    @Test
    void showsOneRequestWhole() {
        api.createWorkspace("whole_one");
        long sequence =
                api.get("/__admin/requests").body().get("latestSequence").asLong();

        JsonNode whole = api.get("/__admin/requests/" + sequence).body();

        assertThat(whole.get("sequence").asLong()).isEqualTo(sequence);
        assertThat(whole.get("operation").asText()).isEqualTo("CreateWorkspace");
        assertThat(whole.get("headers").get("content-type").asText()).startsWith("application/json");
        assertThat(whole.get("body").asText()).contains("whole_one");
        assertThat(whole.get("answer").asText()).contains("\"WorkspaceId\"");
        assertThat(whole.get("latencyMillis").asDouble()).isPositive();
        api.delete("/__admin/requests");
        assertError(api.get("/__admin/requests/" + sequence), 400, "InvalidParameter");
        assertError(api.get("/__admin/requests/abc"), 400, "InvalidParameter");
    }

    @Test
    void refusesJournalQueriesItCannotRead() {
        assertError(api.get("/__admin/requests?status=teapot"), 400, "InvalidParameter");
        assertError(api.get("/__admin/requests?operation=DeleteEverything"), 400, "InvalidParameter");
        assertError(api.get("/__admin/requests?limit=0"), 400, "InvalidParameter");
        assertError(api.get("/__admin/requests?before=-1"), 400, "InvalidParameter");
    }

    // ----------------------------------------------------------------------------------------------------- faults

    @Test
    void listsPendingFaultsAndClearsOneOperationsOnly() {
        api.post(
                "/__admin/faults",
                "{\"operation\":\"GetWorkspace\",\"failNext\":2,\"status\":429,\"code\":\"Own.Code\",\"message\":\"m\"}");
        api.post("/__admin/faults", "{\"operation\":\"ListWorkspaces\",\"dropNext\":1}");
        api.post("/__admin/faults", "{\"operation\":\"ListWorkspaces\",\"delayMillis\":250}");

        JsonNode faults = api.get("/__admin/faults").body().get("faults");
        api.send("DELETE", "/__admin/faults", "application/json", "{\"operation\":\"ListWorkspaces\"}");
        JsonNode left = api.get("/__admin/faults").body().get("faults");

        assertThat(faults).hasSize(3);
        assertThat(faults.get(0).toString())
                .isEqualTo("{\"operation\":\"GetWorkspace\",\"kind\":\"fail\",\"remaining\":2,\"status\":429,"
                        + "\"code\":\"Own.Code\",\"message\":\"m\"}");
        assertThat(faults.get(1).toString())
                .isEqualTo("{\"operation\":\"ListWorkspaces\",\"kind\":\"drop\",\"remaining\":1}");
        assertThat(faults.get(2).toString())
                .isEqualTo("{\"operation\":\"ListWorkspaces\",\"kind\":\"delay\",\"delayMillis\":250}");
        assertThat(left)
                .singleElement()
                .satisfies(f -> assertThat(f.get("operation").asText()).isEqualTo("GetWorkspace"));
        assertError(api.get("/api/v1/workspaces/1"), 429, "Own.Code");
        assertThat(api.get("/__admin/faults")
                        .body()
                        .get("faults")
                        .get(0)
                        .get("remaining")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void refusesAnErrorOfOnesOwnThatIsNoError() {
        assertError(
                api.post(
                        "/__admin/faults",
                        "{\"operation\":\"GetWorkspace\",\"failNext\":1,\"status\":200,\"code\":\"C\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post("/__admin/faults", "{\"operation\":\"GetWorkspace\",\"failNext\":1,\"status\":500}"),
                400,
                "MissingParameter");
        assertError(
                api.post(
                        "/__admin/faults",
                        "{\"operation\":\"GetWorkspace\",\"failNext\":1,\"status\":500,\"code\":\"C\",\"error\":\"THROTTLING\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.send("DELETE", "/__admin/faults", "application/json", "{\"operation\":\"Nope\"}"),
                400,
                "InvalidParameter");
        assertThat(api.get("/__admin/faults").body().get("faults")).isEmpty();
    }

    // --------------------------------------------------------------------------------------- default, operations

    @Test
    void makesAWorkspaceTheDefault() {
        api.createWorkspace("first_ws");
        String second = api.createWorkspace("second_ws");

        JsonNode made =
                api.post("/__admin/workspaces/" + second + "/default", "").body();

        assertThat(made.get("WorkspaceId").asText()).isEqualTo(second);
        assertThat(api.get("/api/v1/defaultWorkspaces")
                        .body()
                        .get("WorkspaceId")
                        .asText())
                .isEqualTo(second);
        assertError(api.post("/__admin/workspaces/404404/default", ""), 404, "100400027");
        assertError(
                api.post("/__admin/workspaces/" + second + "/default", "text/plain", new byte[0]),
                415,
                "UnsupportedMediaType");
    }

    @Test
    void listsEveryOperationAndWhetherItIsServed() {
        JsonNode operations = api.get("/__admin/operations").body().get("operations");

        assertThat(operations).hasSize(Operation.values().length);
        assertThat(names(operations, "name"))
                .containsExactlyElementsOf(java.util.Arrays.stream(Operation.values())
                        .map(Operation::name)
                        .toList());
        JsonNode getWorkspace = StreamSupport.stream(operations.spliterator(), false)
                .filter(op -> op.get("name").asText().equals("GetWorkspace"))
                .findFirst()
                .orElseThrow();
        assertThat(getWorkspace.toString())
                .isEqualTo("{\"name\":\"GetWorkspace\",\"family\":\"Workspace\",\"method\":\"GET\","
                        + "\"path\":\"/api/v1/workspaces/{WorkspaceId}\",\"served\":true}");
        assertThat(operations)
                .allSatisfy(op -> assertThat(op.get("served").asBoolean())
                        .as(op.get("name").asText())
                        .isEqualTo(io.github.paiworkspacefake.server.internal.families.Families.registry()
                                .serves(Operation.valueOf(op.get("name").asText()))));
    }

    // ------------------------------------------------------------------------------------------------- cross-site

    @Test
    void refusesWhatAnotherSitesPageSendsAndChangesNothing() throws Exception {
        api.createWorkspace("kept_ws");

        HttpResponse<String> crossSiteReset = send(
                "POST",
                "/__admin/reset",
                "{}",
                "Content-Type",
                "application/json",
                "Sec-Fetch-Site",
                "cross-site",
                "Sec-Fetch-Mode",
                "cors");
        HttpResponse<String> crossSiteRead =
                send("GET", "/__admin/snapshot", "", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors");
        HttpResponse<String> sameSiteRead =
                send("GET", "/__admin/state", "", "Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode", "cors");
        HttpResponse<String> otherOrigin = send(
                "POST", "/__admin/reset", "{}", "Content-Type", "application/json", "Origin", "http://evil.example");
        HttpResponse<String> framed = send(
                "GET",
                "/__admin/console",
                "",
                "Sec-Fetch-Site",
                "cross-site",
                "Sec-Fetch-Mode",
                "navigate",
                "Sec-Fetch-Dest",
                "iframe");

        for (HttpResponse<String> refused : List.of(crossSiteReset, crossSiteRead, sameSiteRead, otherOrigin, framed)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"Code\":\"Forbidden.AdminApi\"", "refuses this browser request");
        }
        assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("kept_ws");
    }

    @Test
    void letsItsOwnPageAndALinkFollowedFromElsewhereThrough() throws Exception {
        String origin = "http://127.0.0.1:" + fake.port();

        HttpResponse<String> followedLink = send(
                "GET",
                "/__admin/console",
                "",
                "Sec-Fetch-Site",
                "cross-site",
                "Sec-Fetch-Mode",
                "navigate",
                "Sec-Fetch-Dest",
                "document");
        HttpResponse<String> ownRead = send("GET", "/__admin/state", "", "Sec-Fetch-Site", "same-origin");
        HttpResponse<String> ownChange = send(
                "POST",
                "/__admin/reset",
                "",
                "Content-Type",
                "application/json",
                "Origin",
                origin,
                "Sec-Fetch-Site",
                "same-origin");
        HttpResponse<String> typedAddress = send("GET", "/__admin/console", "", "Sec-Fetch-Site", "none");

        assertThat(List.of(followedLink, ownRead, ownChange, typedAddress))
                .extracting(HttpResponse::statusCode)
                .containsOnly(200);
    }

    @Test
    void refusesABrowserThatReachesItByAHostNameAsARebindingAttackWould() throws Exception {
        String host = "rebound.example:" + fake.port();
        String answer = raw("POST /__admin/reset HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host
                + "\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/json\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        String curl = raw("GET /__admin/state HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 403").contains("by an IP address or localhost");
        assertThat(curl).as("a client that is no browser").startsWith("HTTP/1.1 200");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fake.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private JsonNode kind(String name) {
        return StreamSupport.stream(
                        api.get("/__admin/state").body().get("kinds").spliterator(), false)
                .filter(kind -> kind.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode withoutRequestId(ApiClient.Reply reply) {
        ObjectNode body = (ObjectNode) reply.body().deepCopy();
        body.remove("RequestId");
        return body;
    }

    private static List<String> memberNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode array, String... path) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode value = item;
            for (String step : path) {
                value = value.get(step);
            }
            values.add(value.isNull() ? "null" : value.asText());
        }
        return values;
    }
}
