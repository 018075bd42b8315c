package dev.strangler.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the client's, or a new one) on the way in and on the response, and a
 * W3C {@code traceparent} with the gateway as parent span. Both are kept as exchange attributes rather than written
 * into a rebuilt request (which would copy every header once more per request): {@link TraceHeadersFilter} writes
 * them into what goes to the monolith or an HTTP target, the strangler filter into a function's event.
 */
public final class RequestIdFilter implements WebFilter, Ordered {

    static final String REQUEST_ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";
    static final String TRACEPARENT_ATTRIBUTE = RequestIdFilter.class.getName() + ".traceparent";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = Tracing.requestId(exchange.getRequest().getHeaders().getFirst(Tracing.REQUEST_ID_HEADER));
        String traceparent = Tracing.traceparent(exchange.getRequest().getHeaders().getFirst(Tracing.TRACEPARENT));
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getAttributes().put(TRACEPARENT_ATTRIBUTE, traceparent);
        exchange.getResponse().getHeaders().set(Tracing.REQUEST_ID_HEADER, requestId);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after InFlightFilter
    }
}
