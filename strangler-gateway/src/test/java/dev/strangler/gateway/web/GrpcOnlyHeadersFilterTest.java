package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

class GrpcOnlyHeadersFilterTest {

    private final GrpcOnlyHeadersFilter filter = new GrpcOnlyHeadersFilter();

    @Test
    void leaves_the_headers_of_a_request_that_is_not_grpc_as_they_are_without_a_copy() {
        ServerWebExchange exchange = exchange("application/json");
        HttpHeaders headers = exchange.getRequest().getHeaders();

        assertThat(filter.filter(headers, exchange)).isSameAs(headers);
    }

    @Test
    void asks_for_trailers_on_a_grpc_request_like_the_stock_filter() {
        ServerWebExchange exchange = exchange("application/grpc+proto");

        HttpHeaders filtered = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(filtered.get("te")).containsExactly("trailers");
        assertThat(filtered.getFirst("X-Custom")).isEqualTo("kept");
        assertThat(filtered.headerSet()).isEqualTo(new GRPCRequestHeadersFilter()
                .filter(exchange.getRequest().getHeaders(), exchange).headerSet());
    }

    @Test
    void the_replacer_swaps_only_the_stock_filter() {
        var replacer = GrpcOnlyHeadersFilter.replacer();

        assertThat(replacer.postProcessAfterInitialization(new GRPCRequestHeadersFilter(), "gRPCRequestHeadersFilter"))
                .isInstanceOf(GrpcOnlyHeadersFilter.class);
        Object other = new TraceHeadersFilter();
        assertThat(replacer.postProcessAfterInitialization(other, "traceHeadersFilter")).isSameAs(other);
    }

    private static ServerWebExchange exchange(String contentType) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders")
                .header(HttpHeaders.CONTENT_TYPE, contentType).header("X-Custom", "kept"));
    }
}
