package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Side;
import dev.strangler.gateway.routing.SideChooser;
import java.util.Objects;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The heart of the gateway: decides each request's route and side once, against the route table in force, and
 * dispatches it: to Spring Cloud Gateway's proxy (the monolith, or an HTTP target by rewriting the request URL), to
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

    /** Which route and side a request was given, decided once per request. */
    private record Decision(RouteMatch match, Side side) {
        String routeId() {
            return match == null ? RouteMetrics.DEFAULT_ROUTE : match.route().id();
        }

        String target() {
            return side == Side.MONOLITH ? "monolith" : match.route().target().describe();
        }

        /** The function this request is for, or null when it goes elsewhere. */
        RouteTarget.LambdaFunction function() {
            return side == Side.TARGET && match.route().target() instanceof RouteTarget.LambdaFunction function
                    ? function : null;
        }
    }

    /** Whether the exchange goes to the monolith on a route with shadow traffic on, so may be copied. */
    static boolean mayShadow(ServerWebExchange exchange) {
        Decision decision = exchange.getAttribute(DECISION);
        return decision != null && decision.match() != null && decision.side() == Side.MONOLITH
                && decision.match().route().shadow().isOn();
    }

    private Decision decide(ServerWebExchange exchange) {
        ExchangeFacts facts = new ExchangeFacts(exchange.getRequest());
        Optional<RouteMatch> match = store.table().match(facts);
        Decision decision = match.isEmpty() ? new Decision(null, Side.MONOLITH)
                : new Decision(match.get(), SideChooser.choose(match.get().route(), facts));
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
        Decision decision = decide(exchange);
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
        Decision decision = exchange.getAttribute(DECISION);
        if (decision != null) {
            return route(exchange, chain, decision);
        }
        // not seen ahead (the web filter is not installed): decide and observe here
        long start = System.nanoTime();
        decision = decide(exchange);
        return accessLog.observe(exchange, route(exchange, chain, decision), decision.routeId(), decision.side(),
                decision.target(), start);
    }

    private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, Decision decision) {
        String routeId = decision.routeId();
        if (decision.match() == null || exchange.getAttribute(TargetFailures.FALLBACK) != null) {
            return MonolithProxy.proxy(exchange, chain, routeId); // unrouted, or a function's fallback
        }
        RouteMatch found = decision.match();
        Route route = found.route();
        if (decision.side() == Side.MONOLITH) {
            return route.shadow().isOn()
                    ? shadows.proxyAndCopy(exchange, found, copy -> MonolithProxy.proxy(copy, chain, routeId))
                    : MonolithProxy.proxy(exchange, chain, routeId);
        }
        if (route.target() instanceof RouteTarget.HttpService service) {
            return services.serve(exchange, chain, found, service);
        }
        return functions.serve(exchange, ex -> MonolithProxy.proxy(ex, chain, routeId), found, decision.function());
    }
}
