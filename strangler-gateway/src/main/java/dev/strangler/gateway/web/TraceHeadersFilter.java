package dev.strangler.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the request id and traceparent chosen by {@link RequestIdFilter} into the headers Spring Cloud Gateway sends
 * downstream (the monolith, an HTTP target, a fallback), replacing the client's. Runs last among the header filters,
 * on the copy the earlier ones (hop-by-hop removal) already made, so it adds no copy of its own.
 */
public final class TraceHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        String traceparent = exchange.getAttribute(RequestIdFilter.TRACEPARENT_ATTRIBUTE);
        if (requestId == null || traceparent == null) {
            return input;
        }
        HttpHeaders output = input;
        try {
            output.set(Tracing.REQUEST_ID_HEADER, requestId);
        } catch (UnsupportedOperationException readOnly) {
            // no earlier filter made a copy (one was configured away): make one
            output = new HttpHeaders();
            output.putAll(input);
            output.set(Tracing.REQUEST_ID_HEADER, requestId);
        }
        output.set(Tracing.TRACEPARENT, traceparent);
        return output;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
