package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ListWorkspaces: paging, sorting, filters, the three {@code Option}s and refused values. The read-only checks work on
 * whatever the account holds, an empty account included. The creating ones (tagged, skipped without
 * {@code --allow-create}) share three workspaces the run creates one after the other and then modifies in the
 * opposite order, so that sorting by GmtCreateTime and by GmtModifiedTime give different, known orders.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("ListWorkspaces")
@Order(3)
public class ListWorkspacesContractChecks {

    /** The largest page the read-only checks ask for; pages this big are what paging clients such as PAI's SDK use. */
    private static final String FULL_PAGE = "100";

    private static final String FIXTURE_CHECK = "ListWorkspaces > three workspaces to list";

    private final ContractRun run;
    private final PaiWorkspaceApi api;
    private Fixture fixture;
    private AssertionError fixtureProblem;

    /**
     * Three workspaces of this run, in creation order, and how GetWorkspace ({@code Verbose=true}) shows each after
     * the modifications.
     */
    private record Fixture(List<String> ids, Map<String, JsonNode> reads) {

        String idsParameter() {
            return String.join(",", ids);
        }

        /** The ids ordered by a timestamp member as GetWorkspace shows it. */
        List<String> orderedBy(String member, boolean descending) {
            Comparator<String> byTime = Comparator.comparing(
                    id -> Instant.parse(reads.get(id).get(member).asText()));
            return ids.stream().sorted(descending ? byTime.reversed() : byTime).toList();
        }
    }

    ListWorkspacesContractChecks(ContractRun run) {
        this.run = run;
        this.api = run.api();
    }

    private synchronized Fixture fixture() {
        if (fixtureProblem != null) {
            throw fixtureProblem;
        }
        if (fixture == null) {
            try {
                fixture = createFixture();
            } catch (AssertionError e) {
                fixtureProblem = new AssertionError("setting up three workspaces to list failed: " + e.getMessage(), e);
                throw fixtureProblem;
            }
        }
        return fixture;
    }

    private Fixture createFixture() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(RunWorkspaces.create(run, FIXTURE_CHECK, "listed " + i));
            RunWorkspaces.pause();
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            ApiResponse updated =
                    api.updateWorkspace(ids.get(i), "{\"Description\":\"listed, modified " + (ids.size() - i) + "\"}");
            assertThat(updated.status()).as("%s", updated).isEqualTo(200);
            RunWorkspaces.pause();
        }
        Map<String, JsonNode> reads = new LinkedHashMap<>();
        ids.forEach(id -> reads.put(id, RunWorkspaces.read(api, id, true)));
        return new Fixture(List.copyOf(ids), reads);
    }

    private static Instant time(JsonNode item, String member) {
        return Instant.parse(item.get(member).asText());
    }

    // Read-only: whatever the account holds.

    @Test
    @DisplayName(
            "ListWorkspaces without parameters: the documented shape, at most 20 workspaces (the default PageSize), "
                    + "TotalCount counting at least those")
    void listsWithDefaults() {
        ListAnswer answer = ListAnswer.of(api.listWorkspaces());

        assertThat(answer.workspaces()).as("%s: Workspaces", answer.response()).hasSizeLessThanOrEqualTo(20);
        assertThat(answer.totalCount())
                .as("%s: TotalCount", answer.response())
                .isGreaterThanOrEqualTo(answer.workspaces().size());
    }

    @Test
    @DisplayName(
            "ListWorkspaces pages with PageSize=1: one workspace a page, in the order of a full page, the same TotalCount, "
                    + "and an empty page past the end")
    void pagesOneByOne() {
        ListAnswer full = ListAnswer.of(api.listWorkspaces("PageSize", FULL_PAGE));
        long total = full.totalCount();
        int checked = (int) Math.min(Math.min(total, 5), full.workspaces().size());

        for (int page = 1; page <= checked; page++) {
            ListAnswer one = ListAnswer.of(api.listWorkspaces("PageSize", "1", "PageNumber", Integer.toString(page)));
            assertThat(one.workspaceIds())
                    .as("%s: page %d of PageSize=1", one.response(), page)
                    .containsExactly(full.workspaceIds().get(page - 1));
            assertThat(one.totalCount())
                    .as("%s: TotalCount counts every match, not the page", one.response())
                    .isEqualTo(total);
        }
        ListAnswer pastTheEnd =
                ListAnswer.of(api.listWorkspaces("PageSize", "1", "PageNumber", Long.toString(total + 1)));
        assertThat(pastTheEnd.workspaces())
                .as("%s: a page past the end", pastTheEnd.response())
                .isEmpty();
        assertThat(pastTheEnd.totalCount())
                .as("%s: TotalCount", pastTheEnd.response())
                .isEqualTo(total);
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                order("no SortBy and no Order: GmtCreateTime ascending", null, null, "GmtCreateTime", false),
                order("SortBy=GmtCreateTime, Order=ASC", "GmtCreateTime", "ASC", "GmtCreateTime", false),
                order("SortBy=GmtCreateTime, Order=DESC", "GmtCreateTime", "DESC", "GmtCreateTime", true),
                order("SortBy=GmtModifiedTime, Order=ASC", "GmtModifiedTime", "ASC", "GmtModifiedTime", false),
                order("SortBy=GmtModifiedTime, Order=DESC", "GmtModifiedTime", "DESC", "GmtModifiedTime", true));
    }

    private static Arguments order(String name, String sortBy, String order, String member, boolean descending) {
        return Arguments.of(Named.of(name, sortBy == null ? "" : sortBy), order, member, descending);
    }

    private static String[] sortQuery(String sortBy, String order, String... more) {
        List<String> query = new ArrayList<>(List.of(more));
        if (!sortBy.isEmpty()) {
            query.addAll(List.of("SortBy", sortBy));
        }
        if (order != null) {
            query.addAll(List.of("Order", order));
        }
        return query.toArray(String[]::new);
    }

    @ParameterizedTest(name = "ListWorkspaces with {0} answers the account''s workspaces in that order")
    @DisplayName("ListWorkspaces sorting, on whatever the account holds")
    @MethodSource("orders")
    void sortsWhateverTheAccountHolds(String sortBy, String order, String member, boolean descending) {
        ListAnswer answer = ListAnswer.of(api.listWorkspaces(sortQuery(sortBy, order, "PageSize", FULL_PAGE)));

        List<Instant> times =
                answer.workspaces().stream().map(item -> time(item, member)).toList();
        Comparator<Instant> expected = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        assertThat(times).as("%s: %s of the items", answer.response(), member).isSortedAccordingTo(expected);
    }

    @Test
    @DisplayName("ListWorkspaces with Option=GetResourceLimits answers ResourceLimits")
    void answersResourceLimits() {
        ListAnswer.of(
                api.listWorkspaces("Option", "GetResourceLimits"), ResponseSchemas.LIST_WORKSPACES_RESOURCE_LIMITS);
    }

    @Test
    @DisplayName(
            "ListWorkspaces with Option=CheckWorkspaceExists: a name nobody has gives TotalCount 0 and no workspaces")
    void checkWorkspaceExistsOfAnAbsentName() {
        ListAnswer answer = ListAnswer.of(
                api.listWorkspaces(
                        "Option",
                        "CheckWorkspaceExists",
                        "WorkspaceName",
                        run.names().next()),
                ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS);

        assertThat(answer.totalCount()).as("%s: TotalCount", answer.response()).isZero();
        assertThat(answer.workspaces()).as("%s: Workspaces", answer.response()).isEmpty();
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                        new String[] {"PageNumber", "0"},
                        new String[] {"PageNumber", "-1"},
                        new String[] {"PageNumber", "one"},
                        new String[] {"PageSize", "0"},
                        new String[] {"PageSize", "-5"},
                        new String[] {"PageSize", "ten"},
                        new String[] {"SortBy", "gmtCreateTime"},
                        new String[] {"SortBy", "WorkspaceName"},
                        new String[] {"Order", "asc"},
                        new String[] {"Order", "UP"},
                        new String[] {"Status", "enabled"},
                        new String[] {"Status", "DELETING"},
                        new String[] {"Option", "getWorkspaces"},
                        new String[] {"Option", "ListEverything"},
                        new String[] {"Verbose", "maybe"})
                .map(pair -> Arguments.of(Named.of(pair[0] + "=" + pair[1], pair[0]), pair[1]));
    }

    @ParameterizedTest(name = "ListWorkspaces refuses {0} with 400 in the error format")
    @DisplayName("Invalid ListWorkspaces queries")
    @MethodSource("invalidQueries")
    void refusesInvalidValues(String parameter, String value) {
        assertRefused(api.listWorkspaces(parameter, value), 400);
    }

    // Creating: three workspaces of this run.

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName(
            "ListWorkspaces lists a workspace of the run as GetWorkspace shows it, with its group as resourceGroupId "
                    + "(lower-case r), with and without Verbose")
    void listsAWorkspaceAsGetWorkspaceShowsIt() {
        String id = fixture().ids().get(0);
        JsonNode read = RunWorkspaces.read(api, id, true);

        for (String verbose : new String[] {"true", "false"}) {
            ListAnswer answer = ListAnswer.of(api.listWorkspaces("WorkspaceIds", id, "Verbose", verbose));
            assertThat(answer.workspaceIds()).as("%s", answer.response()).containsExactly(id);
            JsonNode item = answer.workspaces().get(0);
            for (String member : List.of(
                    "WorkspaceId",
                    "WorkspaceName",
                    "DisplayName",
                    "Description",
                    "EnvTypes",
                    "Creator",
                    "Status",
                    "IsDefault",
                    "GmtCreateTime",
                    "GmtModifiedTime",
                    "ExtraInfos",
                    "AdminNames")) {
                assertThat(item.get(member))
                        .as("%s: %s as GetWorkspace shows it", answer.response(), member)
                        .isEqualTo(read.get(member));
            }
            assertThat(item.get("resourceGroupId"))
                    .as(
                            "%s: resourceGroupId, the list item's spelling of GetWorkspace's " + "ResourceGroupId",
                            answer.response())
                    .isEqualTo(read.get("ResourceGroupId"));
        }
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName(
            "ListWorkspaces pages the run's workspaces: PageSize=2 gives 2, then 1, then none, TotalCount 3 on every page")
    void pagesTheRunsWorkspaces() {
        Fixture listed = fixture();
        List<String> seen = new ArrayList<>();

        for (int page = 1; page <= 3; page++) {
            ListAnswer answer = ListAnswer.of(api.listWorkspaces(
                    "WorkspaceIds", listed.idsParameter(), "PageSize", "2", "PageNumber", Integer.toString(page)));
            assertThat(answer.workspaces())
                    .as("%s: page %d", answer.response(), page)
                    .hasSize(page == 1 ? 2 : page == 2 ? 1 : 0);
            assertThat(answer.totalCount())
                    .as("%s: TotalCount counts every match, not the page", answer.response())
                    .isEqualTo(3);
            seen.addAll(answer.workspaceIds());
        }
        assertThat(seen).as("the pages together").containsExactlyInAnyOrderElementsOf(listed.ids());
    }

    @ParameterizedTest(name = "ListWorkspaces with {0} orders the run''s workspaces by it")
    @DisplayName("ListWorkspaces sorting of the run's workspaces")
    @Tag(CreatingContractChecks.TAG)
    @MethodSource("orders")
    void sortsTheRunsWorkspaces(String sortBy, String order, String member, boolean descending) {
        Fixture listed = fixture();
        assertThat(listed.reads().values().stream()
                        .map(read -> read.get(member).asText())
                        .distinct())
                .as("the three workspaces have different %s values, created and modified apart", member)
                .hasSize(3);

        ListAnswer answer =
                ListAnswer.of(api.listWorkspaces(sortQuery(sortBy, order, "WorkspaceIds", listed.idsParameter())));

        assertThat(answer.workspaceIds())
                .as("%s: the order of %s %s", answer.response(), member, descending ? "DESC" : "ASC")
                .containsExactlyElementsOf(listed.orderedBy(member, descending));
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName("ListWorkspaces filters by WorkspaceIds; an unknown id is simply absent")
    void filtersByWorkspaceIds() {
        List<String> ids = fixture().ids();
        String unknown = ReadOnlyContractChecks.unknownId();

        ListAnswer answer =
                ListAnswer.of(api.listWorkspaces("WorkspaceIds", ids.get(0) + "," + unknown + "," + ids.get(2)));

        assertThat(answer.workspaceIds()).as("%s", answer.response()).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(answer.totalCount()).as("%s: TotalCount", answer.response()).isEqualTo(2);
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName(
            "ListWorkspaces filters by WorkspaceName: part of a name finds the run's workspaces, a whole name just its own")
    void filtersByWorkspaceName() {
        Fixture listed = fixture();
        String runPart = WorkspaceNames.PREFIX + run.names().runId() + "_";
        String firstName =
                listed.reads().get(listed.ids().get(0)).get("WorkspaceName").asText();

        ListAnswer byPart = ListAnswer.of(api.listWorkspaces("WorkspaceName", runPart, "PageSize", FULL_PAGE));
        assertThat(byPart.workspaceIds()).as("%s", byPart.response()).containsAll(listed.ids());
        assertThat(byPart.values("WorkspaceName"))
                .as("%s: every name matches", byPart.response())
                .allSatisfy(name -> assertThat(name).containsIgnoringCase(runPart));
        ListAnswer byName = ListAnswer.of(api.listWorkspaces("WorkspaceName", firstName));
        assertThat(byName.workspaceIds())
                .as("%s", byName.response())
                .containsExactly(listed.ids().get(0));
        assertThat(byName.totalCount()).as("%s: TotalCount", byName.response()).isEqualTo(1);
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName(
            "ListWorkspaces filters by Status: the run's workspaces in their status, none in a status they do not have")
    void filtersByStatus() {
        Fixture listed = fixture();
        String status = listed.reads().get(listed.ids().get(0)).get("Status").asText();
        List<String> inThatStatus = listed.ids().stream()
                .filter(id -> listed.reads().get(id).get("Status").asText().equals(status))
                .toList();

        ListAnswer same = ListAnswer.of(api.listWorkspaces("WorkspaceIds", listed.idsParameter(), "Status", status));
        assertThat(same.workspaceIds()).as("%s", same.response()).containsExactlyInAnyOrderElementsOf(inThatStatus);
        ListAnswer frozen =
                ListAnswer.of(api.listWorkspaces("WorkspaceIds", listed.idsParameter(), "Status", "FROZEN"));
        assertThat(frozen.workspaces())
                .as("%s: fresh workspaces are never FROZEN", frozen.response())
                .isEmpty();
        assertThat(frozen.totalCount()).as("%s: TotalCount", frozen.response()).isZero();
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName("ListWorkspaces filters by ResourceGroupId")
    void filtersByResourceGroupId() {
        Fixture listed = fixture();
        String group =
                listed.reads().get(listed.ids().get(0)).get("ResourceGroupId").asText();
        List<String> inThatGroup = listed.ids().stream()
                .filter(id ->
                        listed.reads().get(id).get("ResourceGroupId").asText().equals(group))
                .toList();

        ListAnswer same =
                ListAnswer.of(api.listWorkspaces("WorkspaceIds", listed.idsParameter(), "ResourceGroupId", group));
        assertThat(same.workspaceIds()).as("%s", same.response()).containsExactlyInAnyOrderElementsOf(inThatGroup);
        ListAnswer other = ListAnswer.of(api.listWorkspaces(
                "WorkspaceIds",
                listed.idsParameter(),
                "ResourceGroupId",
                "rg-" + run.names().runId() + "nosuchgroup"));
        assertThat(other.workspaces())
                .as("%s: a group nobody uses", other.response())
                .isEmpty();
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName("ListWorkspaces with Option=CheckWorkspaceExists finds a name of the run by the exact name only")
    void checkWorkspaceExistsOfTheRunsName() {
        Fixture listed = fixture();
        String name =
                listed.reads().get(listed.ids().get(0)).get("WorkspaceName").asText();

        ListAnswer exact = ListAnswer.of(
                api.listWorkspaces("Option", "CheckWorkspaceExists", "WorkspaceName", name),
                ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS);
        assertThat(exact.totalCount()).as("%s: TotalCount", exact.response()).isEqualTo(1);
        assertThat(exact.values("WorkspaceName"))
                .as("%s: Workspaces", exact.response())
                .containsExactly(name);
        ListAnswer part = ListAnswer.of(
                api.listWorkspaces(
                        "Option", "CheckWorkspaceExists", "WorkspaceName", name.substring(0, name.length() - 1)),
                ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS);
        assertThat(part.totalCount())
                .as("%s: part of a name is not that name", part.response())
                .isZero();
        assertThat(part.workspaces()).as("%s: Workspaces", part.response()).isEmpty();
    }
}
