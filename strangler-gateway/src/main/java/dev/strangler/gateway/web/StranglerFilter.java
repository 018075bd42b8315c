package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Side;
import java.util.Objects;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The WebFlux side of the gateway: takes each request's route and side as the direct proxy path decided them
 * ({@link DirectProxy}), or decides them once against the route table in force when that path is off, and
 * dispatches the request: to Spring Cloud Gateway's proxy (the monolith, or an HTTP target by rewriting the request URL), to
 * the route's Lambda function ({@link FunctionCall}), or to the monolith with a shadow copy to the target
 * ({@link ShadowTraffic}); URL targets through {@link ServiceCall}. Each target is guarded by its circuit breaker
 * ({@link TargetBreakers}). Failures are answered by {@link TargetFailures}, exchanges observed by {@link AccessLog}.
 * Thread-safe.
 *
 * <p>It works at two points: as a web filter ahead of WebFlux's dispatch ({@link #aheadOfDispatch()}), where every
 * request's route and side are decided once and function requests are answered without going through Spring Cloud
 * Gateway's handler mapping and filter chain; and as a global filter in that chain, where the rest is proxied.
 */
public final class StranglerFilter implements GlobalFilter, Ordered {

    private static final String DECISION = StranglerFilter.class.getName() + ".decision";

    private final RouteStore store;
    private final FunctionCall functions;
    private final ServiceCall services;
    private final AccessLog accessLog;
    private final ShadowTraffic shadows;

    /**
     * A filter reading routes from {@code store}; bodies over {@code maxBodyBytes} are refused for Lambda targets;
     * shadow copies go through {@code shadows}; targets are guarded by {@code breakers}.
     */
    public StranglerFilter(RouteStore store, LambdaInvoker invoker, RouteMetrics metrics, int maxBodyBytes,
                           ShadowTraffic shadows, TargetBreakers breakers) {
        this.store = Objects.requireNonNull(store, "store");
        TargetFailures failures = new TargetFailures(metrics);
        this.functions = new FunctionCall(invoker, failures, breakers, maxBodyBytes);
        this.services = new ServiceCall(breakers, failures);
        this.accessLog = new AccessLog(metrics);
        this.shadows = Objects.requireNonNull(shadows, "shadows");
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1; // after the monolith URL is set
    }

    /** Whether the exchange goes to the monolith on a route with shadow traffic on and was drawn for a copy. */
    static boolean mayShadow(ServerWebExchange exchange) {
        RouteDecision decision = exchange.getAttribute(DECISION);
        return decision != null && decision.shadowSampled();
    }

    /** The decision the direct proxy path made for this request before handing it on, else a new one. */
    private RouteDecision decide(ServerWebExchange exchange) {
        RouteDecision decision = DirectProxy.handedOn(exchange.getRequest());
        if (decision == null) {
            decision = RouteDecision.of(store.table(), new ExchangeFacts(exchange.getRequest()));
        }
        exchange.getAttributes().put(DECISION, decision);
        return decision;
    }

    /**
     * First look at every request, as a {@link WebFilter} ahead of WebFlux's dispatch ({@link AheadFilter}): decides
     * the route and side once, answers a function's requests right here (Spring Cloud Gateway's handler mapping and
     * filter chain have nothing to add to them), and lets everything else, including a function's fallback to the
     * monolith, continue to Spring Cloud Gateway, whose chain reaches {@link #filter(ServerWebExchange, GatewayFilterChain)}
     * with the decision made. Observed (metrics, access log) here, over the whole exchange.
     */
    Mono<Void> serveAhead(ServerWebExchange exchange, WebFilterChain next) {
        long start = System.nanoTime();
        RouteDecision decision = decide(exchange);
        RouteTarget.LambdaFunction function = decision.function();
        Mono<Void> work = function != null ? functions.serve(exchange, next::filter, decision.match(), function)
                : next.filter(exchange);
        return accessLog.observe(exchange, work, decision.routeId(), decision.side(), decision.target(), start);
    }

    /**
     * The web filter that sees every request first, right after {@link RequestIdFilter}: register it as a bean next
     * to this global filter.
     */
    public WebFilter aheadOfDispatch() {
        return new AheadFilter(this);
    }

    private record AheadFilter(StranglerFilter filter) implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return filter.serveAhead(exchange, chain);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 2; // after InFlightFilter and RequestIdFilter
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RouteDecision decision = exchange.getAttribute(DECISION);
        if (decision != null) {
            return route(exchange, chain, decision);
        }
        // not seen ahead (the web filter is not installed): decide and observe here
        long start = System.nanoTime();
        decision = decide(exchange);
        return accessLog.observe(exchange, route(exchange, chain, decision), decision.routeId(), decision.side(),
                decision.target(), start);
    }

    private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, RouteDecision decision) {
        String routeId = decision.routeId();
        if (decision.match() == null || exchange.getAttribute(TargetFailures.FALLBACK) != null) {
            return MonolithProxy.proxy(exchange, chain, routeId); // unrouted, or a function's fallback
        }
        RouteMatch found = decision.match();
        Route route = found.route();
        if (decision.side() == Side.MONOLITH) {
            return decision.shadowSampled()
                    ? shadows.proxyAndCopy(exchange, found, true, copy -> MonolithProxy.proxy(copy, chain, routeId))
                    : MonolithProxy.proxy(exchange, chain, routeId);
        }
        if (route.target() instanceof RouteTarget.HttpService service) {
            return services.serve(exchange, chain, found, service);
        }
        return functions.serve(exchange, ex -> MonolithProxy.proxy(ex, chain, routeId), found, decision.function());
    }
}
