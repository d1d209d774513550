package io.github.paiworkspacefake.server;

import java.util.List;
import java.util.Objects;

/**
 * The products and services of the fake's account, as ListProducts answers them. By default every product is
 * purchased and may be purchased, and every service is open, so that the aliyun CLI's first call and {@code pai
 * config} go through; test code overrides that per product or service. Other accounts are set through seeds (resources
 * of type {@code Product} and {@code ProductService} with their {@code AccountId}).
 */
public final class Products {

    /** The product codes ListProducts knows; others are refused. */
    public static final List<String> PRODUCT_CODES = List.of(
            "PAI_share",
            "PAI_isolate",
            "MaxCompute_share",
            "MaxCompute_isolate",
            "DataWorks_share",
            "DataWorks_isolate",
            "OSS_share",
            "DLC_share");

    /** What the fake does for this class. */
    interface Control {
        void product(String productCode, boolean purchased, boolean hasPermissionToPurchase);

        void service(String serviceCode, boolean open);

        List<ProductOrder> orders();
    }

    private final Control control;

    Products(Control control) {
        this.control = control;
    }

    /** The product is purchased (and may be). */
    public void purchased(String productCode) {
        control.product(known(productCode), true, true);
    }

    /**
     * The product is not purchased; whether the account may purchase it decides CreateProductOrders (refused with
     * {@code 403 NoPermissionToPurchase} when it may not).
     */
    public void notPurchased(String productCode, boolean hasPermissionToPurchase) {
        control.product(known(productCode), false, hasPermissionToPurchase);
    }

    /** Whether the service (such as {@code oss}) is open. */
    public void serviceOpen(String serviceCode, boolean open) {
        if (Objects.requireNonNull(serviceCode, "serviceCode").isBlank()) {
            throw new IllegalArgumentException("a service code must not be blank");
        }
        control.service(serviceCode, open);
    }

    /** Every order CreateProductOrders recorded, of every account, oldest first. */
    public List<ProductOrder> orders() {
        return control.orders();
    }

    private static String known(String productCode) {
        if (!PRODUCT_CODES.contains(Objects.requireNonNull(productCode, "productCode"))) {
            throw new IllegalArgumentException("unknown product code " + productCode + "; known are " + PRODUCT_CODES);
        }
        return productCode;
    }
}
