package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LambdaRouteIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = TestEnvironment.get();
    }

    @Test
    void maps_request_to_http_api_event_with_path_parameters_cookies_and_multi_value_query() throws Exception {
        HttpResponse<byte[]> response = env.send(env.request("/fn/items/42?tag=a&tag=b&q=x%20y")
                .header("Cookie", "session=s1; theme=dark")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).isEmpty();
        JsonNode event = JSON.readTree(response.body());
        assertThat(event.get("version").asString()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asString()).isEqualTo("ANY /fn/items/{id}");
        assertThat(event.get("rawPath").asString()).isEqualTo("/fn/items/42");
        assertThat(event.get("rawQueryString").asString()).isEqualTo("tag=a&tag=b&q=x%20y");
        assertThat(event.get("queryStringParameters").get("tag").asString()).isEqualTo("a,b");
        assertThat(event.get("queryStringParameters").get("q").asString()).isEqualTo("x y");
        assertThat(event.get("pathParameters").get("id").asString()).isEqualTo("42");
        assertThat(event.get("cookies").toString()).isEqualTo("[\"session=s1\",\"theme=dark\"]");
        assertThat(event.get("headers").get("traceparent").asString()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(event.get("requestContext").get("requestId").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(event.get("requestContext").get("http").get("method").asString()).isEqualTo("GET");
        assertThat(event.get("requestContext").get("http").get("sourceIp").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void round_trips_a_binary_body_base64_both_ways() throws Exception {
        byte[] body = new byte[4096];
        new Random(3).nextBytes(body);

        HttpResponse<byte[]> response = env.send(env.request("/fn/items")
                .header("Content-Type", "application/octet-stream").header("x-sample-binary", "true")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void maps_status_cookies_and_headers_of_the_proxy_response() throws Exception {
        HttpResponse<byte[]> response = env.send(env.request("/fn/items/1")
                .header("x-sample-status", "201").header("x-sample-set-cookie", "sid=abc; Path=/")
                .header("x-sample-multi-header", "v1,v2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("sid=abc; Path=/");
        assertThat(response.headers().firstValue("x-multi")).contains("v1,v2");
        assertThat(JSON.readTree(response.body()).get("body").asString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void returns_a_reply_not_in_proxy_shape_as_200_json() throws Exception {
        // the upper-casing function returns the event itself, upper-cased: an object without statusCode
        HttpResponse<byte[]> response = env.send(env.request("/upper?name=ada"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"RAWQUERYSTRING\":\"NAME=ADA\"");
    }

    @Test
    void answers_502_problem_naming_the_route_when_the_function_fails() throws Exception {
        HttpResponse<byte[]> response = env.send(env.request("/fn/items/1").header("x-sample-fail", "boom"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("\"route\":\"items\"").doesNotContain("boom").doesNotContain("RuntimeException");
    }

    @Test
    void falls_back_to_the_monolith_for_a_safe_method_when_the_function_fails() throws Exception {
        HttpResponse<byte[]> response = env.send(env.request("/safe/thing").header("x-sample-fail", "boom"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).contains("monolith");
        assertThat(response.headers().firstValue("X-Strangler-Fallback")).contains("function_error");
    }

    @Test
    void does_not_fall_back_for_an_unsafe_method() throws Exception {
        HttpResponse<byte[]> response = env.send(env.request("/safe/thing").header("x-sample-fail", "boom")
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void answers_504_on_timeout_and_falls_back_where_allowed() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> plain = sendAsync(env.request("/fn/items/1").header("x-sample-sleep-ms", "5000"));
        CompletableFuture<HttpResponse<byte[]>> safe = sendAsync(env.request("/safe/1").header("x-sample-sleep-ms", "5000"));

        assertThat(plain.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(504);
        HttpResponse<byte[]> fallback = safe.get(20, TimeUnit.SECONDS);
        assertThat(fallback.statusCode()).isEqualTo(200);
        assertThat(fallback.headers().firstValue("X-Strangler-Fallback")).contains("timeout");
    }

    @Test
    void answers_429_with_retry_after_when_throttled_and_falls_back_where_allowed() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> busy = sendAsync(env.request("/narrow/busy").header("x-sample-sleep-ms", "2000"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (env.lambdaLocal.runningInvocations("narrow") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        HttpResponse<byte[]> throttled = env.send(env.request("/narrow/again").POST(HttpRequest.BodyPublishers.ofString("x")));
        HttpResponse<byte[]> fallback = env.send(env.request("/narrow-safe/again"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(fallback.statusCode()).isEqualTo(200);
        assertThat(fallback.headers().firstValue("X-Strangler-Fallback")).contains("throttled");
        assertThat(busy.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_a_body_over_6_mb_with_413_without_invoking() throws Exception {
        int before = env.lambdaLocal.recentInvocations("echo").size();

        HttpResponse<byte[]> response = env.send(env.request("/fn/items")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024 + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"route\":\"items\"");
        assertThat(env.lambdaLocal.recentInvocations("echo")).hasSize(before);
    }

    @Test
    void weight_0_sends_everything_to_the_monolith_unless_the_tester_header_forces_the_target() throws Exception {
        HttpResponse<byte[]> normal = env.send(env.request("/zero/a"));
        HttpResponse<byte[]> forced = env.send(env.request("/zero/a").header("x-strangler-side", "target"));
        HttpResponse<byte[]> forcedBack = env.send(env.request("/fn/items/a").header("x-strangler-side", "monolith"));

        assertThat(normal.headers().firstValue("X-Backend")).contains("monolith");
        assertThat(forced.headers().firstValue("X-Backend")).isEmpty();
        assertThat(JSON.readTree(forced.body()).get("rawPath").asString()).isEqualTo("/zero/a");
        assertThat(forcedBack.headers().firstValue("X-Backend")).contains("monolith");
    }

    @Test
    void weight_50_splits_requests_without_a_key_about_evenly() throws Exception {
        int total = 200;
        int onTarget = 0;
        for (int i = 0; i < total; i++) {
            if (env.send(env.request("/half/r" + i)).headers().firstValue("X-Backend").isEmpty()) {
                onTarget++;
            }
        }

        // binomial(200, 0.5): the standard deviation is about 7; 4 of them (28) make a false failure about 1 in 15,000
        assertThat(onTarget).isBetween(100 - 28, 100 + 28);
    }

    @Test
    void sticky_users_stay_on_their_side_and_their_split_is_about_even() throws Exception {
        int users = 100;
        int onTarget = 0;
        for (int u = 0; u < users; u++) {
            boolean first = onTarget(env.send(env.request("/half/x").header("x-user", "user-" + u)));
            boolean second = onTarget(env.send(env.request("/half/y").header("x-user", "user-" + u)));
            assertThat(second).as("user-%d changed sides between two requests", u).isEqualTo(first);
            onTarget += first ? 1 : 0;
        }

        // binomial(100, 0.5) over stable hash buckets: 4 standard deviations are 20
        assertThat(onTarget).isBetween(30, 70);
    }

    private static boolean onTarget(HttpResponse<byte[]> response) {
        return response.headers().firstValue("X-Backend").isEmpty();
    }

    private static CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest.Builder request) {
        return env.http.sendAsync(request.timeout(java.time.Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
