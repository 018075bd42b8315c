package com.acmeshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole journey a shopper takes, over HTTP: register, browse, add to cart, check out, pay, ship, and the
 * e-mails that land in the outbox on the way.
 */
class CheckoutFlowIT extends ShopIntegrationTest {

    private static final String GOOD_CARD = "4242 4242 4242 4242";
    private static final String DECLINED_CARD = "4000000000000002";
    private static final BigDecimal CALIFORNIA_TAX = new BigDecimal("0.0725");

    @Test
    void a_new_customer_buys_two_products_pays_and_gets_them_shipped() {
        ShopClient shopper = newClient();
        long customerId = registerAndLogin(shopper, "Flora");
        assertThat(shopper.get("/api/customers/me").id()).isEqualTo(customerId);

        // browse: one book and one electronics product from the listings
        JsonNode book = shopper.get("/api/products?category=books").json().get(0);
        JsonNode gadget = shopper.get("/api/products?category=electronics").json().get(0);
        assertThat(shopper.get("/api/products/" + book.path("id").asLong()).get("sku").asString())
                .isEqualTo(book.path("sku").asString());
        long bookId = book.path("id").asLong();
        long gadgetId = gadget.path("id").asLong();
        JsonNode bookStockBefore = shopper.get("/api/inventory/" + bookId).json();

        // cart (session based, no customerId): 1 book, then 2 gadgets, then 2 books
        assertThat(shopper.post("/api/cart/items", ShopClient.json("productId", bookId, "quantity", 1)).status())
                .isEqualTo(200);
        assertThat(shopper.post("/api/cart/items", ShopClient.json("productId", gadgetId, "quantity", 2)).status())
                .isEqualTo(200);
        ShopClient.Answer cart = shopper.put("/api/cart/items/" + bookId, ShopClient.json("quantity", 2));
        assertThat(cart.status()).as(cart.raw()).isEqualTo(200);
        BigDecimal subtotal = price(book).multiply(BigDecimal.valueOf(2)).add(price(gadget).multiply(BigDecimal.valueOf(2)));
        assertThat(cart.get("subtotal").decimalValue()).isEqualByComparingTo(subtotal);
        assertThat(cart.get("itemCount").asInt()).isEqualTo(4);

        // price it: 10% coupon, California tax on the discounted goods, shipping by weight unless free
        BigDecimal discount = subtotal.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal goods = subtotal.subtract(discount);
        int weight = 2 * book.path("weightGrams").asInt() + 2 * gadget.path("weightGrams").asInt();
        BigDecimal shipping = goods.compareTo(new BigDecimal("100.00")) >= 0 ? BigDecimal.ZERO
                : shopper.get("/api/shipping/rates?country=US&weightGrams=" + weight).get("price").decimalValue();
        BigDecimal tax = goods.multiply(CALIFORNIA_TAX).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = goods.add(shipping).add(tax);

        ShopClient.Answer quote = shopper.post("/api/orders/quote", ShopClient.json("couponCode", "welcome10"));
        assertThat(quote.status()).as(quote.raw()).isEqualTo(200);
        assertThat(quote.get("discount").decimalValue()).isEqualByComparingTo(discount);
        assertThat(quote.get("shippingCost").decimalValue()).isEqualByComparingTo(shipping);
        assertThat(quote.get("tax").decimalValue()).isEqualByComparingTo(tax);
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo(total);

        // check out
        ShopClient.Answer order = shopper.post("/api/orders", ShopClient.json("couponCode", "WELCOME10"));
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        long orderId = order.id();
        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo(total);
        assertThat(order.get("lines")).hasSize(2);
        assertThat(shopper.get("/api/cart").get("items")).isEmpty();
        JsonNode bookStockReserved = shopper.get("/api/inventory/" + bookId).json();
        assertThat(bookStockReserved.path("quantityReserved").asInt())
                .isEqualTo(bookStockBefore.path("quantityReserved").asInt() + 2);
        assertThat(bookStockReserved.path("available").asInt()).isEqualTo(bookStockBefore.path("available").asInt() - 2);

        // pay: the simulated provider declines cards ending in 0002, the attempt is kept
        ShopClient.Answer declined = shopper.post("/api/orders/" + orderId + "/payments", card(DECLINED_CARD));
        assertThat(declined.status()).as(declined.raw()).isEqualTo(402);
        assertThat(declined.get("message").asString()).contains("declined", "0002");
        assertThat(shopper.get("/api/orders/" + orderId).get("status").asString()).isEqualTo("PENDING_PAYMENT");

        ShopClient.Answer payment = shopper.post("/api/orders/" + orderId + "/payments", card(GOOD_CARD));
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        assertThat(payment.get("status").asString()).isEqualTo("CAPTURED");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo(total);
        assertThat(payment.get("cardLast4").asString()).isEqualTo("4242");
        assertThat(shopper.get("/api/orders/" + orderId).get("status").asString()).isEqualTo("PAID");
        JsonNode bookStockAfter = shopper.get("/api/inventory/" + bookId).json();
        assertThat(bookStockAfter.path("quantityOnHand").asInt())
                .isEqualTo(bookStockBefore.path("quantityOnHand").asInt() - 2);
        assertThat(bookStockAfter.path("quantityReserved").asInt())
                .isEqualTo(bookStockBefore.path("quantityReserved").asInt());
        assertThat(shopper.get("/api/customers/me").get("loyaltyPoints").asInt()).isEqualTo(total.intValue());
        assertThat(shopper.post("/api/orders/" + orderId + "/payments", card(GOOD_CARD)).status()).isEqualTo(409);

        // ship and track
        ShopClient.Answer shipment = shopper.post("/api/orders/" + orderId + "/shipments", null);
        assertThat(shipment.status()).as(shipment.raw()).isEqualTo(201);
        String tracking = shipment.get("trackingNumber").asString();
        assertThat(shipment.get("weightGrams").asInt()).isEqualTo(weight);
        assertThat(shopper.get("/api/shipments/track/" + tracking).id()).isEqualTo(shipment.id());
        assertThat(shopper.get("/api/orders/" + orderId).get("status").asString()).isEqualTo("SHIPPED");
        String events = "/api/shipments/" + shipment.id() + "/events";
        assertThat(shopper.post(events, ShopClient.json("status", "IN_TRANSIT", "location", "Phoenix AZ")).status())
                .isEqualTo(200);
        ShopClient.Answer delivered = shopper.post(events, ShopClient.json("status", "DELIVERED", "location", "Porch"));
        assertThat(delivered.get("events")).hasSize(3);
        assertThat(shopper.get("/api/orders/" + orderId).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(shopper.post(events, ShopClient.json("status", "IN_TRANSIT")).status()).isEqualTo(409);

        // the outbox has one e-mail per step, in order, and the dispatcher sends them
        List<JsonNode> outbox = shopper.get("/api/notifications?customerId=" + customerId).json().valueStream().toList();
        assertThat(outbox).extracting(n -> n.path("type").asString())
                .containsExactly("WELCOME", "ORDER_PLACED", "PAYMENT_RECEIVED", "ORDER_SHIPPED", "ORDER_DELIVERED");
        assertThat(outbox.get(3).path("body").asString()).contains(tracking);
        assertThat(shopper.post("/api/notifications/dispatch", null).status()).isEqualTo(200);
        assertThat(shopper.get("/api/notifications?customerId=" + customerId).json().valueStream())
                .allSatisfy(n -> assertThat(n.path("status").asString()).isEqualTo("SENT"));

        // a review after buying is a verified purchase and counts in the rating
        ShopClient.Answer review = shopper.post("/api/products/" + bookId + "/reviews",
                ShopClient.json("rating", 4, "title", "Lovely book"));
        assertThat(review.status()).as(review.raw()).isEqualTo(201);
        assertThat(review.get("verifiedPurchase").asBoolean()).isTrue();
        JsonNode rating = shopper.get("/api/products/" + bookId + "/rating").json();
        assertThat(rating.path("reviewCount").asLong()).isPositive();
        assertThat(rating.path("histogram").path("4").asLong()).isPositive();

        // the back office sees the sale
        assertThat(shopper.get("/api/admin/reports/top-products?limit=50").json().valueStream())
                .anySatisfy(p -> assertThat(p.path("product_id").asLong()).isEqualTo(bookId));
    }

    @Test
    void cancelling_an_unpaid_order_gives_the_stock_back() {
        ShopClient shopper = newClient();
        registerAndLogin(shopper, "Carl");
        JsonNode product = shopper.get("/api/products?category=outdoor").json().get(0);
        long productId = product.path("id").asLong();
        int availableBefore = shopper.get("/api/inventory/" + productId).get("available").asInt();

        shopper.post("/api/cart/items", ShopClient.json("productId", productId, "quantity", 3));
        ShopClient.Answer order = shopper.post("/api/orders", null);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        assertThat(shopper.get("/api/inventory/" + productId).get("available").asInt()).isEqualTo(availableBefore - 3);

        ShopClient.Answer cancelled = shopper.post("/api/orders/" + order.id() + "/cancel", null);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(shopper.get("/api/inventory/" + productId).get("available").asInt()).isEqualTo(availableBefore);
        assertThat(shopper.post("/api/orders/" + order.id() + "/payments", card(GOOD_CARD)).status()).isEqualTo(409);
    }

    @Test
    void the_cart_refuses_more_than_the_stock_and_checkout_refuses_an_expired_coupon() {
        ShopClient shopper = newClient();
        registerAndLogin(shopper, "Edna");
        JsonNode product = shopper.get("/api/products?category=toys").json().get(0);
        long productId = product.path("id").asLong();
        int available = shopper.get("/api/inventory/" + productId).get("available").asInt();
        ShopClient.Answer tooMany = shopper.put("/api/inventory/" + productId, ShopClient.json("quantityOnHand",
                shopper.get("/api/inventory/" + productId).get("quantityReserved").asInt() + 5));
        assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(200);

        ShopClient.Answer refused = shopper.post("/api/cart/items", ShopClient.json("productId", productId, "quantity", 6));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.get("message").asString()).contains("only 5 of product " + product.path("sku").asString());

        shopper.post("/api/cart/items", ShopClient.json("productId", productId, "quantity", 1));
        ShopClient.Answer expired = shopper.post("/api/orders", ShopClient.json("couponCode", "SUMMER2020"));
        assertThat(expired.status()).as(expired.raw()).isEqualTo(409);
        assertThat(expired.get("message").asString()).isEqualTo("coupon SUMMER2020 cannot be used: it expired on 2020-08-31");

        // put the stock back for the other tests
        assertThat(shopper.put("/api/inventory/" + productId, ShopClient.json("quantityOnHand", available
                + shopper.get("/api/inventory/" + productId).get("quantityReserved").asInt())).status()).isEqualTo(200);
    }

    private static BigDecimal price(JsonNode product) {
        return product.path("price").decimalValue();
    }

    private static String card(String number) {
        return ShopClient.json("cardNumber", number, "expiry", "12/39", "cvv", "123");
    }
}
