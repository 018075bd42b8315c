package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.lambda.LambdaRequest;
import dev.strangler.gateway.lambda.LambdaResponse;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ExchangeEventsTest {

    private static final Route ROUTE = new Route("orders", List.of(new PathPattern("/orders/{id}")), Set.of("GET"), Map.of(),
            new RouteTarget.LambdaFunction("orders-fn", null, null), 100, null, null, false);

    @Test
    void a_body_is_skipped_only_when_the_headers_rule_one_out() {
        MockServerHttpRequest empty = MockServerHttpRequest.post("/x").header("Content-Length", "0").build();
        MockServerHttpRequest sized = MockServerHttpRequest.post("/x").header("Content-Length", "5").build();
        MockServerHttpRequest chunked = MockServerHttpRequest.post("/x").header("Transfer-Encoding", "chunked").build();
        // not a Reactor Netty HTTP/1.x request, so the absence of both headers does not prove there is no body (HTTP/2 frames one)
        MockServerHttpRequest unknown = MockServerHttpRequest.get("/x").build();

        assertThat(ExchangeEvents.hasNoBody(empty, empty.getHeaders().getContentLength())).isTrue();
        assertThat(ExchangeEvents.hasNoBody(sized, sized.getHeaders().getContentLength())).isFalse();
        assertThat(ExchangeEvents.hasNoBody(chunked, chunked.getHeaders().getContentLength())).isFalse();
        assertThat(ExchangeEvents.hasNoBody(unknown, unknown.getHeaders().getContentLength())).isFalse();
    }

    @Test
    void the_function_sees_lower_case_headers_without_hop_by_hop_ones_and_the_gateways_request_id() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/orders/7?x=1")
                .header("Host", "shop.example:8000").header("Connection", "keep-alive").header("X-Request-Id", "client-id")
                .header("Accept", "a/b", "c/d").cookie(new HttpCookie("sid", "s1")));
        exchange.getAttributes().put(RequestIdFilter.REQUEST_ID_ATTRIBUTE, "req-1");
        RouteMatch match = new RouteMatch(ROUTE, ROUTE.paths().get(0), Map.of("id", "7"));

        LambdaRequest request = ExchangeEvents.toLambdaRequest(exchange, match, ExchangeEvents.NO_BODY, false);

        assertThat(request.headers()).contains(Map.entry("accept", "a/b"), Map.entry("accept", "c/d"),
                Map.entry("x-request-id", "req-1")).doesNotContain(Map.entry("x-request-id", "client-id"))
                .noneMatch(h -> h.getKey().equals("connection") || h.getKey().equals("cookie"));
        assertThat(request.cookies()).containsExactly("sid=s1");
        assertThat(request.routeKey()).isEqualTo("GET /orders/{id}");
        assertThat(request.rawQueryString()).isEqualTo("x=1");
        assertThat(request.pathParameters()).containsEntry("id", "7");
        assertThat(request.domainName()).isEqualTo("shop.example");
    }

    @Test
    void a_shadow_copy_is_marked_once() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/orders/7")
                .header(ShadowTraffic.SHADOW_HEADER, "spoofed"));
        exchange.getAttributes().put(RequestIdFilter.REQUEST_ID_ATTRIBUTE, "req-2");
        RouteMatch match = new RouteMatch(ROUTE, ROUTE.paths().get(0), Map.of());

        LambdaRequest request = ExchangeEvents.toLambdaRequest(exchange, match, ExchangeEvents.NO_BODY, true);

        assertThat(request.headers()).filteredOn(h -> h.getKey().equals(ShadowTraffic.SHADOW_HEADER))
                .containsExactly(Map.entry(ShadowTraffic.SHADOW_HEADER, "true"));
    }

    @Test
    void a_reply_is_written_with_its_cookies_and_without_hop_by_hop_headers() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/orders/7"));
        LambdaResponse reply = new LambdaResponse(201, Map.of("content-type", List.of("application/json"),
                "transfer-encoding", List.of("chunked"), "set-cookie", List.of("b=2")), List.of("a=1"),
                "{\"id\":7}".getBytes(StandardCharsets.UTF_8));

        ExchangeEvents.write(exchange.getResponse(), reply).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(201);
        assertThat(exchange.getResponse().getHeaders().get("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(exchange.getResponse().getHeaders().containsHeader("transfer-encoding")).isFalse();
        assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(8);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("{\"id\":7}");
    }

    @Test
    void a_service_url_appends_the_request_path_and_query_to_the_base() {
        MockServerHttpRequest request = MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://gw/orders/7?x=a%20b")).build();

        assertThat(ExchangeEvents.serviceUrl(URI.create("http://svc:8080/base/"), request))
                .isEqualTo(URI.create("http://svc:8080/base/orders/7?x=a%20b"));
    }
}
