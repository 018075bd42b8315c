package dev.strangler.gateway.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's hop-by-hop header filter, copying the headers only when there is something to remove. The
 * stock filter copies every request's and response's headers into a new map even when none of them is hop-by-hop,
 * which is most proxied requests. With a {@code Connection} header (whose options name more headers to drop) or any
 * of the configured hop-by-hop names present, the stock filter runs as before. Installed in place of the stock bean,
 * with its configured headers and order, by {@link #replacer()}.
 */
public final class HopByHopOnlyWhenPresentFilter extends RemoveHopByHopHeadersFilter {

    /** A filter removing {@code configured}'s headers, at its order. */
    public HopByHopOnlyWhenPresentFilter(RemoveHopByHopHeadersFilter configured) {
        setHeaders(configured.getHeaders());
        setOrder(configured.getOrder());
    }

    @Override
    public HttpHeaders filter(HttpHeaders headers, ServerWebExchange exchange) {
        return hasHopByHop(headers) ? super.filter(headers, exchange) : headers;
    }

    private boolean hasHopByHop(HttpHeaders headers) {
        if (headers.containsHeader(HttpHeaders.CONNECTION)) {
            return true;
        }
        for (String name : getHeaders()) {
            if (headers.containsHeader(name)) {
                return true;
            }
        }
        return false;
    }

    /** Swaps the stock filter for this one wherever Spring Cloud Gateway declares it, keeping its configuration. */
    public static BeanPostProcessor replacer() {
        return StockBeanReplacer.of(RemoveHopByHopHeadersFilter.class, HopByHopOnlyWhenPresentFilter::new);
    }
}
