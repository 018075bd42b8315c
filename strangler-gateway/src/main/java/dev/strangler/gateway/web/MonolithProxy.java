package dev.strangler.gateway.web;

import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Proxying through Spring Cloud Gateway's chain, with a problem answer when the upstream cannot be reached or is too slow. */
final class MonolithProxy {

    /** Exchange attribute: set when the upstream failed, so a shadow copy has nothing to compare with. */
    static final String UPSTREAM_FAILED = MonolithProxy.class.getName() + ".upstreamFailed";

    private static final Logger log = LoggerFactory.getLogger(MonolithProxy.class);

    private MonolithProxy() {
    }

    /** Lets the chain proxy the request to the URL set on the exchange; a failed upstream gets a 502 or 504 problem. */
    static Mono<Void> proxy(ServerWebExchange exchange, GatewayFilterChain chain, String routeId) {
        return chain.filter(exchange).onErrorResume(e -> !exchange.getResponse().isCommitted(), e -> {
            boolean timeout = e instanceof TimeoutException
                    || (e instanceof ResponseStatusException r && r.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
            HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
            String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
            URI upstream = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            exchange.getAttributes().put(UPSTREAM_FAILED, Boolean.TRUE);
            log.error("Route {} upstream {} failed: {}; request {}", routeId,
                    upstream == null ? "?" : upstream.getHost() + ":" + upstream.getPort(), e.toString(), requestId);
            exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            return Problems.write(exchange.getResponse(), status, timeout ? "The upstream did not answer in time"
                            : "The upstream could not be reached",
                    "Request " + requestId + " on route '" + routeId + "' was not served; retry later or contact the operators.",
                    routeId, requestId);
        });
    }
}
