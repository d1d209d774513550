package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.settings.Offerings;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Product family: ListProducts answers whether the account has purchased each product and opened each service
 * ({@link Offerings}: all of them by default, so that the aliyun CLI's first call and {@code pai config} go through),
 * and CreateProductOrders records an order, which creates nothing billable.
 */
final class ProductOperations implements OperationFamily {

    /** The billing cycles the reference allows each product. */
    private static final Map<String, String> PRICING_CYCLES =
            Map.of("DataWorks_share", "Month", "OSS_share", "Hour", "MaxCompute_share", "Hour");

    @Override
    public String family() {
        return "Product";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.ListProducts, ProductOperations::list);
        binder.serve(Operation.CreateProductOrders, ProductOperations::order);
    }

    /**
     * ListProducts: the products asked for (every known one when none is) and the services asked for (those the
     * account has set and the usual ones when none is); {@code Verbose=true} adds whether each may be purchased and
     * where to buy or open it.
     */
    private static Answer list(Call call) {
        String accountId = call.caller().accountId();
        boolean verbose = call.isTrue("Verbose");
        List<String> productCodes =
                call.strings("ProductCodes").filter(codes -> !codes.isEmpty()).orElse(Offerings.PRODUCT_CODES);
        List<Map<String, Object>> products = new ArrayList<>();
        for (String code : new LinkedHashSet<>(productCodes)) {
            Offerings.ProductState product = Offerings.product(call.fake(), accountId, code);
            products.add(Maps.ordered(
                    "ProductCode",
                    code,
                    "ProductId",
                    product.productId(),
                    "IsPurchased",
                    product.purchased(),
                    "HasPermissionToPurchase",
                    verbose ? product.mayPurchase() : null,
                    "PurchaseUrl",
                    verbose ? product.purchaseUrl() : null));
        }
        Set<String> serviceCodes = new LinkedHashSet<>();
        call.strings("ServiceCodes").filter(codes -> !codes.isEmpty()).ifPresentOrElse(serviceCodes::addAll, () -> {
            serviceCodes.addAll(Offerings.SERVICE_CODES);
            serviceCodes.addAll(Offerings.storedServices(call.fake(), accountId));
        });
        List<Map<String, Object>> services = new ArrayList<>();
        for (String code : serviceCodes) {
            Offerings.ServiceState service = Offerings.service(call.fake(), accountId, code);
            services.add(Maps.ordered(
                    "ServiceCode", code, "IsOpen", service.open(), "OpenUrl", verbose ? service.openUrl() : null));
        }
        return Answer.empty().put("Products", products).put("Services", services);
    }

    /**
     * CreateProductOrders: checks each product's billing (POSTPAY, BUY, a duration of 1, the pricing cycle its product
     * allows) and records the order; paid at once unless {@code AutoPay} is false.
     */
    private static Answer order(Call call) {
        List<Map<String, Object>> products = call.objects("Products").orElseThrow();
        if (products.isEmpty()) {
            throw ApiException.invalid("Products", "it must list at least one product.");
        }
        List<Offerings.OrderedProduct> ordered = new ArrayList<>();
        for (Map<String, Object> product : products) {
            String code = (String) product.get("ProductCode");
            Object cycle = product.get("PricingCycle");
            if (cycle != null && !cycle.equals(PRICING_CYCLES.get(code))) {
                throw ApiException.invalid(
                        "PricingCycle",
                        PRICING_CYCLES.containsKey(code)
                                ? code + " is billed by " + PRICING_CYCLES.get(code) + ", not " + cycle + "."
                                : code + " takes no PricingCycle.");
            }
            ordered.add(new Offerings.OrderedProduct(code, product));
        }
        Resource order = Offerings.order(
                call.fake(), call.caller().accountId(), call.flag("AutoPay").orElse(true), ordered);
        return Answer.empty()
                .put("OrderId", order.id())
                .put("BuyProductRequestId", order.field("BuyProductRequestId"))
                .put("Message", "Normal")
                .put("ProductIds", order.field("ProductIds"));
    }
}
