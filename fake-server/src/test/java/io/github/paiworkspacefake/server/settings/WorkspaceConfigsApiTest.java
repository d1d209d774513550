package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workspace's configurations (GetConfig, ListConfigs, UpdateConfig, UpdateConfigs, DeleteConfig) through HTTP. */
class WorkspaceConfigsApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String base;

    @BeforeEach
    void workspace() {
        base = "/api/v1/workspaces/" + api.createWorkspace("config_ws");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(member).asText()));
        return values;
    }

    @Test
    void listConfigsAnswersAnEmptyConfigsArrayForAWorkspaceWithNone() {
        ApiClient.Reply reply = api.get(base + "/configs?ConfigKeys=modelExportPath");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("Configs").isArray()).isTrue();
        assertThat(reply.body().get("Configs")).isEmpty();
        assertThat(reply.body().get("TotalCount").asLong()).isZero();
    }

    @Test
    void modelExportPathWrittenAsThePythonSdkWritesItIsReadBackAsItReadsIt() {
        ApiClient.Reply update = api.put(
                base + "/configs",
                "{\"Configs\":[{\"ConfigKey\":\"modelExportPath\",\"ConfigValue\":\"oss://bucket.oss-cn-hangzhou-internal.aliyuncs.com/\"}]}");

        assertThat(update.status()).isEqualTo(200);
        JsonNode configs =
                api.get(base + "/configs?ConfigKeys=modelExportPath").body().get("Configs");
        assertThat(configs).hasSize(1);
        assertThat(configs.get(0).get("ConfigKey").asText()).isEqualTo("modelExportPath");
        assertThat(configs.get(0).get("ConfigValue").asText())
                .isEqualTo("oss://bucket.oss-cn-hangzhou-internal.aliyuncs.com/");
        assertThat(configs.get(0).get("ConfigId").asText()).startsWith("wc-");
        JsonNode one = api.get(base + "/config?ConfigKey=modelExportPath").body();
        assertThat(one.get("CategoryName").asText()).isEqualTo("CommonResourceConfig");
    }

    @Test
    void valuesRoundTripExactly() {
        String value = "oss://bücket/路径/ with  spaces/\\\"quoted\\\"/\\t";
        api.put(
                base + "/config",
                "{\"CategoryName\":\"CommonResourceConfig\",\"ConfigKey\":\"tempStoragePath\",\"ConfigValue\":\""
                        + value + "\"}");

        assertThat(api.get(base + "/config?ConfigKey=tempStoragePath")
                        .body()
                        .get("ConfigValue")
                        .asText())
                .isEqualTo("oss://bücket/路径/ with  spaces/\"quoted\"/\t");
    }

    @Test
    void updateConfigChangesTheValueOfAKeyInPlace() {
        api.put(base + "/config", "{\"ConfigKey\":\"isAutoRecycle\",\"ConfigValue\":\"true\"}");
        JsonNode before = api.get(base + "/config?ConfigKey=isAutoRecycle").body();
        api.put(base + "/config", "{\"ConfigKey\":\"isAutoRecycle\",\"ConfigValue\":\"false\"}");

        JsonNode after = api.get(base + "/config?ConfigKey=isAutoRecycle&CategoryName=DLCAutoRecycle")
                .body();
        assertThat(after.get("ConfigValue").asText()).isEqualTo("false");
        assertThat(after.get("GmtCreateTime").asText())
                .isEqualTo(before.get("GmtCreateTime").asText());
        assertThat(after.get("GmtModifiedTime").asText())
                .isGreaterThan(before.get("GmtModifiedTime").asText());
        assertThat(api.get(base + "/configs").body().get("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void updateConfigsWritesABatchAndListConfigsFiltersByKeysAndCategory() {
        api.put(
                base + "/configs",
                "{\"Configs\":[{\"ConfigKey\":\"tempStoragePath\",\"ConfigValue\":\"oss://b/tmp/\"},"
                        + "{\"CategoryName\":\"DLCPriorityConfig\",\"ConfigKey\":\"priorityConfig\",\"ConfigValue\":\"{\\\"dlc\\\":1}\"},"
                        + "{\"CategoryName\":\"DSWPriorityConfig\",\"ConfigKey\":\"priorityConfig\",\"ConfigValue\":\"{\\\"dsw\\\":2}\"}]}");

        assertThat(texts(api.get(base + "/configs").body().get("Configs"), "ConfigKey"))
                .containsExactly("tempStoragePath", "priorityConfig", "priorityConfig");
        assertThat(texts(
                        api.get(base + "/configs?ConfigKeys=priorityConfig&CategoryName=DSWPriorityConfig")
                                .body()
                                .get("Configs"),
                        "ConfigValue"))
                .containsExactly("{\"dsw\":2}");
        assertThat(api.get(base + "/config?ConfigKey=priorityConfig&CategoryName=DLCPriorityConfig")
                        .body()
                        .get("ConfigValue")
                        .asText())
                .isEqualTo("{\"dlc\":1}");
        assertError(
                api.get(base + "/configs?ConfigKeys=tempStoragePath&CategoryName=DSWPriorityConfig"),
                400,
                "InvalidParameter");
    }

    @Test
    void aKeyOutsideTheReferencesListIsRefused() {
        assertError(
                api.put(base + "/config", "{\"ConfigKey\":\"favouriteColour\",\"ConfigValue\":\"blue\"}"),
                400,
                "InvalidParameter");
        assertError(api.get(base + "/configs?ConfigKeys=modelExportPath,favouriteColour"), 400, "InvalidParameter");
        assertError(api.get(base + "/config?ConfigKey=favouriteColour"), 400, "InvalidParameter");
    }

    @Test
    void aKeyIsValidOnlyInItsCategories() {
        ApiClient.Reply reply = api.put(
                base + "/config",
                "{\"CategoryName\":\"DLCAutoRecycle\",\"ConfigKey\":\"tempStoragePath\",\"ConfigValue\":\"oss://b/\"}");

        assertError(reply, 400, "InvalidParameter");
        assertThat(reply.body().get("Message").asText()).contains("CommonResourceConfig");
        assertError(
                api.put(
                        base + "/config",
                        "{\"CategoryName\":\"Nonsense\",\"ConfigKey\":\"tempStoragePath\",\"ConfigValue\":\"x\"}"),
                400,
                "InvalidParameter");
    }

    @Test
    void priorityConfigNeedsItsCategoryNamed() {
        assertError(
                api.put(base + "/config", "{\"ConfigKey\":\"priorityConfig\",\"ConfigValue\":\"{}\"}"),
                400,
                "InvalidParameter");
    }

    @Test
    void aBatchWithOneBadConfigurationWritesNothing() {
        assertError(
                api.put(
                        base + "/configs",
                        "{\"Configs\":[{\"ConfigKey\":\"tempStoragePath\",\"ConfigValue\":\"oss://b/\"},"
                                + "{\"ConfigKey\":\"nope\",\"ConfigValue\":\"x\"}]}"),
                400,
                "InvalidParameter");

        assertThat(api.get(base + "/configs").body().get("Configs")).isEmpty();
    }

    @Test
    void aConfigurationWithoutKeyOrValueIsAMissingParameter() {
        assertError(api.put(base + "/config", "{\"ConfigValue\":\"x\"}"), 400, "MissingParameter");
        assertError(api.put(base + "/config", "{\"ConfigKey\":\"tempStoragePath\"}"), 400, "MissingParameter");
        assertError(
                api.put(base + "/configs", "{\"Configs\":[{\"ConfigKey\":\"tempStoragePath\"}]}"),
                400,
                "MissingParameter");
    }

    @Test
    void labelsAreShownWithVerboseAndFilterTheList() {
        api.put(
                base + "/config",
                "{\"ConfigKey\":\"predefinedTags\",\"ConfigValue\":\"[]\",\"Labels\":[{\"Key\":\"team\",\"Value\":\"a\"}]}");
        api.put(base + "/config", "{\"ConfigKey\":\"tempStoragePath\",\"ConfigValue\":\"oss://b/\"}");

        JsonNode plain = api.get(base + "/configs").body().get("Configs");
        assertThat(plain.get(0).has("Labels")).isFalse();
        JsonNode verbose =
                api.get(base + "/configs?Verbose=true&Labels=team=a").body().get("Configs");
        assertThat(verbose).hasSize(1);
        assertThat(verbose.get(0).get("Labels").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"a\"}]");
        assertThat(api.get(base + "/config?ConfigKey=predefinedTags&Verbose=true")
                        .body()
                        .get("Labels"))
                .hasSize(1);
    }

    @Test
    void deleteConfigRemovesItAndASecondDeletionIsNotFound() {
        api.put(base + "/config", "{\"ConfigKey\":\"modelExportPath\",\"ConfigValue\":\"oss://b/\"}");

        assertThat(api.delete(base + "/configs/modelExportPath").status()).isEqualTo(200);
        assertError(api.get(base + "/config?ConfigKey=modelExportPath"), 404, "ConfigNotFound");
        assertError(api.delete(base + "/configs/modelExportPath"), 404, "ConfigNotFound");
        assertError(api.delete(base + "/configs/notAKey"), 400, "InvalidParameter");
    }

    @Test
    void deleteConfigOfACategoryLeavesTheKeysOtherCategory() {
        api.put(
                base + "/config",
                "{\"CategoryName\":\"DLCPriorityConfig\",\"ConfigKey\":\"priorityConfig\",\"ConfigValue\":\"1\"}");
        api.put(
                base + "/config",
                "{\"CategoryName\":\"DSWPriorityConfig\",\"ConfigKey\":\"priorityConfig\",\"ConfigValue\":\"2\"}");

        api.delete(base + "/configs/priorityConfig?CategoryName=DSWPriorityConfig");

        assertThat(texts(api.get(base + "/configs").body().get("Configs"), "ConfigValue"))
                .containsExactly("1");
    }

    @Test
    void anotherAccountsWorkspaceHasNoConfigurationsToRead() {
        String other = fake.addWorkspace(WorkspaceSeed.builder("other_ws")
                        .owner(Account.of("1557000000000999", "someone"))
                        .build())
                .workspaceId();

        assertError(api.get("/api/v1/workspaces/" + other + "/configs"), 404, "100400027");
        assertError(
                api.put(
                        "/api/v1/workspaces/" + other + "/config",
                        "{\"ConfigKey\":\"modelExportPath\",\"ConfigValue\":\"x\"}"),
                404,
                "100400027");
    }

    @Test
    void aWorkspacesConfigurationsGoWithIt() {
        api.put(base + "/config", "{\"ConfigKey\":\"modelExportPath\",\"ConfigValue\":\"oss://b/\"}");

        api.method("DELETE", base);

        assertThat(fake.snapshot()).doesNotContain("modelExportPath");
    }
}
