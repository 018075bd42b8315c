package com.acmeshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/**
 * Bad input gets a 4xx with the shop's JSON error body saying what is wrong; never a stack trace.
 */
class BadInputIT extends ShopIntegrationTest {

    /** One bad request, the status it must get and a part of the message it must carry. */
    record BadRequest(String method, String path, String body, String contentType, int status, String message) {

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body) + " -> " + status;
        }
    }

    static Stream<BadRequest> bad_requests() {
        return Stream.of(
                bad("POST", "/api/cart/items?customerId=1", "{\"productId\":1,\"quantity\":0}", 400,
                        "quantity must be at least 1, but was 0"),
                bad("POST", "/api/cart/items?customerId=1", "{\"productId\":1,\"quantity\":100}", 400,
                        "quantity must be at most 99, but was 100"),
                bad("POST", "/api/cart/items?customerId=1", "{\"quantity\":1}", 400, "productId is required"),
                bad("POST", "/api/cart/items?customerId=1", "{\"productId\":\"x\",\"quantity\":1}", 400,
                        "productId has the wrong type"),
                bad("POST", "/api/cart/items?customerId=1", "{bad", 400, "request body is not valid JSON"),
                bad("POST", "/api/cart/items?customerId=1", null, 400, "request body is missing"),
                new BadRequest("POST", "/api/cart/items?customerId=1", "productId=1", "text/plain", 415,
                        "Content-Type text/plain"),
                bad("POST", "/api/cart/items", "{\"productId\":1,\"quantity\":1}", 401,
                        "no customer: log in with POST /api/customers/login or pass customerId"),
                bad("POST", "/api/cart/items?customerId=999999", "{\"productId\":1,\"quantity\":1}", 404,
                        "customer 999999 does not exist"),
                bad("POST", "/api/cart/items?customerId=1", "{\"productId\":999999,\"quantity\":1}", 404,
                        "product 999999 does not exist"),
                bad("GET", "/api/products/abc", null, 400, "id must be a whole number, but was 'abc'"),
                bad("GET", "/api/products/999999", null, 404, "product 999999 does not exist"),
                bad("GET", "/api/products?size=0", null, 400, "size must be between 1 and 100, but was 0"),
                bad("GET", "/api/products?category=spaceships", null, 404, "category 'spaceships' does not exist"),
                bad("GET", "/api/products/search?q=a", null, 400, "q must have at least 2 characters, but was 'a'"),
                bad("GET", "/api/products/search", null, 400, "query parameter q is required"),
                bad("GET", "/api/categories/999999/products", null, 404, "category 999999 does not exist"),
                bad("PUT", "/api/inventory/1", "{\"quantityOnHand\":-1}", 400,
                        "quantityOnHand must be at least 0, but was -1"),
                bad("GET", "/api/inventory/999999", null, 404, "no stock record for product 999999"),
                bad("POST", "/api/customers", "{\"email\":\"not-an-email\",\"password\":\"short\",\"firstName\":\"A\","
                        + "\"lastName\":\"B\"}", 400, "email must be a valid e-mail address, but was 'not-an-email'; "
                        + "password must have 8 to 100 characters, but was 'short'"),
                bad("POST", "/api/customers", "{\"email\":\"alice@example.com\",\"password\":\"long-enough\","
                        + "\"firstName\":\"A\",\"lastName\":\"B\"}", 409, "email alice@example.com is already registered"),
                bad("POST", "/api/customers/login", "{\"email\":\"alice@example.com\",\"password\":\"wrong-one\"}", 401,
                        "wrong e-mail or password"),
                bad("GET", "/api/customers/me", null, 401, "no customer"),
                bad("POST", "/api/customers/1/addresses", "{\"line1\":\"1 A St\",\"city\":\"X\",\"postalCode\":\"1\","
                        + "\"country\":\"USA\"}", 400, "country must be a two-letter ISO country code like US, but was 'USA'"),
                bad("POST", "/api/orders", "{\"customerId\":999999}", 404, "customer 999999 does not exist"),
                bad("POST", "/api/orders", "{\"customerId\":2}", 409, "the cart of customer 2 is empty"),
                bad("GET", "/api/orders/999999", null, 404, "order 999999 does not exist"),
                bad("POST", "/api/orders/999999/payments", "{\"cardNumber\":\"4242424242424242\",\"expiry\":\"12/39\","
                        + "\"cvv\":\"123\"}", 404, "order 999999 does not exist"),
                bad("POST", "/api/orders/1/payments", "{\"cardNumber\":\"4242424242424242\",\"expiry\":\"13/39\","
                        + "\"cvv\":\"12\"}", 400, "cvv must be 3 or 4 digits, but was '12'; expiry must look like MM/YY, "
                        + "but was '13/39'"),
                bad("GET", "/api/payments/999999", null, 404, "payment 999999 does not exist"),
                bad("GET", "/api/coupons/NOPE", null, 404, "coupon 'NOPE' does not exist"),
                bad("GET", "/api/shipping/rates?country=US&weightGrams=50000", null, 409,
                        "parcel of 50000 g is heavier than the 30000 g we ship to zone DOMESTIC"),
                bad("GET", "/api/shipping/rates?country=USA&weightGrams=100", null, 400,
                        "country must be a two-letter ISO code like US, but was 'USA'"),
                bad("GET", "/api/shipping/rates?country=US&weightGrams=heavy", null, 400,
                        "weightGrams must be a whole number, but was 'heavy'"),
                bad("GET", "/api/shipments/track/NOPE123", null, 404, "no shipment with tracking number NOPE123"),
                bad("POST", "/api/shipments/999999/events", "{\"status\":\"DELIVERED\"}", 404,
                        "shipment 999999 does not exist"),
                bad("GET", "/api/notifications?status=LOST", null, 400, "status must be one of"),
                bad("POST", "/api/products/1/reviews", "{\"customerId\":1,\"rating\":6,\"title\":\"Great\"}", 400,
                        "rating must be at most 5, but was 6"),
                bad("GET", "/api/products/999999/rating", null, 404, "product 999999 does not exist"),
                bad("GET", "/api/admin/reports/top-products?limit=0", null, 400, "limit must be between 1 and 50, but was 0"),
                bad("GET", "/api/admin/reports/sales?from=yesterday", null, 400,
                        "from must be a date like 2024-05-31, but was 'yesterday'"),
                bad("GET", "/api/admin/reports/sales?from=2025-02-01&to=2025-01-01", null, 400,
                        "from must not be after to"),
                bad("PUT", "/api/admin/products/1/price", "{\"price\":0}", 400, "price must be at least 0.01, but was 0"),
                bad("POST", "/api/admin/products", "{\"sku\":\"bad\",\"name\":\"X\",\"price\":1,\"weightGrams\":1,"
                        + "\"categorySlug\":\"toys\"}", 400, "sku must look like AB-1234, but was 'bad'"),
                bad("POST", "/api/admin/products", "{\"sku\":\"EL-1001\",\"name\":\"X\",\"price\":1,\"weightGrams\":1,"
                        + "\"categorySlug\":\"toys\"}", 409, "sku EL-1001 already exists"),
                bad("GET", "/api/admin/orders?status=LOST", null, 400, "status must be one of"),
                bad("POST", "/api/admin/orders/expire?olderThanHours=0", null, 400,
                        "olderThanHours must be at least 1, but was 0"),
                bad("GET", "/api/no-such-route", null, 404, "no route GET /api/no-such-route"),
                bad("DELETE", "/api/products", null, 405, "DELETE is not supported on /api/products"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_requests")
    void bad_input_gets_a_4xx_with_a_clear_json_error(BadRequest bad) {
        ShopClient.Answer answer = newClient().send(bad.method(), bad.path(), bad.body(), bad.contentType());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(bad.status());
        assertThat(answer.contentType()).contains("application/json");
        assertThat(answer.json()).as(answer.raw()).isNotNull();
        assertThat(answer.get("status").asInt()).isEqualTo(bad.status());
        assertThat(answer.get("error").asString()).isEqualTo(HttpStatus.valueOf(bad.status()).getReasonPhrase());
        assertThat(answer.get("message").asString()).contains(bad.message());
        assertThat(answer.get("path").asString()).isEqualTo(bad.path().replaceFirst("\\?.*", ""));
        assertThat(answer.raw()).doesNotContain("Exception", "\tat ", "trace");
    }

    private static BadRequest bad(String method, String path, String body, int status, String message) {
        return new BadRequest(method, path, body, "application/json", status, message);
    }
}
