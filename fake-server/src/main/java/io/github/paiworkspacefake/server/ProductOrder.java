package io.github.paiworkspacefake.server;

import java.util.List;

/**
 * A product order CreateProductOrders recorded. It creates nothing billable; a paid one marks its products purchased.
 *
 * @param orderId      the {@code OrderId} answered
 * @param accountId    the account that ordered
 * @param productCodes the products ordered, in the order listed
 * @param paid         whether it was paid at once ({@code AutoPay}, true unless the request said false)
 */
public record ProductOrder(String orderId, String accountId, List<String> productCodes, boolean paid) {

    public ProductOrder {
        productCodes = List.copyOf(productCodes);
    }
}
