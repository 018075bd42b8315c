package dev.strangler.extraction.plain.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.it.Answer;
import dev.strangler.extraction.it.SampleServers;
import dev.strangler.extraction.it.StranglerGateway;
import dev.strangler.lambdalocal.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import dev.strangler.lambdalocal.execution.InvocationResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plain flavor end to end on the sample: {@code coupon} and {@code cart} are generated, built with Maven (their
 * own tests run there) and deployed to lambda-local; the packaged strangler gateway routes every route of both at
 * weight 100 to them, from the {@code routes-snippet.yml} each extraction wrote. Each answer through the gateway is
 * compared with the packaged monolith's answer to the same request, on the same database, and the function must have
 * been invoked for it (no fallback). A few requests the gateway does not route to the function (other methods,
 * paths outside the route) are sent to the function directly through the AWS SDK, to check its own dispatcher.
 * Normalisation: see {@link Answer}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlainFunctionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SampleServers servers;
    private static LambdaLocal lambda;
    private static LambdaClient client;
    private static StranglerGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of("target/it-plain");
        GeneratedProject coupon = GeneratedProject.extractAndBuild("coupon", work.resolve("coupon"));
        GeneratedProject cart = GeneratedProject.extractAndBuild("cart", work.resolve("cart"));
        servers = SampleServers.start();
        lambda = LambdaLocal.start(0);
        Map<String, String> env = GeneratedProject.environment(servers.jdbcUrl, servers.monolithUri);
        lambda.deploy(FunctionConfig.of("coupon-fn", coupon.jar(), coupon.handler())
                .withTimeout(Duration.ofSeconds(60)).withMemoryMb(512).withConcurrency(1).withEnvironment(env));
        lambda.deploy(FunctionConfig.of("cart-fn", cart.jar(), cart.handler())
                .withTimeout(Duration.ofSeconds(60)).withMemoryMb(512).withConcurrency(1).withEnvironment(env));
        client = LambdaClient.builder()
                .endpointOverride(lambda.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().expectContinueEnabled(false)
                        .socketTimeout(Duration.ofSeconds(90)))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
        gateway = StranglerGateway.start(work.resolve("gateway"), List.of(coupon.folder().resolve("routes-snippet.yml"),
                cart.folder().resolve("routes-snippet.yml")), servers.monolithUri, lambda.endpoint(), "/api/products");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (lambda != null) {
            for (String name : new String[] {"coupon-fn", "cart-fn"}) {
                lambda.recentInvocations(name).stream().filter(InvocationResult::isColdStart).forEach(i ->
                        System.out.println("cold start of " + name + ": init " + i.initDuration().toMillis()
                                + " ms, first invocation " + i.duration().toMillis() + " ms"));
            }
            lambda.close();
        }
        if (client != null) {
            client.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    @Order(1)
    void coupon_answers_through_the_gateway_as_the_monolith_including_its_error_answers() throws Exception {
        for (String path : new String[] {"/api/coupons/WELCOME10", "/api/coupons/SUMMER2020", "/api/coupons/ONCEONLY",
                "/api/coupons/nope", "/api/coupons/%20welcome10%20"}) {
            assertSameThroughGateway("coupon-fn", "GET", path, null, null);
        }
        // what the gateway does not route to the function: the function's own dispatcher, invoked directly
        for (String path : new String[] {"/api/coupons", "/api/coupons/WELCOME10/"}) {
            assertSameAnswer("coupon-fn", "GET", path, null, null);
        }
        assertSameAnswer("coupon-fn", "DELETE", "/api/coupons/WELCOME10", null, null);
    }

    @Test
    @Order(2)
    void every_cart_route_answers_through_the_gateway_as_the_monolith() throws Exception {
        monolith("DELETE", "/api/cart?customerId=2", null, null);
        assertSameThroughGateway("cart-fn", "GET", "/api/cart?customerId=2", null, null);
        assertSameThroughGateway("cart-fn", "GET", "/api/cart?customerId=abc", null, null);
        assertSameThroughGateway("cart-fn", "GET", "/api/cart", null, null);
        assertSameThroughGateway("cart-fn", "GET", "/api/cart?customerId=99999", null, null);
        assertSameThroughGateway("cart-fn", "POST", "/api/cart/items?customerId=2", "{\"productId\":1,\"quantity\":0}", "application/json");
        assertSameThroughGateway("cart-fn", "POST", "/api/cart/items?customerId=2", "{\"productId\":1,\"quantity\":\"x\"}", "application/json");
        assertSameThroughGateway("cart-fn", "POST", "/api/cart/items?customerId=2", "{\"productId\":1,", "application/json");
        assertSameThroughGateway("cart-fn", "POST", "/api/cart/items?customerId=2", null, "application/json");
        assertSameThroughGateway("cart-fn", "POST", "/api/cart/items?customerId=2", "x", "text/plain");
        assertSameThroughGateway("cart-fn", "POST", "/api/cart/items?customerId=2", "{\"productId\":99999,\"quantity\":1}", "application/json");
        assertSameThroughGateway("cart-fn", "POST", "/api/cart/items", "{\"productId\":1,\"quantity\":1}", "application/json");
        assertSameThroughGateway("cart-fn", "PUT", "/api/cart/items/1?customerId=2", "{\"quantity\":100}", "application/json");
        assertSameThroughGateway("cart-fn", "PUT", "/api/cart/items/1?customerId=2", "{\"quantity\":1}", "application/json");
        assertSameThroughGateway("cart-fn", "DELETE", "/api/cart/items/1?customerId=2", null, null);
        assertSameThroughGateway("cart-fn", "DELETE", "/api/cart?customerId=99999", null, null);
        assertSameThroughGateway("cart-fn", "DELETE", "/api/cart?customerId=2", null, null);
        assertSameAnswer("cart-fn", "PATCH", "/api/cart/items/1?customerId=2", null, null);
    }

    @Test
    @Order(3)
    void a_write_through_the_gateway_is_what_the_monolith_then_reads_and_back() throws Exception {
        Answer added = monolith("POST", "/api/cart/items?customerId=1", "{\"productId\":2,\"quantity\":2}",
                "application/json");
        assertThat(added.status()).isEqualTo(200);
        assertThat(throughGateway("cart-fn", "GET", "/api/cart?customerId=1", null, null)).isEqualTo(added);

        Answer removed = throughGateway("cart-fn", "DELETE", "/api/cart/items/2?customerId=1", null, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("items").size()).isZero();
        assertThat(monolith("GET", "/api/cart?customerId=1", null, null)).isEqualTo(removed);

        monolith("POST", "/api/cart/items?customerId=1", "{\"productId\":3,\"quantity\":1}", "application/json");
        Answer cleared = throughGateway("cart-fn", "DELETE", "/api/cart?customerId=1", null, null);
        assertThat(cleared.body().get("itemCount").asInt()).isZero();
        assertThat(monolith("GET", "/api/cart?customerId=1", null, null)).isEqualTo(cleared);
    }

    @Test
    @Order(4)
    void a_route_that_needs_what_stays_behind_answers_501_and_changes_nothing() throws Exception {
        Answer before = monolith("GET", "/api/cart?customerId=1", null, null);

        Answer add = throughGateway("cart-fn", "POST", "/api/cart/items?customerId=1", "{\"productId\":2,\"quantity\":1}",
                "application/json");

        // InventoryService stays with products and no monolith route answers available(Long): on the to-do list
        assertThat(add.status()).isEqualTo(501);
        assertThat(add.body().get("detail").asString())
                .startsWith("InventoryService.available(Long) is not yet moved: it stays in the monolith with products");
        assertThat(monolith("GET", "/api/cart?customerId=1", null, null)).isEqualTo(before);
    }

    /** The monolith's answer, then the gateway's to the same request, which the function must have answered. */
    private static void assertSameThroughGateway(String function, String method, String pathAndQuery, String body,
            String contentType) throws Exception {
        Answer expected = monolith(method, pathAndQuery, body, contentType);
        Answer actual = throughGateway(function, method, pathAndQuery, body, contentType);

        assertThat(actual).as("through the gateway: " + method + " " + pathAndQuery + (body == null ? "" : " " + body))
                .isEqualTo(expected);
    }

    /** The gateway's answer; fails unless the gateway sent the request to the function (no fallback to the monolith). */
    private static Answer throughGateway(String function, String method, String pathAndQuery, String body,
            String contentType) throws Exception {
        String before = lastInvocation(function);

        HttpResponse<String> response = gateway.send(method, pathAndQuery, body, contentType);

        assertThat(response.headers().firstValue(StranglerGateway.FALLBACK_HEADER))
                .as("%s %s fell back to the monolith; gateway log:%n%s", method, pathAndQuery, gateway.logTail()).isEmpty();
        assertThat(lastInvocation(function)).as("%s %s reached %s through the gateway", method, pathAndQuery, function)
                .isNotEqualTo(before);
        return Answer.of(response.statusCode(), response.body());
    }

    private static String lastInvocation(String function) {
        List<InvocationResult> recent = lambda.recentInvocations(function);
        return recent.isEmpty() ? "" : recent.get(recent.size() - 1).requestId();
    }

    private static void assertSameAnswer(String function, String method, String pathAndQuery, String body,
            String contentType) throws Exception {
        Answer expected = monolith(method, pathAndQuery, body, contentType);
        Answer actual = function(function, method, pathAndQuery, body, contentType);

        assertThat(actual).as(method + " " + pathAndQuery + (body == null ? "" : " " + body)).isEqualTo(expected);
    }

    private static Answer monolith(String method, String pathAndQuery, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(servers.monolithUri + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = servers.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return Answer.of(response.statusCode(), response.body());
    }

    private static Answer function(String function, String method, String pathAndQuery, String body,
            String contentType) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", question < 0 ? "" : pathAndQuery.substring(question + 1));
        ObjectNode headers = event.putObject("headers");
        headers.put("host", "localhost");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.putObject("requestContext").putObject("http").put("method", method).put("path", path);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        InvokeResponse response = client.invoke(r -> r.functionName(function)
                .payload(SdkBytes.fromString(event.toString(), StandardCharsets.UTF_8)));
        String payload = response.payload().asUtf8String();
        assertThat(response.functionError()).as("function error of " + method + " " + pathAndQuery + ": " + payload)
                .isNull();
        JsonNode answer = JSON.readTree(payload);
        return Answer.of(answer.get("statusCode").asInt(), answer.path("body").isNull() ? ""
                : answer.path("body").asString(""));
    }
}
