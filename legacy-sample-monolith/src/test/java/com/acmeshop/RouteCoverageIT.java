package com.acmeshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the shop answers a valid request with a 2xx JSON answer, and the table below lists exactly
 * the routes the application has (a new route without a row fails the build).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteCoverageIT extends ShopIntegrationTest {

    /** Ids of the records the routes below act on, created through the API before the table runs. */
    record Fixture(ShopClient client, long customerId, String email, long checkoutCustomerId, long productId,
            long categoryId, long shippedOrderId, long paymentId, long shipmentId, String trackingNumber,
            long orderToCancel, long orderToPay, long paymentToRefund, long orderToShip, long backOfficeProductId) {
    }

    /** One row: a route, how to call it with the fixture, and the status it must answer with. */
    record Route(String method, String template, Function<Fixture, String> path, Function<Fixture, String> body,
            int expectedStatus) {

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final String PASSWORD = "correct-horse";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private Fixture fixture;

    static Stream<Route> routes() {
        return Stream.of(
                // catalog
                route("GET", "/api/products", f -> "/api/products", 200),
                route("GET", "/api/products/{id}", f -> "/api/products/" + f.productId(), 200),
                route("GET", "/api/products/search", f -> "/api/products/search?q=mouse", 200),
                route("GET", "/api/categories", f -> "/api/categories", 200),
                route("GET", "/api/categories/{id}/products", f -> "/api/categories/" + f.categoryId() + "/products", 200),
                // inventory
                route("GET", "/api/inventory/{productId}", f -> "/api/inventory/" + f.productId(), 200),
                route("PUT", "/api/inventory/{productId}", f -> "/api/inventory/" + f.backOfficeProductId(),
                        f -> ShopClient.json("quantityOnHand", 500, "reorderLevel", 10), 200),
                route("GET", "/api/inventory/low-stock", f -> "/api/inventory/low-stock", 200),
                route("GET", "/api/inventory/{productId}/reservations",
                        f -> "/api/inventory/" + f.productId() + "/reservations", 200),
                // customers
                route("POST", "/api/customers", f -> "/api/customers", f -> ShopClient.json("email",
                        "new" + unique() + "@example.com", "password", PASSWORD, "firstName", "New", "lastName", "One"), 201),
                route("POST", "/api/customers/login", f -> "/api/customers/login",
                        f -> ShopClient.json("email", f.email(), "password", PASSWORD), 200),
                route("GET", "/api/customers/me", f -> "/api/customers/me", 200),
                route("GET", "/api/customers/{id}", f -> "/api/customers/" + f.customerId(), 200),
                route("GET", "/api/customers/{id}/addresses", f -> "/api/customers/" + f.customerId() + "/addresses", 200),
                route("POST", "/api/customers/{id}/addresses", f -> "/api/customers/" + f.customerId() + "/addresses",
                        f -> ShopClient.json("line1", "9 Side St", "city", "Seattle", "region", "WA", "postalCode", "98101",
                                "country", "US"), 201),
                // cart
                route("GET", "/api/cart", f -> "/api/cart?customerId=" + f.customerId(), 200),
                route("POST", "/api/cart/items", f -> "/api/cart/items?customerId=" + f.customerId(),
                        f -> ShopClient.json("productId", f.productId(), "quantity", 1), 200),
                route("PUT", "/api/cart/items/{productId}",
                        f -> "/api/cart/items/" + f.productId() + "?customerId=" + f.customerId(),
                        f -> ShopClient.json("quantity", 2), 200),
                route("DELETE", "/api/cart/items/{productId}",
                        f -> "/api/cart/items/" + f.productId() + "?customerId=" + f.customerId(), 200),
                route("DELETE", "/api/cart", f -> "/api/cart?customerId=" + f.customerId(), 200),
                // orders and checkout
                route("POST", "/api/orders/quote", f -> "/api/orders/quote",
                        f -> ShopClient.json("customerId", f.checkoutCustomerId(), "couponCode", "SAVE5"), 200),
                route("POST", "/api/orders", f -> "/api/orders",
                        f -> ShopClient.json("customerId", f.checkoutCustomerId(), "couponCode", "SAVE5"), 201),
                route("GET", "/api/orders/{id}", f -> "/api/orders/" + f.shippedOrderId(), 200),
                route("GET", "/api/orders", f -> "/api/orders?customerId=" + f.customerId(), 200),
                route("POST", "/api/orders/{id}/cancel", f -> "/api/orders/" + f.orderToCancel() + "/cancel", 200),
                route("GET", "/api/coupons/{code}", f -> "/api/coupons/WELCOME10", 200),
                // payments
                route("POST", "/api/orders/{orderId}/payments", f -> "/api/orders/" + f.orderToPay() + "/payments",
                        f -> card("4242424242424242"), 201),
                route("GET", "/api/payments/{id}", f -> "/api/payments/" + f.paymentId(), 200),
                route("POST", "/api/payments/{id}/refund", f -> "/api/payments/" + f.paymentToRefund() + "/refund", 200),
                // shipping
                route("GET", "/api/shipping/rates", f -> "/api/shipping/rates?country=CA&weightGrams=1200", 200),
                route("POST", "/api/orders/{orderId}/shipments", f -> "/api/orders/" + f.orderToShip() + "/shipments",
                        f -> ShopClient.json("carrier", "UPS"), 201),
                route("GET", "/api/shipments/{id}", f -> "/api/shipments/" + f.shipmentId(), 200),
                route("GET", "/api/shipments/track/{trackingNumber}", f -> "/api/shipments/track/" + f.trackingNumber(), 200),
                route("POST", "/api/shipments/{id}/events", f -> "/api/shipments/" + f.shipmentId() + "/events",
                        f -> ShopClient.json("status", "IN_TRANSIT", "location", "Memphis TN"), 200),
                // notifications
                route("GET", "/api/notifications", f -> "/api/notifications?customerId=" + f.customerId(), 200),
                route("POST", "/api/notifications/dispatch", f -> "/api/notifications/dispatch", 200),
                // reviews
                route("GET", "/api/products/{productId}/reviews", f -> "/api/products/" + f.productId() + "/reviews", 200),
                route("POST", "/api/products/{productId}/reviews", f -> "/api/products/" + f.productId() + "/reviews",
                        f -> ShopClient.json("customerId", f.customerId(), "rating", 5, "title", "Does the job"), 201),
                route("GET", "/api/products/{productId}/rating", f -> "/api/products/" + f.productId() + "/rating", 200),
                // back-office reporting
                route("GET", "/api/admin/reports/sales", f -> "/api/admin/reports/sales", 200),
                route("GET", "/api/admin/reports/top-products", f -> "/api/admin/reports/top-products?limit=3", 200),
                route("GET", "/api/admin/reports/revenue-by-category", f -> "/api/admin/reports/revenue-by-category", 200),
                route("GET", "/api/admin/reports/daily-snapshots", f -> "/api/admin/reports/daily-snapshots", 200),
                route("POST", "/api/admin/reports/daily-snapshots",
                        f -> "/api/admin/reports/daily-snapshots?date=" + LocalDate.now(), 200),
                route("POST", "/api/admin/products", f -> "/api/admin/products", f -> newProduct(), 201),
                route("PUT", "/api/admin/products/{id}/price", f -> "/api/admin/products/" + f.backOfficeProductId() + "/price",
                        f -> ShopClient.json("price", 12.34), 200),
                route("GET", "/api/admin/orders", f -> "/api/admin/orders?status=PAID", 200),
                route("POST", "/api/admin/orders/expire", f -> "/api/admin/orders/expire?olderThanHours=72", 200),
                // last, because it ends the fixture's session
                route("POST", "/api/customers/logout", f -> "/api/customers/logout", 200));
    }

    @BeforeAll
    void create_the_records_the_routes_act_on() {
        ShopClient client = newClient();
        long customerId = registerAndLogin(client, "Rita");
        String email = client.get("/api/customers/me").get("email").asString();
        long productId = productWithPlentyOfStock(client);
        long categoryId = client.get("/api/categories").json().get(0).path("id").asLong();

        long shippedOrderId = placeOrder(client, customerId, productId);
        long paymentId = pay(client, shippedOrderId);
        ShopClient.Answer shipment = client.post("/api/orders/" + shippedOrderId + "/shipments", null);
        assertThat(shipment.status()).as(shipment.raw()).isEqualTo(201);

        long orderToCancel = placeOrder(client, customerId, productId);
        long orderToPay = placeOrder(client, customerId, productId);
        long orderToRefund = placeOrder(client, customerId, productId);
        long paymentToRefund = pay(client, orderToRefund);
        long orderToShip = placeOrder(client, customerId, productId);
        pay(client, orderToShip);

        ShopClient other = newClient();
        long checkoutCustomerId = registerAndLogin(other, "Otto");
        assertThat(other.post("/api/cart/items", ShopClient.json("productId", productId, "quantity", 2)).status())
                .isEqualTo(200);

        ShopClient.Answer created = client.post("/api/admin/products", newProduct());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        fixture = new Fixture(client, customerId, email, checkoutCustomerId, productId, categoryId, shippedOrderId,
                paymentId, shipment.id(), shipment.get("trackingNumber").asString(), orderToCancel, orderToPay,
                paymentToRefund, orderToShip, created.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void every_route_answers_a_valid_request_with_json(Route route) {
        String path = route.path().apply(fixture);
        ShopClient.Answer answer = fixture.client().send(route.method(), path,
                route.body() == null ? null : route.body().apply(fixture), "application/json");

        assertThat(answer.status()).as("%s %s answered %s", route.method(), path, answer.raw())
                .isEqualTo(route.expectedStatus());
        assertThat(answer.contentType()).as("content type of %s %s", route.method(), path).contains("application/json");
        assertThat(answer.json()).as("JSON body of %s %s", route.method(), path).isNotNull();
    }

    @Test
    void the_table_lists_exactly_the_routes_of_the_application() {
        Set<String> actual = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    actual.add(method.name() + " " + pattern);
                }
            }
        }
        Set<String> table = new TreeSet<>(routes().map(Route::toString).toList());

        assertThat(table).as("routes in the table vs. routes of the application").isEqualTo(actual);
        assertThat(actual).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void the_readme_lists_exactly_the_routes_of_the_table() throws IOException {
        Set<String> readme = new TreeSet<>();
        Pattern rowPattern = Pattern.compile("^\\| (GET|POST|PUT|DELETE|PATCH) \\| `([^`]+)` \\|");
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = rowPattern.matcher(line);
            if (m.find()) {
                readme.add(m.group(1) + " " + m.group(2));
            }
        }
        assertThat(readme).isEqualTo(new TreeSet<>(routes().map(Route::toString).toList()));
    }

    private static Route route(String method, String template, Function<Fixture, String> path, int status) {
        return new Route(method, template, path, null, status);
    }

    private static Route route(String method, String template, Function<Fixture, String> path,
            Function<Fixture, String> body, int status) {
        return new Route(method, template, path, body, status);
    }

    private static String card(String number) {
        return ShopClient.json("cardNumber", number, "expiry", "12/39", "cvv", "123");
    }

    private static String newProduct() {
        return ShopClient.json("sku", "ZZ-" + (1000 + unique() % 9000), "name", "Test Widget", "price", 9.99,
                "weightGrams", 250, "categorySlug", "toys", "initialStock", 40);
    }

    private static long productWithPlentyOfStock(ShopClient client) {
        List<JsonNode> products = client.get("/api/products").json().valueStream().toList();
        for (JsonNode p : products) {
            long id = p.path("id").asLong();
            if (client.get("/api/inventory/" + id).get("available").asInt() >= 50) {
                return id;
            }
        }
        throw new IllegalStateException("no seeded product has 50 items in stock: " + products);
    }

    private static long placeOrder(ShopClient client, long customerId, long productId) {
        ShopClient.Answer added = client.post("/api/cart/items?customerId=" + customerId,
                ShopClient.json("productId", productId, "quantity", 1));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        ShopClient.Answer order = client.post("/api/orders", ShopClient.json("customerId", customerId));
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        return order.id();
    }

    private static long pay(ShopClient client, long orderId) {
        ShopClient.Answer payment = client.post("/api/orders/" + orderId + "/payments", card("4242424242424242"));
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        return payment.id();
    }
}
