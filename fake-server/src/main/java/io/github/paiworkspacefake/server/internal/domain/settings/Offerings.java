package io.github.paiworkspacefake.server.internal.domain.settings;

import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an account has of the platform: products (purchased or not), services (open or not), resource quotas,
 * features, and the product orders it placed. Products and services have a default that lets a fresh account's
 * first calls through (every product purchased and purchasable, every service open); test code overrides it per
 * account, as it adds quotas and features. An order creates nothing billable: it is recorded, and a paid order marks
 * its products purchased.
 */
public final class Offerings {

    /** The product codes the reference names. */
    public static final List<String> PRODUCT_CODES = List.of(
            "PAI_share",
            "PAI_isolate",
            "MaxCompute_share",
            "MaxCompute_isolate",
            "DataWorks_share",
            "DataWorks_isolate",
            "OSS_share",
            "DLC_share");

    /** The services ListProducts answers when asked for none. */
    public static final List<String> SERVICE_CODES = List.of("oss", "dataworks", "maxcompute");

    /** A product's state for an account. */
    public record ProductState(
            String productCode, String productId, boolean purchased, boolean mayPurchase, String purchaseUrl) {}

    /** A service's state for an account. */
    public record ServiceState(String serviceCode, boolean open, String openUrl) {}

    /** The per-fake sequence of order ids. */
    private static final class OrderIds {
        final AtomicLong next = new AtomicLong(210_292_536_260_000L);
    }

    private Offerings() {}

    private static ResourceSpec type(String name) {
        return SettingsResources.type(name);
    }

    // ---- products and services

    /** A product's state for the account: what test code or an order set, or the default. */
    public static ProductState product(FakeState state, String accountId, String productCode) {
        return stored(state, SettingsResources.PRODUCT, accountId, "ProductCode", productCode)
                .map(product -> new ProductState(
                        productCode,
                        product.id(),
                        Boolean.TRUE.equals(product.field("IsPurchased")),
                        Boolean.TRUE.equals(product.field("HasPermissionToPurchase")),
                        purchaseUrl(productCode)))
                .orElseGet(() -> new ProductState(productCode, null, true, true, purchaseUrl(productCode)));
    }

    /** Sets a product's state for the account; returns it. */
    public static ProductState setProduct(
            FakeState state, String accountId, String productCode, boolean purchased, boolean mayPurchase) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ProductCode", productCode);
        fields.put("IsPurchased", purchased);
        fields.put("HasPermissionToPurchase", mayPurchase);
        upsert(state, SettingsResources.PRODUCT, accountId, "ProductCode", productCode, fields);
        return product(state, accountId, productCode);
    }

    /** A service's state for the account: what test code set, or open. */
    public static ServiceState service(FakeState state, String accountId, String serviceCode) {
        boolean open = stored(state, SettingsResources.SERVICE, accountId, "ServiceCode", serviceCode)
                .map(service -> Boolean.TRUE.equals(service.field("IsOpen")))
                .orElse(true);
        return new ServiceState(serviceCode, open, openUrl(serviceCode));
    }

    /** Sets a service's state for the account. */
    public static ServiceState setService(FakeState state, String accountId, String serviceCode, boolean open) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ServiceCode", serviceCode);
        fields.put("IsOpen", open);
        upsert(state, SettingsResources.SERVICE, accountId, "ServiceCode", serviceCode, fields);
        return service(state, accountId, serviceCode);
    }

    /** The services the account has set besides the defaults, in creation order. */
    public static List<String> storedServices(FakeState state, String accountId) {
        return state.resources().list(type(SettingsResources.SERVICE), accountId, null, service -> true).stream()
                .map(service -> (String) service.field("ServiceCode"))
                .toList();
    }

    private static String purchaseUrl(String productCode) {
        return "https://common-buy.aliyun.com/?commodityCode=" + productCode.toLowerCase(Locale.ROOT);
    }

    private static String openUrl(String serviceCode) {
        return "https://common-buy.aliyun.com/?commodityCode=" + serviceCode.toLowerCase(Locale.ROOT) + "#/open";
    }

    /** A product ordered: its code and, when its instance properties matter, the request's other members. */
    public record OrderedProduct(String productCode, Map<String, Object> request) {}

    /**
     * CreateProductOrders: records the order; when paid (AutoPay), its products are purchased. A product the account
     * may not purchase refuses the whole order.
     */
    public static Resource order(FakeState state, String accountId, boolean autoPay, List<OrderedProduct> products) {
        for (OrderedProduct product : products) {
            if (!product(state, accountId, product.productCode()).mayPurchase()) {
                throw new ApiException(
                        403,
                        "NoPermissionToPurchase",
                        "The account has no permission to purchase " + product.productCode() + ".");
            }
        }
        List<String> productIds = new java.util.ArrayList<>();
        if (autoPay) {
            for (OrderedProduct product : products) {
                productIds.add(setProduct(state, accountId, product.productCode(), true, true)
                        .productId());
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("BuyProductRequestId", UUID.randomUUID().toString());
        fields.put("AutoPay", autoPay);
        fields.put("Paid", autoPay);
        fields.put(
                "ProductCodes",
                products.stream().map(OrderedProduct::productCode).toList());
        fields.put("Products", products.stream().map(OrderedProduct::request).toList());
        fields.put("ProductIds", productIds);
        OrderIds ids = state.extension(OrderIds.class, OrderIds::new);
        while (true) {
            String orderId = Long.toString(ids.next.incrementAndGet());
            if (state.resources()
                    .list(
                            type(SettingsResources.ORDER),
                            null,
                            null,
                            order -> order.id().equals(orderId))
                    .isEmpty()) {
                try {
                    return state.resources()
                            .create(
                                    type(SettingsResources.ORDER),
                                    Resources.Creation.in(accountId, null, fields)
                                            .withId(orderId));
                } catch (ApiException taken) {
                    // another order took the id meanwhile: draw the next
                }
            }
        }
    }

    /** Every order placed, of every account, oldest first. */
    public static List<Resource> orders(FakeState state) {
        return state.resources().list(type(SettingsResources.ORDER), null, null, order -> true);
    }

    // ---- quotas and features

    /** The account's quota of this id. */
    public static Optional<Resource> quota(FakeState state, String accountId, String quotaId) {
        return state.resources().find(type(SettingsResources.QUOTA), accountId, null, quotaId);
    }

    /** The account's quotas, oldest first. */
    public static List<Resource> quotas(FakeState state, String accountId) {
        return state.resources().list(type(SettingsResources.QUOTA), accountId, null, quota -> true);
    }

    /** Adds a quota to the account, with the id given or one the fake makes. */
    public static Resource addQuota(FakeState state, String accountId, String quotaId, Map<String, Object> fields) {
        Resources.Creation creation = Resources.Creation.in(accountId, null, fields);
        return state.resources()
                .create(type(SettingsResources.QUOTA), quotaId == null ? creation : creation.withId(quotaId));
    }

    /** The features enabled for the account, in the order they were enabled. */
    public static List<String> features(FakeState state, String accountId) {
        return state.resources().list(type(SettingsResources.FEATURE), accountId, null, feature -> true).stream()
                .map(feature -> (String) feature.field("Name"))
                .toList();
    }

    /** Enables (or disables) features for the account; enabling one twice is no change. */
    public static void feature(FakeState state, String accountId, String name, boolean enabled) {
        Optional<Resource> stored = stored(state, SettingsResources.FEATURE, accountId, "Name", name);
        if (enabled && stored.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Name", name);
            try {
                state.resources()
                        .create(type(SettingsResources.FEATURE), Resources.Creation.in(accountId, null, fields));
            } catch (ApiException alreadyEnabled) {
                // enabled meanwhile
            }
        } else if (!enabled && stored.isPresent()) {
            state.resources()
                    .find(
                            type(SettingsResources.FEATURE),
                            accountId,
                            null,
                            stored.get().id())
                    .ifPresent(feature ->
                            state.resources().remove(type(SettingsResources.FEATURE), accountId, null, feature.id()));
        }
    }

    private static Optional<Resource> stored(
            FakeState state, String typeName, String accountId, String member, String value) {
        return state
                .resources()
                .list(type(typeName), accountId, null, resource -> value.equals(resource.field(member)))
                .stream()
                .findFirst();
    }

    private static void upsert(
            FakeState state,
            String typeName,
            String accountId,
            String member,
            String value,
            Map<String, Object> fields) {
        ResourceSpec type = type(typeName);
        Optional<Resource> existing = stored(state, typeName, accountId, member, value);
        if (existing.isEmpty()) {
            try {
                state.resources().create(type, Resources.Creation.in(accountId, null, fields));
                return;
            } catch (ApiException raced) {
                existing = stored(state, typeName, accountId, member, value);
                if (existing.isEmpty()) {
                    throw raced;
                }
            }
        }
        state.resources().update(type, accountId, null, existing.get().id(), current -> {
            current.putAll(fields);
            return current;
        });
    }
}
