package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.BrokenVariants.assertCaught;
import static io.github.paiworkspacefake.contract.BrokenVariants.responsesAltered;
import static io.github.paiworkspacefake.contract.BrokenVariants.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.contract.BrokenVariants.Account;
import io.github.paiworkspacefake.contract.BrokenVariants.Broken;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The suite catches an implementation that breaks the contract, and names the failing check. Each variant puts the
 * fake behind a {@link MutatingProxy} that breaks one rule; {@link BrokenVariants#assertCaught} fails unless the proxy
 * really altered something and the named check failed, so a variant the suite misses fails this test.
 */
class BrokenImplementationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean isGetWorkspace(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("GET") && exchange.pathAndQuery.matches("/api/v1/workspaces/[^/?]+(\\?.*)?");
    }

    private static boolean isGetDefaultWorkspace(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("GET") && exchange.pathAndQuery.startsWith("/api/v1/defaultWorkspaces");
    }

    private static boolean isListWorkspaces(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("GET")
                && (exchange.pathAndQuery.equals("/api/v1/workspaces")
                        || exchange.pathAndQuery.startsWith("/api/v1/workspaces?"));
    }

    private static boolean isUpdateWorkspace(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("PUT") && exchange.pathAndQuery.startsWith("/api/v1/workspaces/");
    }

    private static boolean isChangeResourceGroup(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("PUT")
                && exchange.pathAndQuery.startsWith("/resourcegroups/action/changeresourcegroup");
    }

    private static boolean isUpdateDefaultWorkspace(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("PUT") && exchange.pathAndQuery.startsWith("/api/v1/defaultWorkspaces");
    }

    private static final String MEMBERS = "/api/v1/workspaces/[^/?]+/members";

    private static boolean isListMembers(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("GET") && exchange.pathAndQuery.matches(MEMBERS + "(\\?.*)?");
    }

    private static boolean isGetMember(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("GET")
                && exchange.pathAndQuery.matches("/api/v1/workspaces/[^/?]+/member(\\?.*)?");
    }

    private static boolean isCreateMember(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("POST") && exchange.pathAndQuery.matches(MEMBERS);
    }

    private static boolean isDeleteMembers(MutatingProxy.Exchange exchange) {
        return exchange.isDelete() && exchange.pathAndQuery.matches(MEMBERS + "(\\?.*)?");
    }

    private static boolean isAddMemberRole(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("POST") && exchange.pathAndQuery.matches(MEMBERS + "/[^/?]+/roles/[^/?]+");
    }

    private static boolean isListWorkspaceUsers(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("GET")
                && exchange.pathAndQuery.matches("/api/v1/workspaces/[^/?]+/users(\\?.*)?");
    }

    /** The decoded value of the query parameter {@code name}, or null. */
    private static String parameter(String pathAndQuery, String name) {
        int question = pathAndQuery.indexOf('?');
        if (question < 0) {
            return null;
        }
        return Arrays.stream(pathAndQuery.substring(question + 1).split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst()
                .orElse(null);
    }

    /** Turns an answer into a 200 with this body, its RequestId the answer's own request id (kept in the header). */
    private static void answer200(MutatingProxy.Exchange exchange, ObjectNode body) {
        body.put("RequestId", exchange.responseHeaders.get("x-acs-request-id"));
        exchange.status = 200;
        exchange.responseBody = body.toString();
    }

    /** The request's path and query without the query parameter {@code name} (whatever its value). */
    private static String withoutParameter(String pathAndQuery, String name) {
        int question = pathAndQuery.indexOf('?');
        if (question < 0) {
            return pathAndQuery;
        }
        String kept = Arrays.stream(pathAndQuery.substring(question + 1).split("&"))
                .filter(pair -> !pair.equals(name) && !pair.startsWith(name + "="))
                .collect(Collectors.joining("&"));
        return pathAndQuery.substring(0, question) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /** Drops a ListWorkspaces query parameter on its way to the fake, as an implementation that ignores it would. */
    private static Broken listParameterIgnored(String name) throws IOException {
        return run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isListWorkspaces(exchange)) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, name);
                    }
                    return exchange;
                },
                UnaryOperator.identity());
    }

    /** Answers the requests {@code which} selects with 200 and a request id, without passing them to the fake. */
    private static MutatingProxy.LocalAnswer acceptedButIgnored(
            Predicate<MutatingProxy.Exchange> which, String requestIdMember) {
        return request -> {
            if (!which.test(request)) {
                return null;
            }
            String requestId = UUID.randomUUID().toString();
            request.status = 200;
            request.responseBody = "{\"" + requestIdMember + "\":\"" + requestId + "\"}";
            request.responseHeaders.put("x-acs-request-id", requestId);
            return request;
        };
    }

    private static boolean isCreateDefaultWorkspace(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("POST") && exchange.pathAndQuery.startsWith("/api/v1/defaultWorkspaces");
    }

    private static ObjectNode json(String body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The variants' own safeguards.

    @Test
    void theUnbrokenFakePassesThroughTheProxyWhateverTheAccount() throws IOException {
        for (Account account : Account.values()) {
            Broken unbroken = run(account, UnaryOperator.identity(), UnaryOperator.identity());

            assertThat(unbroken.result().failures()).as("%s: failures", account).isEmpty();
            assertThat(unbroken.alterations()).as("%s: alterations", account).isZero();
            assertThat(unbroken.result().skipped()).as("%s: skipped", account).isNotEmpty();
        }
    }

    @Test
    void assertCaughtRefusesAVariantThatAlteredNothing() throws IOException {
        Broken unbroken = responsesAltered(UnaryOperator.identity());

        assertThatThrownBy(() -> assertCaught(unbroken, ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("alter");
    }

    @Test
    void assertCaughtRefusesARunThatPassedOrFailedAnotherCheck() {
        ContractResult passed = new ContractResult(
                List.of(new ContractResult.Check("read-only > x", ContractResult.Outcome.PASSED, null)),
                List.of(),
                List.of());
        ContractResult otherFailure = new ContractResult(
                List.of(new ContractResult.Check("read-only > y", ContractResult.Outcome.FAILED, "no")),
                List.of(),
                List.of());

        assertThatThrownBy(() -> assertCaught(new Broken(passed, 3), "x")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertCaught(new Broken(otherFailure, 3), "x")).isInstanceOf(AssertionError.class);
    }

    // Shapes, statuses and validation.

    @Test
    void catchesAMissingField() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange) && exchange.status == 200) {
                ObjectNode body = json(exchange.responseBody);
                body.remove("WorkspaceName");
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "CreateWorkspace then GetWorkspace returns what was stored");
    }

    @Test
    void catchesAMissingResourceGroupId() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange) && exchange.status == 200) {
                ObjectNode body = json(exchange.responseBody);
                body.remove("ResourceGroupId");
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "CreateWorkspace then GetWorkspace returns what was stored");
    }

    @Test
    void catchesAWrongJsonType() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replace("\"IsDefault\":false", "\"IsDefault\":\"false\"");
            return exchange;
        });

        assertCaught(broken, "returns what was stored");
    }

    @Test
    void catchesAWrongStatusCode() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.status == 404) {
                exchange.status = 200;
            }
            return exchange;
        });

        assertCaught(broken, "an unknown WorkspaceId is 404");
    }

    @Test
    void catchesAnErrorWithoutHostId() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.status >= 400) {
                exchange.responseBody = exchange.responseBody.replaceFirst("\"HostId\":\"[^\"]*\",", "");
            }
            return exchange;
        });

        assertCaught(broken, "an unknown WorkspaceId is 404");
    }

    @Test
    void catchesAnInvalidNameAccepted() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.method.equals("POST") && exchange.requestBody.contains("\"WorkspaceName\":\"ab\"")) {
                exchange.status = 200;
                exchange.responseBody = "{\"RequestId\":\"R-" + UUID.randomUUID() + "\",\"WorkspaceId\":\"123\"}";
                exchange.responseHeaders.remove("x-acs-request-id");
            }
            return exchange;
        });

        assertCaught(broken, "WorkspaceName of 2 characters");
        assertThat(broken.result().created())
                .as("a workspace the implementation says it created is listed")
                .contains("123");
    }

    @Test
    void catchesVerboseIgnored() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    exchange.pathAndQuery = exchange.pathAndQuery.replaceAll("\\?.*$", "");
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "Verbose=true adds Owner and AdminNames");
        assertCaught(broken, "GetDefaultWorkspace with Verbose=true");
    }

    @Test
    void catchesAMissingRequestIdInErrors() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.status >= 400) {
                exchange.responseBody = exchange.responseBody.replaceFirst("\"RequestId\":\"[^\"]*\",", "");
            }
            return exchange;
        });

        assertCaught(broken, "Every answer carries a RequestId");
    }

    @Test
    void catchesTimestampsWithoutMilliseconds() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replaceAll("(\\d\\d:\\d\\d:\\d\\d)\\.\\d{3}Z", "$1Z");
            return exchange;
        });

        assertCaught(broken, "returns what was stored");
    }

    @Test
    void catchesAnHtmlErrorPage() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.status == 404 && exchange.pathAndQuery.contains("noSuchResource")) {
                exchange.responseBody = "<html><body>Not Found</body></html>";
                exchange.contentType = "text/html";
            }
            return exchange;
        });

        assertCaught(broken, "An unknown API answers a 4xx in the error format");
    }

    @Test
    void catchesAnUnknownStatusValue() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replace("\"Status\":\"ENABLED\"", "\"Status\":\"RUNNING\"");
            return exchange;
        });

        assertCaught(broken, "returns what was stored");
    }

    @Test
    void catchesATakenNameAccepted() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.status == 409 && !isCreateDefaultWorkspace(exchange)) {
                exchange.status = 200;
                exchange.responseBody = "{\"RequestId\":\"R-" + UUID.randomUUID() + "\",\"WorkspaceId\":\"124\"}";
            }
            return exchange;
        });

        assertCaught(broken, "refuses a name already taken");
    }

    @Test
    void catchesAServerErrorForBadInput() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.status == 400) {
                exchange.status = 500;
            }
            return exchange;
        });

        assertCaught(broken, "malformed JSON");
    }

    @Test
    void catchesABadVerboseAccepted() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    exchange.pathAndQuery = exchange.pathAndQuery.replaceAll("Verbose=(maybe|tru)$", "Verbose=false");
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "refuse Verbose=maybe with a 4xx in the error format");
        assertCaught(broken, "GetWorkspace refuses a bad Verbose value with 400");
        assertCaught(broken, "GetDefaultWorkspace refuses a bad Verbose value with 400");
    }

    @Test
    void catchesAnUnknownMethodAnsweredOutsideTheErrorFormat() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.method.equals("PATCH")) {
                exchange.status = 405;
                exchange.responseBody = "Method Not Allowed";
                exchange.contentType = "text/plain";
            }
            return exchange;
        });

        assertCaught(broken, "An unknown method on a known path, PATCH /api/v1/workspaces");
    }

    // What a workspace the suite created reads back as.

    @Test
    void catchesANewWorkspaceMarkedDefault() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange)) {
                exchange.responseBody = exchange.responseBody.replace("\"IsDefault\":false", "\"IsDefault\":true");
            }
            return exchange;
        });

        assertCaught(broken, "CreateWorkspace then GetWorkspace returns what was stored");
        assertCaught(broken, "basic mode");
    }

    @Test
    void catchesAFreshWorkspaceInAStatusCreationCannotGive() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange)) {
                exchange.responseBody =
                        exchange.responseBody.replace("\"Status\":\"ENABLED\"", "\"Status\":\"DISABLED\"");
            }
            return exchange;
        });

        assertCaught(broken, "CreateWorkspace then GetWorkspace returns what was stored");
    }

    @Test
    void catchesAnEmptyCreator() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange)) {
                exchange.responseBody =
                        exchange.responseBody.replaceFirst("\"Creator\":\"[^\"]*\"", "\"Creator\":\"\"");
            }
            return exchange;
        });

        assertCaught(broken, "CreateWorkspace then GetWorkspace returns what was stored");
    }

    @Test
    void catchesStandardModeReadBackAsBasicMode() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange)) {
                exchange.responseBody =
                        exchange.responseBody.replace("\"EnvTypes\":[\"dev\",\"prod\"]", "\"EnvTypes\":[\"prod\"]");
            }
            return exchange;
        });

        assertCaught(broken, "CreateWorkspace then GetWorkspace returns what was stored");
    }

    @Test
    void catchesBasicModeReadBackAsStandardMode() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange)) {
                exchange.responseBody =
                        exchange.responseBody.replace("\"EnvTypes\":[\"prod\"]", "\"EnvTypes\":[\"dev\",\"prod\"]");
            }
            return exchange;
        });

        assertCaught(broken, "CreateWorkspace in basic mode");
    }

    @Test
    void catchesAnEmptyDisplayNameKeptEmpty() throws IOException {
        Set<String> namesSentWithAnEmptyDisplayName = ConcurrentHashMap.newKeySet();
        Pattern name = Pattern.compile("\"WorkspaceName\":\"([^\"]+)\"");
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    Matcher sent = name.matcher(exchange.requestBody);
                    if (exchange.requestBody.contains("\"DisplayName\":\"\"") && sent.find()) {
                        namesSentWithAnEmptyDisplayName.add(sent.group(1));
                    }
                    return exchange;
                },
                exchange -> {
                    Matcher read = name.matcher(String.valueOf(exchange.responseBody));
                    if (isGetWorkspace(exchange)
                            && read.find()
                            && namesSentWithAnEmptyDisplayName.contains(read.group(1))) {
                        exchange.responseBody = exchange.responseBody.replaceFirst(
                                "\"DisplayName\":\"[^\"]*\"", "\"DisplayName\":\"\"");
                    }
                    return exchange;
                });

        assertCaught(broken, "an empty DisplayName defaults to the WorkspaceName");
    }

    // RequestIds.

    @Test
    void catchesARequestIdRepeatedAcrossAnswers() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            exchange.responseBody =
                    exchange.responseBody.replaceFirst("\"RequestId\":\"[^\"]*\"", "\"RequestId\":\"SAME-ID\"");
            exchange.responseHeaders.put("x-acs-request-id", "SAME-ID");
            return exchange;
        });

        assertCaught(broken, "Every answer carries a RequestId, unique in the run");
    }

    @Test
    void catchesARequestIdHeaderThatDiffersFromTheBody() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.method.equals("GET")) {
                exchange.responseHeaders.put(
                        "x-acs-request-id", UUID.randomUUID().toString());
            }
            return exchange;
        });

        assertCaught(broken, "equal to the x-acs-request-id header");
    }

    @Test
    void catchesAMissingRequestIdHeader() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            exchange.responseHeaders.remove("x-acs-request-id");
            return exchange;
        });

        assertCaught(broken, "equal to the x-acs-request-id header");
    }

    // The default workspace.

    @Test
    void catchesGetDefaultWorkspaceAlwaysNotFound() throws IOException {
        Broken broken = run(Account.FRESH_CREATING_DEFAULT, UnaryOperator.identity(), exchange -> {
            if (isGetDefaultWorkspace(exchange) && exchange.status == 200) {
                String requestId = exchange.responseHeaders.get("x-acs-request-id");
                exchange.status = 404;
                exchange.responseBody =
                        "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"aiworkspace.cn-hangzhou.aliyuncs.com\","
                                + "\"Code\":\"100400027\",\"Message\":\"Default workspace not exists\"}";
            }
            return exchange;
        });

        assertCaught(broken, "GetDefaultWorkspace without Verbose");
        assertThat(broken.result().resources())
                .extracting(CreatedResource::kind)
                .contains(CreatedResource.Kind.DEFAULT_WORKSPACE);
    }

    @Test
    void catchesANoDefaultAnswerThatCreateDefaultWorkspaceContradicts() throws IOException {
        Broken broken = run(Account.WITH_DEFAULT_CREATING_DEFAULT, UnaryOperator.identity(), exchange -> {
            if (isGetDefaultWorkspace(exchange) && exchange.status == 200) {
                exchange.status = 404;
                exchange.responseBody = "{\"RequestId\":\"" + exchange.responseHeaders.get("x-acs-request-id")
                        + "\",\"HostId\":\"h\",\"Code\":\"100400027\",\"Message\":\"Default workspace not exists\"}";
            }
            return exchange;
        });

        assertCaught(broken, "GetDefaultWorkspace without Verbose");
        assertThat(broken.result().failures())
                .anySatisfy(failure -> assertThat(failure.message()).contains("CreateDefaultWorkspace"));
    }

    @Test
    void catchesConditionsWithoutVerbose() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isGetDefaultWorkspace(exchange) && !exchange.pathAndQuery.contains("Verbose=")) {
                        exchange.pathAndQuery = exchange.pathAndQuery + "?Verbose=true";
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "GetDefaultWorkspace without Verbose");
    }

    @Test
    void catchesConditionCodesAsStrings() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replace("\"Code\":200", "\"Code\":\"200\"");
            return exchange;
        });

        assertCaught(broken, "GetDefaultWorkspace with Verbose=true");
    }

    @Test
    void catchesConditionsOutOfStageOrder() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetDefaultWorkspace(exchange)
                    && exchange.status == 200
                    && exchange.responseBody.contains("Conditions")) {
                ObjectNode body = json(exchange.responseBody);
                ArrayNode conditions = (ArrayNode) body.get("Conditions");
                List<JsonNode> reversed = new ArrayList<>();
                conditions.forEach(condition -> reversed.add(0, condition));
                conditions.removeAll().addAll(reversed);
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "GetDefaultWorkspace with Verbose=true");
    }

    @Test
    void catchesAMissingOwnerInGetDefaultWorkspace() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetDefaultWorkspace(exchange) && exchange.status == 200) {
                ObjectNode body = json(exchange.responseBody);
                body.remove("Owner");
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "GetDefaultWorkspace without Verbose");
        assertCaught(broken, "GetDefaultWorkspace with Verbose=true");
    }

    @Test
    void catchesTheDefaultWorkspaceNotMarkedDefault() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange)) {
                exchange.responseBody = exchange.responseBody.replace("\"IsDefault\":true", "\"IsDefault\":false");
            }
            return exchange;
        });

        assertCaught(broken, "GetWorkspace of the default workspace says IsDefault: true");
    }

    @Test
    void catchesASecondCreateDefaultWorkspaceAccepted() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isCreateDefaultWorkspace(exchange) && exchange.status == 409) {
                exchange.status = 200;
                exchange.responseBody = "{\"RequestId\":\"" + exchange.responseHeaders.get("x-acs-request-id")
                        + "\",\"WorkspaceId\":\"777\"}";
            }
            return exchange;
        });

        assertCaught(broken, "A second CreateDefaultWorkspace is refused");
        assertThat(broken.result().resources())
                .as("what the implementation says it created is listed, and kept")
                .contains(new CreatedResource(
                        CreatedResource.Kind.DEFAULT_WORKSPACE,
                        "777",
                        "",
                        "default workspace > A second CreateDefaultWorkspace is refused"));
    }

    @Test
    void catchesASecondCreateDefaultWorkspaceRefusedWithAnotherCode() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isCreateDefaultWorkspace(exchange) && exchange.status == 409) {
                exchange.responseBody =
                        exchange.responseBody.replace("\"Code\":\"100400009\"", "\"Code\":\"Conflict\"");
            }
            return exchange;
        });

        assertCaught(broken, "A second CreateDefaultWorkspace is refused with 409 100400009");
    }

    @Test
    void catchesAnUndocumentedNoDefaultError() throws IOException {
        Broken broken = run(Account.FRESH, UnaryOperator.identity(), exchange -> {
            if (isGetDefaultWorkspace(exchange) && exchange.status == 404) {
                exchange.status = 400;
                exchange.responseBody =
                        exchange.responseBody.replace("\"Code\":\"100400027\"", "\"Code\":\"InvalidParameter\"");
            }
            return exchange;
        });

        assertCaught(broken, "GetDefaultWorkspace without a default workspace is 404 100400027");
    }

    @Test
    void catchesACreateDefaultWorkspaceAnswerWithANumericId() throws IOException {
        Broken broken = run(Account.FRESH_CREATING_DEFAULT, UnaryOperator.identity(), exchange -> {
            if (isCreateDefaultWorkspace(exchange) && exchange.status == 200) {
                exchange.responseBody =
                        exchange.responseBody.replaceFirst("\"WorkspaceId\":\"(\\d+)\"", "\"WorkspaceId\":$1");
            }
            return exchange;
        });

        assertCaught(broken, "CreateDefaultWorkspace answers RequestId and WorkspaceId strings");
    }

    // ListWorkspaces.

    @Test
    void catchesATotalCountThatCountsOnlyThePage() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListWorkspaces(exchange)
                    && exchange.status == 200
                    && exchange.responseBody.contains("\"Workspaces\"")) {
                ObjectNode body = json(exchange.responseBody);
                body.put("TotalCount", body.get("Workspaces").size());
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "PageSize=2 gives 2, then 1, then none, TotalCount 3 on every page");
    }

    @Test
    void catchesListItemsSpellingResourceGroupIdAsGetWorkspaceDoes() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListWorkspaces(exchange) && exchange.status == 200) {
                exchange.responseBody = exchange.responseBody.replace("\"resourceGroupId\"", "\"ResourceGroupId\"");
            }
            return exchange;
        });

        assertCaught(
                broken,
                "ListWorkspaces lists a workspace of the run as GetWorkspace shows it, with its group as resourceGroupId");
        assertCaught(broken, "ChangeResourceGroup then GetWorkspace and ListWorkspaces show the new group");
    }

    @Test
    void catchesOrderDescIgnored() throws IOException {
        Broken broken = listParameterIgnored("Order");

        assertCaught(broken, "ListWorkspaces with SortBy=GmtCreateTime, Order=DESC orders the run's workspaces by it");
        assertCaught(
                broken, "ListWorkspaces with SortBy=GmtModifiedTime, Order=DESC orders the run's workspaces by it");
    }

    @Test
    void catchesSortByIgnored() throws IOException {
        Broken broken = listParameterIgnored("SortBy");

        assertCaught(broken, "ListWorkspaces with SortBy=GmtModifiedTime, Order=ASC orders the run's workspaces by it");
    }

    @Test
    void catchesTheWorkspaceIdsFilterIgnored() throws IOException {
        Broken broken = listParameterIgnored("WorkspaceIds");

        assertCaught(broken, "ListWorkspaces filters by WorkspaceIds; an unknown id is simply absent");
    }

    @Test
    void catchesTheStatusFilterIgnored() throws IOException {
        Broken broken = listParameterIgnored("Status");

        assertCaught(broken, "ListWorkspaces filters by Status");
    }

    @Test
    void catchesTheResourceGroupIdFilterIgnored() throws IOException {
        Broken broken = listParameterIgnored("ResourceGroupId");

        assertCaught(broken, "ListWorkspaces filters by ResourceGroupId");
    }

    @Test
    void catchesTheWorkspaceNameFilterIgnored() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isListWorkspaces(exchange) && !exchange.pathAndQuery.contains("Option=")) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "WorkspaceName");
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "ListWorkspaces filters by WorkspaceName");
    }

    @Test
    void catchesCheckWorkspaceExistsMatchingPartOfAName() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isListWorkspaces(exchange) && exchange.pathAndQuery.contains("Option=CheckWorkspaceExists")) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "Option");
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "CheckWorkspaceExists finds a name of the run by the exact name only");
    }

    @Test
    void catchesAnInvalidSortByAccepted() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isListWorkspaces(exchange) && exchange.pathAndQuery.contains("SortBy=gmtCreateTime")) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "SortBy");
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "ListWorkspaces refuses SortBy=gmtCreateTime with 400 in the error format");
    }

    @Test
    void catchesResourceLimitsMissing() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListWorkspaces(exchange)
                    && exchange.status == 200
                    && exchange.responseBody.contains("ResourceLimits")) {
                ObjectNode body = json(exchange.responseBody);
                body.remove("ResourceLimits");
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "ListWorkspaces with Option=GetResourceLimits answers ResourceLimits");
    }

    // UpdateWorkspace.

    @Test
    void catchesAnUpdateNotApplied() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                UnaryOperator.identity(),
                acceptedButIgnored(BrokenImplementationsTest::isUpdateWorkspace, "RequestId"),
                UnaryOperator.identity());

        assertCaught(broken, "UpdateWorkspace then GetWorkspace: DisplayName and Description changed");
    }

    @Test
    void catchesGmtModifiedTimeNotAdvancing() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange) && exchange.status == 200) {
                ObjectNode body = json(exchange.responseBody);
                body.set("GmtModifiedTime", body.get("GmtCreateTime"));
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(
                broken,
                "UpdateWorkspace then GetWorkspace: DisplayName and Description changed, GmtModifiedTime advanced");
    }

    @Test
    void catchesAnUnknownBodyMemberRefused() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isUpdateWorkspace(exchange) && exchange.requestBody.contains("PfctUnknownMember")) {
                exchange.status = 400;
                exchange.responseBody =
                        "{\"RequestId\":\"" + exchange.responseHeaders.get("x-acs-request-id") + "\",\"HostId\":\"h\","
                                + "\"Code\":\"InvalidParameter\",\"Message\":\"unknown member PfctUnknownMember\"}";
            }
            return exchange;
        });

        assertCaught(broken, "an unknown body member ignored");
    }

    @Test
    void catchesAnInvalidUpdateAccepted() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isUpdateWorkspace(exchange) && exchange.status == 400) {
                exchange.status = 200;
                exchange.responseBody = "{\"RequestId\":\"" + exchange.responseHeaders.get("x-acs-request-id") + "\"}";
            }
            return exchange;
        });

        assertCaught(broken, "UpdateWorkspace refuses a Description of 81 characters");
    }

    // DeleteWorkspace.

    @Test
    void catchesADeleteThatAnswers200ButKeepsTheWorkspace() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                UnaryOperator.identity(),
                acceptedButIgnored(MutatingProxy.Exchange::isDeleteWorkspace, "RequestId"),
                UnaryOperator.identity());

        assertCaught(broken, "DeleteWorkspace then GetWorkspace is 404 100400027");
        assertThat(broken.result().failures())
                .filteredOn(check -> check.name().contains("DeleteWorkspace then GetWorkspace"))
                .singleElement()
                .extracting(ContractResult.Check::message)
                .asString()
                .contains("waiting up to PT0.5S");
    }

    @Test
    void catchesADeletedWorkspaceAnsweredWithAnotherCode() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange) && exchange.status == 404) {
                exchange.responseBody =
                        exchange.responseBody.replace("\"Code\":\"100400027\"", "\"Code\":\"WorkspaceDeleted\"");
            }
            return exchange;
        });

        assertCaught(broken, "DeleteWorkspace then GetWorkspace is 404 100400027");
    }

    // ChangeResourceGroup.

    @Test
    void catchesChangeResourceGroupAnsweringRequestIdInUpperCamelCase() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isChangeResourceGroup(exchange) && exchange.status == 200) {
                exchange.responseBody = exchange.responseBody.replace("\"requestId\"", "\"RequestId\"");
            }
            return exchange;
        });

        assertCaught(broken, "ChangeResourceGroup then GetWorkspace and ListWorkspaces show the new group");
        assertCaught(broken, "Every answer carries a RequestId");
    }

    @Test
    void catchesAResourceGroupChangeNotApplied() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                UnaryOperator.identity(),
                acceptedButIgnored(BrokenImplementationsTest::isChangeResourceGroup, "requestId"),
                UnaryOperator.identity());

        assertCaught(broken, "ChangeResourceGroup then GetWorkspace and ListWorkspaces show the new group");
    }

    // UpdateDefaultWorkspace.

    @Test
    void catchesAnUpdateDefaultWorkspaceThatDoesNotSwitch() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT_CREATING_DEFAULT,
                UnaryOperator.identity(),
                acceptedButIgnored(BrokenImplementationsTest::isUpdateDefaultWorkspace, "RequestId"),
                UnaryOperator.identity());

        assertCaught(broken, "UpdateDefaultWorkspace makes a workspace of the run the default");
    }

    @Test
    void catchesTheOldDefaultStillMarkedDefault() throws IOException {
        Broken broken = run(Account.WITH_DEFAULT_CREATING_DEFAULT, UnaryOperator.identity(), exchange -> {
            if (isGetWorkspace(exchange)
                    && exchange.status == 200
                    && exchange.responseBody.contains("\"WorkspaceName\":\"default_ws\"")) {
                exchange.responseBody = exchange.responseBody.replace("\"IsDefault\":false", "\"IsDefault\":true");
            }
            return exchange;
        });

        assertCaught(broken, "UpdateDefaultWorkspace makes a workspace of the run the default");
    }

    @Test
    void catchesAFailedSwitchBackAndKeepsTheWorkspaceThatMayStillBeTheDefault() throws IOException {
        AtomicInteger updates = new AtomicInteger();
        Broken broken = run(
                Account.WITH_DEFAULT_CREATING_DEFAULT,
                UnaryOperator.identity(),
                request -> {
                    if (!isUpdateDefaultWorkspace(request) || updates.incrementAndGet() != 3) {
                        return null;
                    }
                    String requestId = UUID.randomUUID().toString();
                    request.status = 500;
                    request.responseBody = "{\"RequestId\":\"" + requestId
                            + "\",\"HostId\":\"h\",\"Code\":\"InternalError\",\"Message\":\"later\"}";
                    request.responseHeaders.put("x-acs-request-id", requestId);
                    return request;
                },
                UnaryOperator.identity());

        assertCaught(broken, "UpdateDefaultWorkspace makes a workspace of the run the default");
        assertThat(broken.result().failures())
                .filteredOn(check -> check.name().contains("UpdateDefaultWorkspace makes"))
                .singleElement()
                .extracting(ContractResult.Check::message)
                .asString()
                .contains("Switching the default workspace back to", "set it back by hand");
        assertThat(broken.result().cleanup())
                .filteredOn(cleanup -> cleanup.state() == ContractResult.CleanupState.KEPT)
                .anySatisfy(cleanup ->
                        assertThat(cleanup.detail()).startsWith("it may still be the account's default workspace"));
    }
    // Members.

    @Test
    void catchesAListMembersTotalCountAsAString() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListMembers(exchange) && exchange.status == 200) {
                exchange.responseBody =
                        exchange.responseBody.replaceFirst("\"TotalCount\":(\\d+)", "\"TotalCount\":\"$1\"");
            }
            return exchange;
        });

        assertCaught(broken, "ListMembers of a workspace the run can read: the documented shape");
        assertCaught(broken, "A new workspace's creator is its only member");
    }

    @Test
    void catchesGetMemberAnsweringRolesAsAString() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetMember(exchange) && exchange.status == 200) {
                ObjectNode body = json(exchange.responseBody);
                List<String> roles = RunWorkspaces.strings(body.get("Roles"));
                body.put("Roles", String.join(",", roles));
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "GetMember by UserId and by MemberId answer the owner as ListMembers lists it");
        assertCaught(
                broken,
                "CreateMember with a role, then GetMember by MemberId and by UserId and ListMembers show the member");
    }

    @Test
    void catchesAListWorkspaceUsersTotalCountAsAString() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListWorkspaceUsers(exchange) && exchange.status == 200) {
                exchange.responseBody =
                        exchange.responseBody.replaceFirst("\"TotalCount\":(\\d+)", "\"TotalCount\":\"$1\"");
            }
            return exchange;
        });

        assertCaught(broken, "ListWorkspaceUsers: the documented shape, TotalCount an integer");
    }

    @Test
    void catchesACreateMemberAnswerWithANumericMemberId() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isCreateMember(exchange) && exchange.status == 200) {
                exchange.responseBody =
                        exchange.responseBody.replaceFirst("\"MemberId\":\"(\\d+)-\\d+\"", "\"MemberId\":$1");
            }
            return exchange;
        });

        assertCaught(broken, "CreateMember with a role, then GetMember by MemberId and by UserId");
    }

    @Test
    void catchesTheCreatorMissingFromTheMembers() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListMembers(exchange) && exchange.status == 200) {
                ObjectNode body = json(exchange.responseBody);
                ArrayNode members = (ArrayNode) body.get("Members");
                for (int i = members.size() - 1; i >= 0; i--) {
                    if (members.get(i).get("Roles").toString().contains("PAI.WorkspaceOwner")) {
                        members.remove(i);
                        body.put("TotalCount", body.get("TotalCount").asLong() - 1);
                    }
                }
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "A new workspace's creator is its only member, with role PAI.WorkspaceOwner");
        assertCaught(broken, "the owner (GetWorkspace's Owner.UserId) with role PAI.WorkspaceOwner");
    }

    @Test
    void catchesAMemberIdThatIsNotStable() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        Broken broken = responsesAltered(exchange -> {
            if (isListMembers(exchange) && exchange.status == 200) {
                exchange.responseBody = exchange.responseBody.replaceAll(
                        "\"MemberId\":\"([^\"]*)\"", "\"MemberId\":\"$1-" + reads.incrementAndGet() + "\"");
            }
            return exchange;
        });

        assertCaught(broken, "GetMember by UserId and by MemberId answer the owner as ListMembers lists it");
        assertCaught(
                broken,
                "CreateMember with a role, then GetMember by MemberId and by UserId and ListMembers show the member with "
                        + "the same MemberId");
        assertCaught(broken, "its MemberId does not change");
    }

    @Test
    void catchesTheOwnerDeletable() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isDeleteMembers(exchange) && exchange.responseBody.contains("\"Code\":\"100600017\"")) {
                answer200(exchange, JSON.createObjectNode());
            }
            return exchange;
        });

        assertCaught(broken, "DeleteMembers of the owner is refused with 100600017");
    }

    @Test
    void catchesTheOwnerRefusedWithAnotherCode() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isDeleteMembers(exchange)) {
                exchange.responseBody =
                        exchange.responseBody.replace("\"Code\":\"100600017\"", "\"Code\":\"Forbidden.Owner\"");
            }
            return exchange;
        });

        assertCaught(broken, "DeleteMembers of the owner is refused with 100600017");
    }

    @Test
    void catchesADeletedMemberStillFound() throws IOException {
        Map<String, String> lastAnswers = new ConcurrentHashMap<>();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        Broken broken = responsesAltered(exchange -> {
            if (isCreateMember(exchange) && exchange.status == 200) {
                json(exchange.responseBody)
                        .get("Members")
                        .forEach(member -> lastAnswers.put(
                                member.get("MemberId").asText(),
                                ((ObjectNode) member)
                                        .deepCopy()
                                        .put(
                                                "MemberName",
                                                member.get("DisplayName").asText())
                                        .put("AccountType", "5")
                                        .put("GmtCreateTime", "2026-01-01T00:00:00.000Z")
                                        .toString()));
            }
            if (isDeleteMembers(exchange) && exchange.status == 200) {
                deleted.addAll(Arrays.asList(
                        parameter(exchange.pathAndQuery, "MemberIds").split(",")));
            }
            String memberId = isGetMember(exchange) ? parameter(exchange.pathAndQuery, "MemberId") : null;
            if (exchange.status == 404
                    && memberId != null
                    && deleted.contains(memberId)
                    && lastAnswers.containsKey(memberId)) {
                answer200(exchange, json(lastAnswers.get(memberId)));
            }
            return exchange;
        });

        assertCaught(broken, "DeleteMembers then GetMember by MemberId and by UserId is 404 100600006");
        assertThat(broken.result().failures())
                .extracting(ContractResult.Check::name)
                .noneMatch(name -> name.contains("GetMember of an unknown MemberId"));
    }

    @Test
    void catchesAnUnknownMemberAnsweredWithAnotherCode() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetMember(exchange) && exchange.status == 404) {
                exchange.responseBody =
                        exchange.responseBody.replace("\"Code\":\"100600006\"", "\"Code\":\"MemberNotFound\"");
            }
            return exchange;
        });

        assertCaught(broken, "GetMember of an unknown MemberId or UserId is 404 100600006");
        assertCaught(broken, "DeleteMembers then GetMember by MemberId and by UserId is 404 100600006");
        assertCaught(broken, "GetMember of a listed user is 404 100600006");
    }

    @Test
    void catchesGetMemberWithBothIdsAccepted() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isGetMember(exchange)
                            && exchange.pathAndQuery.contains("MemberId=")
                            && exchange.pathAndQuery.contains("UserId=")) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "MemberId");
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "GetMember with both MemberId and UserId, or neither, is refused with 400");
    }

    @Test
    void catchesTheRolesFilterIgnored() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isListMembers(exchange)) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "Roles");
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "ListMembers filters by Roles (one role, or any of a comma-separated list)");
        assertCaught(broken, "ListMembers refuses Roles=PAI.NoSuchRole with 400");
    }

    @Test
    void catchesTheMemberNameFilterIgnored() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isListMembers(exchange)) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "MemberName");
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(
                broken,
                "ListMembers filters by Roles (one role, or any of a comma-separated list), UserId and MemberName");
    }

    @Test
    void catchesTheListMembersUserIdFilterIgnored() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                exchange -> {
                    if (isListMembers(exchange)) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "UserId");
                    }
                    return exchange;
                },
                UnaryOperator.identity());

        assertCaught(broken, "a UserId nobody has lists nobody, TotalCount 0");
        assertCaught(
                broken,
                "ListMembers filters by Roles (one role, or any of a comma-separated list), UserId and MemberName");
    }

    @Test
    void catchesListWorkspaceUsersListingTheOwner() throws IOException {
        String owner = io.github.paiworkspacefake.server.Account.DEFAULT.accountId();
        Broken broken = responsesAltered(exchange -> {
            if (isListWorkspaceUsers(exchange) && exchange.status == 200) {
                ObjectNode body = json(exchange.responseBody);
                ((ArrayNode) body.get("Users")).addObject().put("UserId", owner).put("UserName", "pai_fake_admin");
                body.put("TotalCount", body.get("TotalCount").asLong() + 1);
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(
                broken,
                "ListWorkspaceUsers: the documented shape, TotalCount an integer, and only users who are not members");
    }

    @Test
    void catchesAnUndocumentedRoleAccepted() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isAddMemberRole(exchange) && exchange.status == 400) {
                answer200(exchange, JSON.createObjectNode());
            }
            return exchange;
        });

        assertCaught(broken, "AddMemberRole and RemoveMemberRole refuse an undocumented role with 400");
    }

    @Test
    void catchesARoleAddedButNotApplied() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                UnaryOperator.identity(),
                acceptedButIgnored(BrokenImplementationsTest::isAddMemberRole, "RequestId"),
                UnaryOperator.identity());

        assertCaught(
                broken,
                "AddMemberRole then RemoveMemberRole change the member's Roles as GetMember and ListMembers show them");
    }

    @Test
    void catchesAUserAddedTwice() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isCreateMember(exchange) && exchange.status == 409) {
                ObjectNode body = JSON.createObjectNode();
                body.putArray("Members")
                        .addObject()
                        .put("DisplayName", "alice")
                        .put("MemberId", "twice")
                        .put("UserId", ContractSuiteAgainstFakeTest.ALICE)
                        .putArray("Roles")
                        .add("PAI.WorkspaceAdmin");
                answer200(exchange, body);
            }
            return exchange;
        });

        assertCaught(broken, "and a user who is a member already with a 4xx");
    }

    @Test
    void catchesAnEmptyRoleListAccepted() throws IOException {
        Broken broken = run(
                Account.WITH_DEFAULT,
                UnaryOperator.identity(),
                request -> {
                    if (!isCreateMember(request) || !request.requestBody.contains("\"Roles\":[]")) {
                        return null;
                    }
                    String requestId = UUID.randomUUID().toString();
                    request.status = 200;
                    request.responseBody = "{\"RequestId\":\"" + requestId + "\",\"Members\":[]}";
                    request.responseHeaders.put("x-acs-request-id", requestId);
                    return request;
                },
                UnaryOperator.identity());

        assertCaught(broken, "CreateMember refuses an undocumented role, an empty role list");
    }

    @Test
    void catchesAMemberOperationOnAnUnknownWorkspaceAccepted() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isDeleteMembers(exchange) && exchange.status == 404) {
                answer200(exchange, JSON.createObjectNode());
            }
            return exchange;
        });

        assertCaught(broken, "DeleteMembers of an unknown WorkspaceId is 404");
    }

    @Test
    void catchesMembersOfADeletedWorkspaceStillListed() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListMembers(exchange) && exchange.status == 404) {
                ObjectNode body = JSON.createObjectNode().put("TotalCount", 0);
                body.putArray("Members");
                answer200(exchange, body);
            }
            return exchange;
        });

        assertCaught(broken, "its members went with it (ListMembers is 404)");
    }

    @Test
    void aDefaultWorkspaceThatCannotBeSetUpFailsTheReadOnlyMemberChecksWithTheProblemInsteadOfSkippingThem()
            throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
                MutatingProxy proxy = new MutatingProxy(
                        fake.baseUrl(),
                        UnaryOperator.identity(),
                        request -> {
                            if (!isCreateDefaultWorkspace(request)) {
                                return null;
                            }
                            String requestId = UUID.randomUUID().toString();
                            request.status = 503;
                            request.responseBody = "{\"RequestId\":\"" + requestId
                                    + "\",\"HostId\":\"h\",\"Code\":\"ServiceUnavailable\"," + "\"Message\":\"later\"}";
                            request.responseHeaders.put("x-acs-request-id", requestId);
                            return request;
                        },
                        UnaryOperator.identity())) {
            ContractResult result = ContractSuite.run(
                    new ContractConfig(URI.create(proxy.baseUrl()), "cn-hangzhou", "ak", "sk", false)
                            .withAllowCreateDefault(true),
                    null,
                    BrokenVariants.QUIET);

            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("members > ListMembers of a workspace"))
                    .singleElement()
                    .satisfies(check -> {
                        assertThat(check.outcome()).isEqualTo(ContractResult.Outcome.FAILED);
                        assertThat(check.message())
                                .contains("finding the account's default workspace failed", "HTTP 503");
                    });
            assertThat(fake.workspaces()).isEmpty();
        }
    }
}
