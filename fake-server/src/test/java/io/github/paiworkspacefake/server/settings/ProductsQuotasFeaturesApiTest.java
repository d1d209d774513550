package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.ProductOrder;
import io.github.paiworkspacefake.server.Quota;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ListProducts, CreateProductOrders, ListQuotas and ListFeatures answer the state test code sets. */
class ProductsQuotasFeaturesApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(item ->
                values.add(member == null ? item.asText() : item.path(member).asText()));
        return values;
    }

    @Test
    void theClisFirstCallFindsPaiPurchasedOnAFreshFake() {
        JsonNode body =
                api.get("/api/v1/products?ProductCodes=PAI_share&Verbose=true").body();

        assertThat(body.get("Products")).hasSize(1);
        JsonNode product = body.at("/Products/0");
        assertThat(product.get("ProductCode").asText()).isEqualTo("PAI_share");
        assertThat(product.get("IsPurchased").asBoolean()).isTrue();
        assertThat(product.get("HasPermissionToPurchase").asBoolean()).isTrue();
        assertThat(product.get("PurchaseUrl").asText()).startsWith("https://");
        assertThat(texts(body.get("Services"), "ServiceCode")).contains("oss");
    }

    @Test
    void verboseAddsThePurchaseDetails() {
        JsonNode product =
                api.get("/api/v1/products?ProductCodes=OSS_share").body().at("/Products/0");

        assertThat(product.has("HasPermissionToPurchase")).isFalse();
        assertThat(product.has("PurchaseUrl")).isFalse();
        assertThat(api.get("/api/v1/products").body().get("Products")).hasSize(8);
        assertError(api.get("/api/v1/products?ProductCodes=Nothing_share"), 400, "InvalidParameter");
    }

    @Test
    void testCodeSetsAProductNotPurchasedAndAnOrderPurchasesIt() {
        fake.products().notPurchased("PAI_share", true);
        assertThat(api.get("/api/v1/products?ProductCodes=PAI_share")
                        .body()
                        .at("/Products/0/IsPurchased")
                        .asBoolean())
                .isFalse();

        ApiClient.Reply order = api.post(
                "/api/v1/productorders",
                "{\"AutoPay\":true,\"Products\":[{\"ProductCode\":\"PAI_share\",\"ChargeType\":\"POSTPAY\",\"OrderType\":\"BUY\"}]}");

        assertThat(order.status()).as("%s", order.body()).isEqualTo(200);
        assertThat(order.body().get("OrderId").asText()).matches("\\d+");
        assertThat(order.body().get("Message").asText()).isEqualTo("Normal");
        assertThat(order.body().get("BuyProductRequestId").asText()).isNotBlank();
        JsonNode product =
                api.get("/api/v1/products?ProductCodes=PAI_share").body().at("/Products/0");
        assertThat(product.get("IsPurchased").asBoolean()).isTrue();
        assertThat(product.get("ProductId").asText())
                .isEqualTo(order.body().at("/ProductIds/0").asText());
        assertThat(fake.products().orders())
                .singleElement()
                .isEqualTo(new ProductOrder(
                        order.body().get("OrderId").asText(), fake.account().accountId(), List.of("PAI_share"), true));
    }

    @Test
    void anUnpaidOrderIsRecordedAndPurchasesNothing() {
        fake.products().notPurchased("OSS_share", true);

        api.post(
                "/api/v1/productorders",
                "{\"AutoPay\":false,\"Products\":[{\"ProductCode\":\"OSS_share\",\"PricingCycle\":\"Hour\",\"Duration\":1}]}");

        assertThat(fake.products().orders())
                .singleElement()
                .extracting(ProductOrder::paid)
                .isEqualTo(false);
        assertThat(api.get("/api/v1/products?ProductCodes=OSS_share")
                        .body()
                        .at("/Products/0/IsPurchased")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void anOrderTheAccountMayNotPlaceOrThatBreaksTheBillingRulesIsRefusedAndNotRecorded() {
        fake.products().notPurchased("DataWorks_share", false);

        assertError(
                api.post("/api/v1/productorders", "{\"Products\":[{\"ProductCode\":\"DataWorks_share\"}]}"),
                403,
                "NoPermissionToPurchase");
        assertError(
                api.post(
                        "/api/v1/productorders",
                        "{\"Products\":[{\"ProductCode\":\"PAI_share\",\"PricingCycle\":\"Month\"}]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post("/api/v1/productorders", "{\"Products\":[{\"ProductCode\":\"OSS_share\",\"Duration\":2}]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post("/api/v1/productorders", "{\"Products\":[{\"ProductCode\":\"PAI_isolate\"}]}"),
                400,
                "InvalidParameter");
        assertError(api.post("/api/v1/productorders", "{}"), 400, "MissingParameter");
        assertThat(fake.products().orders()).isEmpty();
    }

    @Test
    void servicesAnswerWhatTestCodeSet() {
        fake.products().serviceOpen("oss", false);

        JsonNode services = api.get("/api/v1/products?ServiceCodes=oss,maxcompute&Verbose=true")
                .body()
                .get("Services");
        assertThat(texts(services, "IsOpen")).containsExactly("false", "true");
        assertThat(services.get(0).get("OpenUrl").asText()).startsWith("https://");
    }

    @Test
    void listQuotasAnswersTheAccountsQuotasFilteredByName() {
        assertThat(api.get("/api/v1/quotas").body().get("Quotas")).isEmpty();
        fake.quotas()
                .add(new Quota(
                        "1828233",
                        "quota-name",
                        "默认Quota",
                        "isolate",
                        "PAI_isolate",
                        "PAI",
                        "CPU",
                        specs("cu", "11500", "minCu", "2300")));
        fake.quotas().add(Quota.named("other"));

        JsonNode body = api.get("/api/v1/quotas?Name=NAME").body();
        assertThat(body.get("TotalCount").asLong()).isEqualTo(1);
        JsonNode quota = body.at("/Quotas/0");
        assertThat(quota.get("Id").asText()).isEqualTo("1828233");
        assertThat(quota.get("DisplayName").asText()).isEqualTo("默认Quota");
        assertThat(quota.get("Mode").asText()).isEqualTo("isolate");
        assertThat(texts(quota.get("Specs"), "Name")).containsExactly("cu", "minCu");
        assertThat(api.get("/api/v1/quotas").body().get("TotalCount").asLong()).isEqualTo(2);
        assertThat(fake.quotas().all()).extracting(Quota::name).containsExactly("quota-name", "other");
    }

    @Test
    void listFeaturesAnswersTheEnabledFeaturesAskedFor() {
        assertThat(api.get("/api/v1/features").body().get("Features")).isEmpty();
        fake.features().enable("PaiConsole:IntegrateWithWorkspace", "PaiConsole:Beta");

        assertThat(texts(api.get("/api/v1/features").body().get("Features"), null))
                .containsExactly("PaiConsole:IntegrateWithWorkspace", "PaiConsole:Beta");
        JsonNode named = api.get("/api/v1/features?Names=PaiConsole:Beta,PaiConsole:Unknown")
                .body();
        assertThat(texts(named.get("Features"), null)).containsExactly("PaiConsole:Beta");
        assertThat(named.get("TotalCount").asLong()).isEqualTo(1);
        fake.features().disable("PaiConsole:Beta");
        assertThat(fake.features().enabled()).containsExactly("PaiConsole:IntegrateWithWorkspace");
    }

    private static Map<String, String> specs(String... namesAndValues) {
        Map<String, String> specs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            specs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return specs;
    }
}
