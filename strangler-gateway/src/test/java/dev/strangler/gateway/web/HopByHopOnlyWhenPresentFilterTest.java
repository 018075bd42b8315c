package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

class HopByHopOnlyWhenPresentFilterTest {

    private final RemoveHopByHopHeadersFilter stock = new RemoveHopByHopHeadersFilter();
    private final HopByHopOnlyWhenPresentFilter filter = new HopByHopOnlyWhenPresentFilter(stock);

    @Test
    void leaves_headers_without_hop_by_hop_ones_as_they_are_without_a_copy() {
        ServerWebExchange exchange = exchange(MockServerHttpRequest.get("/orders").header("Accept", "application/json"));
        HttpHeaders headers = exchange.getRequest().getHeaders();

        assertThat(filter.filter(headers, exchange)).isSameAs(headers);
    }

    @Test
    void removes_hop_by_hop_headers_and_those_named_in_connection_like_the_stock_filter() {
        ServerWebExchange exchange = exchange(MockServerHttpRequest.get("/orders")
                .header("Connection", "close, X-Private").header("X-Private", "secret").header("Keep-Alive", "timeout=5")
                .header("Accept", "application/json"));
        HttpHeaders headers = exchange.getRequest().getHeaders();

        HttpHeaders filtered = filter.filter(headers, exchange);

        assertThat(filtered.headerNames()).containsExactly("Accept");
        assertThat(filtered.headerSet()).isEqualTo(stock.filter(headers, exchange).headerSet());
        ServerWebExchange upgrade = exchange(MockServerHttpRequest.get("/ws").header("Upgrade", "websocket")
                .header("Accept", "*/*"));
        assertThat(filter.filter(upgrade.getRequest().getHeaders(), upgrade).headerNames()).containsExactly("Accept");
    }

    @Test
    void the_replacer_keeps_the_configured_headers_and_order_and_swaps_only_the_stock_filter() {
        RemoveHopByHopHeadersFilter configured = new RemoveHopByHopHeadersFilter();
        configured.setHeaders(Set.of("x-internal"));
        configured.setOrder(42);

        Object replaced = HopByHopOnlyWhenPresentFilter.replacer().postProcessAfterInitialization(configured, "removeHopByHop");

        assertThat(replaced).isInstanceOfSatisfying(HopByHopOnlyWhenPresentFilter.class, f -> {
            assertThat(f.getHeaders()).containsExactly("x-internal");
            assertThat(f.getOrder()).isEqualTo(42);
        });
        ServerWebExchange exchange = exchange(MockServerHttpRequest.get("/").header("X-Internal", "1").header("A", "b"));
        assertThat(((HopByHopOnlyWhenPresentFilter) replaced).filter(exchange.getRequest().getHeaders(), exchange)
                .headerNames()).containsExactly("A");
        Object other = new TraceHeadersFilter();
        assertThat(HopByHopOnlyWhenPresentFilter.replacer().postProcessAfterInitialization(other, "trace")).isSameAs(other);
    }

    private static ServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }
}
