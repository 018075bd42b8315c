package dev.strangler.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the client's, or a new one) on the way in and on the response, and a
 * W3C {@code traceparent} with the gateway as parent span; both go downstream to the monolith or into the event.
 */
public final class RequestIdFilter implements WebFilter, Ordered {

    static final String REQUEST_ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = Tracing.requestId(exchange.getRequest().getHeaders().getFirst(Tracing.REQUEST_ID_HEADER));
        String traceparent = Tracing.traceparent(exchange.getRequest().getHeaders().getFirst(Tracing.TRACEPARENT));
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(Tracing.REQUEST_ID_HEADER, requestId);
        ServerWebExchange traced = exchange.mutate().request(r -> r.headers(h -> {
            h.set(Tracing.REQUEST_ID_HEADER, requestId);
            h.set(Tracing.TRACEPARENT, traceparent);
        })).build();
        return chain.filter(traced);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
