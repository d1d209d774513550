package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An account's user configurations (SetUserConfigs, ListUserConfigs, DeleteUserConfig), as Terraform drives them. */
class UserConfigsApiTest {

    private static final String ROLE_CONFIG =
            "{\"CategoryName\":\"DataPrivacyConfig\",\"ConfigKey\":\"customizePAIAssumedRole\",\"ConfigValue\":\"%s\"%s}";

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private ApiClient.Reply set(String value, String scope) {
        return api.put(
                "/api/v1/userconfigs",
                "{\"Configs\":[" + ROLE_CONFIG.formatted(value, scope == null ? "" : ",\"Scope\":\"" + scope + "\"")
                        + "]}");
    }

    private JsonNode read() {
        return api.get("/api/v1/userconfigs?CategoryNames=DataPrivacyConfig&ConfigKeys=customizePAIAssumedRole")
                .body();
    }

    @Test
    void listAnswersAnEmptyConfigsArrayWhenNothingIsSet() {
        JsonNode body = read();

        assertThat(body.get("Configs").isArray()).isTrue();
        assertThat(body.get("Configs")).isEmpty();
        assertThat(body.get("TotalCount").asLong()).isZero();
    }

    @Test
    void aConfigurationSetWithoutScopeComesBackWithScopeOwner() {
        assertThat(set("acs:ram::1557000000000001:role/pai-role", null).status())
                .isEqualTo(200);

        JsonNode config = read().get("Configs").get(0);
        assertThat(config.get("CategoryName").asText()).isEqualTo("DataPrivacyConfig");
        assertThat(config.get("ConfigKey").asText()).isEqualTo("customizePAIAssumedRole");
        assertThat(config.get("ConfigValue").asText()).isEqualTo("acs:ram::1557000000000001:role/pai-role");
        assertThat(config.get("Scope").asText()).isEqualTo("owner");
    }

    @Test
    void settingAgainChangesTheValueAndScopesAreKeptApart() {
        set("first", "subUser");
        set("second", "subUser");
        set("owners", "owner");

        JsonNode configs = read().get("Configs");
        assertThat(configs).hasSize(2);
        assertThat(configs.get(0).get("ConfigValue").asText()).isEqualTo("second");
        assertThat(configs.get(0).get("Scope").asText()).isEqualTo("subUser");
        assertThat(configs.get(1).get("Scope").asText()).isEqualTo("owner");
    }

    @Test
    void deleteRemovesTheScopeNamedAndARepeatedDeletionSucceeds() {
        set("mine", "subUser");
        set("all", "owner");

        String path = "/api/v1/userconfigs/DataPrivacyConfig?ConfigKey=customizePAIAssumedRole&Scope=subUser";
        assertThat(api.delete(path).status()).isEqualTo(200);
        assertThat(read().get("Configs")).hasSize(1);
        assertThat(api.delete(path).status()).isEqualTo(200);

        api.delete("/api/v1/userconfigs/DataPrivacyConfig?ConfigKey=customizePAIAssumedRole");
        assertThat(read().get("Configs")).isEmpty();
    }

    @Test
    void onlyTheReferencesCategoryKeyAndScopesAreAccepted() {
        assertError(
                api.put(
                        "/api/v1/userconfigs",
                        "{\"Configs\":[{\"CategoryName\":\"Other\",\"ConfigKey\":\"customizePAIAssumedRole\",\"ConfigValue\":\"x\"}]}"),
                400,
                "InvalidParameter");
        assertError(
                api.put(
                        "/api/v1/userconfigs",
                        "{\"Configs\":[{\"CategoryName\":\"DataPrivacyConfig\",\"ConfigKey\":\"other\",\"ConfigValue\":\"x\"}]}"),
                400,
                "InvalidParameter");
        assertError(set("x", "everyone"), 400, "InvalidParameter");
        assertError(api.get("/api/v1/userconfigs?CategoryNames=Other"), 400, "InvalidParameter");
        assertError(api.delete("/api/v1/userconfigs/Other"), 400, "InvalidParameter");
        assertError(
                api.put(
                        "/api/v1/userconfigs",
                        "{\"Configs\":[{\"CategoryName\":\"DataPrivacyConfig\",\"ConfigKey\":\"customizePAIAssumedRole\"}]}"),
                400,
                "MissingParameter");
        assertThat(read().get("Configs")).isEmpty();
    }

    @Test
    void anotherAccountHasItsOwnUserConfigurations() throws Exception {
        try (PaiWorkspaceFake strict = PaiWorkspaceFake.builder()
                .accessKey("LTAI5tMine", "mine-secret")
                .accessKey("LTAI5tTheirs", "their-secret", Account.of("1557000000000777", "them"))
                .build()
                .start()) {
            OfficialSdk mine = new OfficialSdk(strict.endpoint(), "LTAI5tMine", "mine-secret");
            OfficialSdk theirs = new OfficialSdk(strict.endpoint(), "LTAI5tTheirs", "their-secret");
            mine.call(
                    OfficialSdk.params("SetUserConfigs", "PUT", "/api/v1/userconfigs"),
                    new OpenApiRequest()
                            .setBody(Map.of(
                                    "Configs",
                                    List.of(Map.of(
                                            "CategoryName", "DataPrivacyConfig",
                                            "ConfigKey", "customizePAIAssumedRole",
                                            "ConfigValue", "mine")))));

            Map<String, Object> body = OfficialSdk.body(theirs.call(
                    OfficialSdk.params("ListUserConfigs", "GET", "/api/v1/userconfigs"), new OpenApiRequest()));
            assertThat((List<?>) body.get("Configs")).isEmpty();
        }
    }
}
