package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import dev.strangler.gateway.web.GrpcOnlyHeadersFilter;
import dev.strangler.gateway.web.HopByHopOnlyWhenPresentFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.ForwardPathFilter;
import org.springframework.cloud.gateway.filter.ForwardRoutingFilter;
import org.springframework.cloud.gateway.filter.RemoveCachedBodyFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MonolithProxyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = TestEnvironment.get();
    }

    @Test
    void proxies_unlisted_path_with_forwarded_headers_and_without_hop_by_hop_headers() throws Exception {
        // java.net.http refuses to send Connection, so this request goes over a plain socket
        String response = rawGet("/api/products?page=2&sort=name",
                "X-Secret-Hop: do-not-forward", "Connection: close, X-Secret-Hop", "Keep-Alive: timeout=5",
                "X-Request-Id: hop-test-1");

        assertThat(response).startsWith("HTTP/1.1 200");
        JsonNode seen = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(seen.get("path").asString()).isEqualTo("/api/products");
        assertThat(seen.get("query").asString()).isEqualTo("page=2&sort=name");
        JsonNode headers = seen.get("headers");
        assertThat(headers.get("x-forwarded-for").get(0).asString()).contains("127.0.0.1");
        assertThat(headers.get("x-forwarded-proto").get(0).asString()).isEqualTo("http");
        assertThat(headers.get("x-forwarded-host").get(0).asString()).startsWith("127.0.0.1:");
        assertThat(headers.get("forwarded").get(0).asString()).contains("for=").contains("proto=http");
        assertThat(headers.has("x-secret-hop")).isFalse();
        assertThat(headers.has("keep-alive")).isFalse();
        assertThat(headers.get("x-request-id").get(0).asString()).isEqualTo("hop-test-1");
        assertThat(response).contains("X-Request-Id: hop-test-1");
        assertThat(headers.get("traceparent").get(0).asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void runs_without_the_spring_cloud_gateway_features_no_strangler_route_uses() {
        var context = env.gateway;
        assertThat(context.getBean(RoutePredicateHandlerMapping.class).getOrder())
                .as("the gateway's mapping answers before WebFlux's").isLessThan(new RequestMappingHandlerMapping().getOrder());
        assertThat(context.getBeansOfType(AdaptCachedBodyGlobalFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(RemoveCachedBodyFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(ForwardRoutingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(ForwardPathFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(WebsocketRoutingFilter.class)).hasSize(1);
        assertThat(context.getBeansOfType(GRPCRequestHeadersFilter.class).values())
                .singleElement().isInstanceOf(GrpcOnlyHeadersFilter.class);
        assertThat(context.getBeansOfType(RemoveHopByHopHeadersFilter.class).values())
                .singleElement().isInstanceOf(HopByHopOnlyWhenPresentFilter.class);
    }

    private static String rawGet(String target, String... headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(env.gatewayUri.getHost(), env.gatewayUri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + env.gatewayUri.getPort() + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void keeps_the_callers_trace_and_request_id() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";

        HttpResponse<byte[]> response = env.send(env.request("/api/anything")
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").header("X-Request-Id", "abc-123"));

        JsonNode headers = JSON.readTree(response.body()).get("headers");
        assertThat(headers.get("traceparent").get(0).asString()).startsWith("00-" + trace + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("abc-123");
    }

    @Test
    void passes_status_headers_and_cookies_back_unchanged() throws Exception {
        HttpResponse<byte[]> teapot = env.send(env.request("/status/418"));
        HttpResponse<byte[]> cookies = env.send(env.request("/cookies"));

        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat(teapot.headers().allValues("X-Multi")).containsExactly("one", "two");
        assertThat(cookies.headers().allValues("Set-Cookie")).containsExactly("a=1; Path=/; HttpOnly", "b=2; Path=/");
    }

    @Test
    void streams_a_large_body_to_the_monolith() throws Exception {
        byte[] body = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(body);

        HttpResponse<byte[]> response = env.send(env.request("/api/upload")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        JsonNode seen = JSON.readTree(response.body());
        assertThat(seen.get("bodyLength").asLong()).isEqualTo(body.length);
        assertThat(seen.get("bodySha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }

    @Test
    void answers_504_problem_when_the_monolith_is_too_slow() throws Exception {
        HttpResponse<byte[]> response = env.send(env.request("/api/slow?sleep-ms=4000"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(FakeMonolith.text(response.body())).contains("\"route\":\"default\"").doesNotContain("Exception");
    }

    @Test
    void sends_an_http_target_route_to_its_service_under_the_base_path() throws Exception {
        HttpResponse<byte[]> response = env.send(env.request("/svc/orders/7?x=1"));

        JsonNode seen = JSON.readTree(response.body());
        assertThat(seen.get("path").asString()).isEqualTo("/service-base/svc/orders/7");
        assertThat(seen.get("query").asString()).isEqualTo("x=1");
    }
}
