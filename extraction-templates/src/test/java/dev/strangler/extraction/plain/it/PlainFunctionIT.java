package dev.strangler.extraction.plain.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.it.Answer;
import dev.strangler.extraction.it.SampleServers;
import dev.strangler.extraction.it.ThroughTheGateway;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
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
 * The plain flavor end to end on the sample, through the strangler gateway ({@link ThroughTheGateway}):
 * {@code coupon} and {@code cart} are generated and built with Maven (their own tests run there). A few requests the
 * gateway does not route to the function (other methods, paths outside the route) are also sent to the function
 * directly through the AWS SDK, to check its own dispatcher (404, 405).
 */
class PlainFunctionIT extends ThroughTheGateway {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private LambdaClient client;

    @Override
    protected Path work() {
        return Path.of("target/it-plain");
    }

    @Override
    protected Deployed deploy(Path work, SampleServers servers, LambdaLocal lambda) throws Exception {
        GeneratedProject coupon = GeneratedProject.extractAndBuild("coupon", work.resolve("coupon"));
        GeneratedProject cart = GeneratedProject.extractAndBuild("cart", work.resolve("cart"));
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
        return new Deployed(coupon.folder(), cart.folder());
    }

    @AfterAll
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    @Order(10)
    void what_the_gateway_does_not_route_to_the_function_its_own_dispatcher_answers_as_the_monolith() throws Exception {
        for (String path : new String[] {"/api/coupons", "/api/coupons/WELCOME10/"}) {
            assertSameAnswer("coupon-fn", "GET", path, null, null);
        }
        assertSameAnswer("coupon-fn", "DELETE", "/api/coupons/WELCOME10", null, null);
        assertSameAnswer("cart-fn", "PATCH", "/api/cart/items/1?customerId=2", null, null);
    }

    private void assertSameAnswer(String function, String method, String pathAndQuery, String body,
            String contentType) throws Exception {
        Answer expected = monolith(method, pathAndQuery, body, contentType);
        Answer actual = function(function, method, pathAndQuery, body, contentType);

        assertThat(actual).as(method + " " + pathAndQuery + (body == null ? "" : " " + body)).isEqualTo(expected);
    }

    private Answer function(String function, String method, String pathAndQuery, String body,
            String contentType) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        ObjectNode event = JSON_MAPPER.createObjectNode();
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
        JsonNode answer = JSON_MAPPER.readTree(payload);
        return Answer.of(answer.get("statusCode").asInt(), answer.path("body").isNull() ? ""
                : answer.path("body").asString(""));
    }
}
