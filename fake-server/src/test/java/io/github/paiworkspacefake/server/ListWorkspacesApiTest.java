package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ListWorkspaces ({@code GET /api/v1/workspaces}) through HTTP: paging, sorting, filters, options and errors. */
class ListWorkspacesApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    /** Creates workspaces one second apart, named as given, and returns their ids in creation order. */
    private List<String> create(String... names) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            clock.now = clock.now.plusSeconds(1);
            ids.add(api.createWorkspace(name));
        }
        return ids;
    }

    private static List<String> names(ApiClient.Reply reply) {
        List<String> names = new ArrayList<>();
        reply.body()
                .get("Workspaces")
                .forEach(item -> names.add(item.get("WorkspaceName").asText()));
        return names;
    }

    @Test
    void answersLargeEnoughToGainAreGzippedForClientsThatAcceptItAndOnlyForThem() throws Exception {
        for (int i = 0; i < 20; i++) {
            create("ws_" + i);
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder list =
                HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/workspaces?PageSize=20"));
        HttpRequest.Builder one = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/workspaces?PageSize=1"));

        HttpResponse<byte[]> gzipped = client.send(
                list.copy().header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = client.send(list.copy().build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> small =
                client.send(one.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        JsonNode unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            unzipped = ApiClient.JSON.readTree(in);
        }
        assertThat(unzipped.get("Workspaces")).hasSize(20);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(ApiClient.JSON.readTree(plain.body()).get("Workspaces")).isEqualTo(unzipped.get("Workspaces"));
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(small.body().length).isLessThan(1_500);
    }

    @Test
    void listsTheCallersWorkspacesOldestFirstWithAnIntegerTotalCount() {
        create("alpha_ws", "beta_ws", "gamma_ws");

        ApiClient.Reply reply = api.get("/api/v1/workspaces");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("RequestId").asText()).isEqualTo(reply.requestIdHeader());
        assertThat(reply.body().get("TotalCount").isIntegralNumber()).isTrue();
        assertThat(reply.body().get("TotalCount").asLong()).isEqualTo(3);
        assertThat(names(reply)).containsExactly("alpha_ws", "beta_ws", "gamma_ws");
    }

    @Test
    void listItemsCarryTheSdkListModelsMembersWithALowerCaseResourceGroupId() {
        String id = create("item_ws").get(0);
        fake.makeDefault(id);

        JsonNode item = api.get("/api/v1/workspaces").body().get("Workspaces").get(0);

        assertThat(item.get("WorkspaceId").asText()).isEqualTo(id);
        assertThat(item.get("resourceGroupId").asText()).isEqualTo("rg-acfm" + Account.DEFAULT.accountId());
        assertThat(item.has("ResourceGroupId")).isFalse();
        assertThat(item.get("AdminNames").get(0).asText()).isEqualTo(Account.DEFAULT.userName());
        assertThat(item.get("Creator").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(item.get("IsDefault").asBoolean()).isTrue();
        assertThat(item.get("Status").asText()).isEqualTo("ENABLED");
        assertThat(item.get("EnvTypes").get(0).asText()).isEqualTo("prod");
        assertThat(item.get("ExtraInfos").get("TenantId").asText()).isEqualTo(Account.DEFAULT.tenantId());
        assertThat(item.get("GmtCreateTime").asText()).isEqualTo("2026-01-01T00:00:01.000Z");
        assertThat(item.get("GmtModifiedTime").asText()).isEqualTo("2026-01-01T00:00:01.000Z");
        assertThat(item.get("DisplayName").asText()).isEqualTo("item_ws");
        assertThat(item.get("Description").asText()).isEqualTo("created by a test");
        assertThat(item.has("Owner")).isFalse();
    }

    @Test
    void pagesByPageNumberAndPageSizeWhileTotalCountCountsEveryMatch() {
        create("ws_a1", "ws_a2", "ws_a3", "ws_a4", "ws_a5");

        ApiClient.Reply second = api.get("/api/v1/workspaces?PageNumber=2&PageSize=2");
        ApiClient.Reply beyond = api.get("/api/v1/workspaces?PageNumber=4&PageSize=2");

        assertThat(names(second)).containsExactly("ws_a3", "ws_a4");
        assertThat(second.body().get("TotalCount").asLong()).isEqualTo(5);
        assertThat(names(beyond)).isEmpty();
        assertThat(beyond.body().get("TotalCount").asLong()).isEqualTo(5);
    }

    @Test
    void pageSizeDefaultsTo20() {
        for (int i = 0; i < 25; i++) {
            api.createWorkspace("many_" + i);
        }

        assertThat(names(api.get("/api/v1/workspaces"))).hasSize(20);
        assertThat(names(api.get("/api/v1/workspaces?PageNumber=2"))).hasSize(5);
        assertThat(names(api.get("/api/v1/workspaces?PageSize=100"))).hasSize(25);
    }

    @Test
    void sortsByCreationOrModificationTimeInEitherOrder() {
        List<String> ids = create("first_ws", "second_ws", "third_ws");
        clock.now = clock.now.plusSeconds(10);
        fake.updateWorkspace(ids.get(0), "touched", null);

        assertThat(names(api.get("/api/v1/workspaces?SortBy=GmtCreateTime&Order=DESC")))
                .containsExactly("third_ws", "second_ws", "first_ws");
        assertThat(names(api.get("/api/v1/workspaces?SortBy=GmtModifiedTime&Order=ASC")))
                .containsExactly("second_ws", "third_ws", "first_ws");
        assertThat(names(api.get("/api/v1/workspaces?SortBy=GmtModifiedTime&Order=DESC")))
                .containsExactly("first_ws", "third_ws", "second_ws");
    }

    @Test
    void filtersByNameStatusIdsAndResourceGroup() {
        List<String> ids = create("team_alpha", "team_beta", "solo_ws");
        fake.setStatus(ids.get(1), WorkspaceStatus.DISABLED);
        api.put(
                "/resourcegroups/action/changeresourcegroup",
                "{\"ResourceId\":\"" + ids.get(2)
                        + "\",\"NewResourceGroupId\":\"rg-other\",\"ResourceType\":\"workspace\"}");

        assertThat(names(api.get("/api/v1/workspaces?WorkspaceName=team"))).containsExactly("team_alpha", "team_beta");
        assertThat(names(api.get("/api/v1/workspaces?Status=DISABLED"))).containsExactly("team_beta");
        assertThat(names(api.get("/api/v1/workspaces?WorkspaceIds=" + ids.get(0) + ",424242," + ids.get(2))))
                .containsExactly("team_alpha", "solo_ws");
        assertThat(names(api.get("/api/v1/workspaces?ResourceGroupId=rg-other")))
                .containsExactly("solo_ws");
        ApiClient.Reply combined = api.get("/api/v1/workspaces?WorkspaceName=team&Status=ENABLED");
        assertThat(names(combined)).containsExactly("team_alpha");
        assertThat(combined.body().get("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void aCallerSeesOnlyItsOwnAccountsWorkspaces() {
        create("mine_ws");
        fake.addWorkspace(Workspace.builder("theirs_ws")
                .owner(Account.of("2000000000000002", "other"))
                .build());

        assertThat(names(api.get("/api/v1/workspaces"))).containsExactly("mine_ws");
        assertThat(fake.workspaces(Account.of("2000000000000002", "other")))
                .extracting(Workspace::workspaceName)
                .containsExactly("theirs_ws");
    }

    @Test
    void checkWorkspaceExistsMatchesTheExactName() {
        create("exact_ws");

        ApiClient.Reply exists = api.get("/api/v1/workspaces?Option=CheckWorkspaceExists&WorkspaceName=exact_ws");
        ApiClient.Reply partial = api.get("/api/v1/workspaces?Option=CheckWorkspaceExists&WorkspaceName=exact");

        assertThat(exists.body().get("TotalCount").asLong()).isEqualTo(1);
        assertThat(names(exists)).containsExactly("exact_ws");
        assertThat(partial.body().get("TotalCount").asLong()).isZero();
        assertThat(names(partial)).isEmpty();
        assertError(api.get("/api/v1/workspaces?Option=CheckWorkspaceExists"), 400, "MissingParameter");
    }

    @Test
    void getResourceLimitsAnswersResourceLimits() {
        ApiClient.Reply reply = api.get("/api/v1/workspaces?Option=GetResourceLimits");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("ResourceLimits").get("MaxCompute_share").asInt())
                .isEqualTo(1);
        assertThat(reply.body().get("RequestId").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PageNumber=0",
                "PageNumber=-1",
                "PageNumber=abc",
                "PageSize=0",
                "PageSize=101",
                "PageSize=1.5",
                "SortBy=gmtCreateTime",
                "SortBy=Name",
                "Order=asc",
                "Order=UP",
                "Status=enabled",
                "Status=DELETED",
                "Option=Other",
                "Verbose=yes",
                "PageSize=10&PageSize=20",
                "Verbose=%ff%fe"
            })
    void invalidQueryValuesAnswerInvalidParameter(String query) {
        assertError(api.get("/api/v1/workspaces?" + query), 400, "InvalidParameter");
    }

    @Test
    void verboseIsAcceptedAndListItemsAlwaysCarryCreatorAndAdminNames() {
        create("verbose_ws");

        for (String verbose : List.of("true", "false", "TRUE")) {
            JsonNode item = api.get("/api/v1/workspaces?Verbose=" + verbose)
                    .body()
                    .get("Workspaces")
                    .get(0);
            assertThat(item.has("Creator")).isTrue();
            assertThat(item.has("AdminNames")).isTrue();
        }
    }

    @Test
    void pagesStayCorrectWithAHundredThousandWorkspaces() {
        for (int i = 0; i < 100_000; i++) {
            clock.now = clock.now.plusMillis(1);
            fake.addWorkspace(Workspace.builder("bulk_" + i).build());
        }

        ApiClient.Reply newest = api.get("/api/v1/workspaces?PageSize=3&Order=DESC");
        ApiClient.Reply last = api.get("/api/v1/workspaces?PageNumber=1000&PageSize=100");
        ApiClient.Reply filtered = api.get("/api/v1/workspaces?WorkspaceName=bulk_9999&PageSize=100");
        ApiClient.Reply oldestLast = api.get("/api/v1/workspaces?PageNumber=1000&PageSize=100&Order=DESC");
        ApiClient.Reply partialLast = api.get("/api/v1/workspaces?PageNumber=33334&PageSize=3");
        ApiClient.Reply partialLastNewestFirst = api.get("/api/v1/workspaces?PageNumber=33334&PageSize=3&Order=DESC");
        ApiClient.Reply pastTheMiddle =
                api.get("/api/v1/workspaces?PageNumber=601&PageSize=100&SortBy=GmtModifiedTime");

        assertThat(names(newest)).containsExactly("bulk_99999", "bulk_99998", "bulk_99997");
        assertThat(newest.body().get("TotalCount").asLong()).isEqualTo(100_000);
        assertThat(names(last)).hasSize(100).startsWith("bulk_99900").endsWith("bulk_99999");
        assertThat(names(oldestLast)).hasSize(100).startsWith("bulk_99").endsWith("bulk_1", "bulk_0");
        assertThat(oldestLast.body().get("TotalCount").asLong()).isEqualTo(100_000);
        assertThat(names(partialLast)).containsExactly("bulk_99999");
        assertThat(names(partialLastNewestFirst)).containsExactly("bulk_0");
        assertThat(names(pastTheMiddle))
                .hasSize(100)
                .startsWith("bulk_60000", "bulk_60001")
                .endsWith("bulk_60099");
        assertThat(names(filtered))
                .containsExactly(
                        "bulk_9999",
                        "bulk_99990",
                        "bulk_99991",
                        "bulk_99992",
                        "bulk_99993",
                        "bulk_99994",
                        "bulk_99995",
                        "bulk_99996",
                        "bulk_99997",
                        "bulk_99998",
                        "bulk_99999");
    }

    @Test
    void totalCountFollowsCreatesDeletesOtherAccountsRestoresAndResets() {
        Account other = Account.of("2000000000000002", "other");
        List<String> ids = create("one_ws", "two_ws", "three_ws", "four_ws", "five_ws");
        fake.addWorkspace(Workspace.builder("theirs_ws").owner(other).build());
        assertThat(api.delete("/api/v1/workspaces/" + ids.get(1)).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/workspaces/" + ids.get(3)).status()).isEqualTo(200);
        clock.now = clock.now.plusSeconds(3600);

        ApiClient.Reply all = api.get("/api/v1/workspaces");
        ApiClient.Reply second = api.get("/api/v1/workspaces?PageNumber=2&PageSize=2&Order=DESC");

        int mine = fake.workspaces(fake.account()).size();
        assertThat(mine).isEqualTo(3);
        assertThat(all.body().get("TotalCount").asLong()).isEqualTo(mine);
        assertThat(names(all)).containsExactly("one_ws", "three_ws", "five_ws");
        assertThat(second.body().get("TotalCount").asLong()).isEqualTo(mine);
        assertThat(names(second)).containsExactly("one_ws");

        String snapshot = fake.snapshot();
        fake.reset();
        assertThat(api.get("/api/v1/workspaces").body().get("TotalCount").asLong())
                .isZero();
        fake.load(snapshot);
        assertThat(api.get("/api/v1/workspaces").body().get("TotalCount").asLong())
                .isEqualTo(mine);
    }

    @Test
    void aPageFarBeyondTheLastIsEmptyWithOrWithoutFilters() {
        create("far_ws", "farther_ws");

        ApiClient.Reply unfiltered = api.get("/api/v1/workspaces?PageSize=100&PageNumber=" + Long.MAX_VALUE);
        ApiClient.Reply filtered =
                api.get("/api/v1/workspaces?PageSize=100&WorkspaceName=far&PageNumber=" + Long.MAX_VALUE);

        assertThat(unfiltered.status()).isEqualTo(200);
        assertThat(names(unfiltered)).isEmpty();
        assertThat(unfiltered.body().get("TotalCount").asLong()).isEqualTo(2);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(names(filtered)).isEmpty();
        assertThat(filtered.body().get("TotalCount").asLong()).isEqualTo(2);
    }
}
