package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serves a request with a route's URL target through Spring Cloud Gateway's proxy, guarded by the target's circuit
 * breaker: an answer of 500 or more (including the gateway's own 502/504 for a target that cannot be reached or is
 * too slow) counts as a failure; while the breaker is open or the target unhealthy, {@link TargetFailures#circuitOpen}
 * answers. Thread-safe.
 */
final class ServiceCall {

    private final TargetBreakers breakers;
    private final TargetFailures failures;

    ServiceCall(TargetBreakers breakers, TargetFailures failures) {
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** Proxies the exchange matched by {@code match} to {@code service} along {@code chain}. */
    Mono<Void> serve(ServerWebExchange exchange, GatewayFilterChain chain, RouteMatch match, RouteTarget.HttpService service) {
        Route route = match.route();
        Function<ServerWebExchange, Mono<Void>> monolith = ex -> MonolithProxy.proxy(ex, chain, route.id());
        if (breakers.isOpen(service)) {
            return failures.circuitOpen(exchange, monolith, route, TargetFailures.UNREAD, breakers.waitInOpen());
        }
        URI monolithUrl = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                ExchangeEvents.serviceUrl(service.uri(), exchange.getRequest()));
        Mono<Integer> proxied = MonolithProxy.proxy(exchange, chain, route.id())
                .then(Mono.fromSupplier(() -> status(exchange)));
        return breakers.run(service, proxied, status -> status >= 500)
                .hasElement()
                .flatMap(served -> {
                    if (served) {
                        return Mono.empty();
                    }
                    // refused before anything was sent: the monolith can still take the request whole
                    exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, monolithUrl);
                    return failures.circuitOpen(exchange, monolith, route, TargetFailures.UNREAD, breakers.waitInOpen());
                });
    }

    private static int status(ServerWebExchange exchange) {
        return exchange.getResponse().getStatusCode() == null ? 200 : exchange.getResponse().getStatusCode().value();
    }
}
