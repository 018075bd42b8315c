package dev.strangler.gateway.web;

import dev.strangler.gateway.drain.Drain;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTarget;
import io.netty.util.AttributeKey;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The direct proxy path: requests for the monolith and for HTTP services are served by a Reactor Netty handler ahead
 * of WebFlux, without an exchange, Spring Cloud Gateway's handler mapping or its filter chain. It decides each
 * request's route and side once ({@link RouteDecision}), and serves what a proxy must: the in-flight count for the
 * drain, the request id and traceparent, the forwarded headers, both bodies streamed ({@link Upstream}), the
 * target's circuit breaker and health with the monolith's fallback, the metrics and the access log line
 * ({@link AccessLog}), as the WebFlux path does. A function's request, a request drawn for a shadow copy and a
 * WebSocket upgrade are handed on to WebFlux with the decision made ({@link #handedOn}); so is every
 * request while Spring Cloud Gateway has routes of its own declared (their filters apply there) or the path is
 * switched off. Thread-safe.
 */
public final class DirectProxy implements AutoCloseable {

    /** The decision made here for a request handed on to WebFlux, on its connection until WebFlux takes it. */
    private static final AttributeKey<RouteDecision> DECIDED = AttributeKey.valueOf(DirectProxy.class.getName() + ".decided");

    /** As long as Spring Cloud Gateway's client keeps idle connections (its pool's max-idle-time in application.yml). */
    private static final Duration IDLE_CONNECTIONS_KEPT = Duration.ofSeconds(30);

    private final RouteStore store;
    private final Upstream upstream;
    private final TargetBreakers breakers;
    private final RouteMetrics metrics;
    private final AccessLog accessLog;
    private final Drain drain;
    private final String monolith;
    private final boolean enabled;
    private final RawProxy raw; // null: the monolith's requests take the Reactor Netty route too
    private volatile boolean gatewayRoutesDeclared = true; // until Spring Cloud Gateway's routes were seen

    DirectProxy(RouteStore store, Upstream upstream, TargetBreakers breakers, RouteMetrics metrics, Drain drain,
                URI monolith, boolean enabled, RawUpstreams rawUpstreams, Duration responseTimeout, Pattern trustedProxies) {
        this.store = Objects.requireNonNull(store, "store");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.accessLog = new AccessLog(metrics);
        this.drain = Objects.requireNonNull(drain, "drain");
        this.monolith = monolith.getScheme() + "://" + monolith.getRawAuthority();
        this.enabled = enabled;
        this.raw = rawUpstreams == null ? null : new RawProxy(store, rawUpstreams, accessLog, drain, monolith,
                responseTimeout, trustedProxies, this::isServing);
    }

    /**
     * The direct path for the monolith at {@code monolith} (its scheme and authority; the request's path is kept, as
     * Spring Cloud Gateway does) and HTTP services, on clients on each of {@code lanes}, with the monolith's timeouts
     * for both, {@code trustedProxies} as Spring Cloud Gateway's {@code trusted-proxies} (null: none), serving only when
     * {@code enabled}. With {@code rawChannels} (null: none), the monolith's requests take the raw path
     * ({@link RawProxy}) over connections of that type, when the monolith speaks plain HTTP.
     */
    public static DirectProxy create(RouteStore store, List<EventLoopGroup> lanes, URI monolith, Duration connectTimeout,
                                     Duration responseTimeout, Pattern trustedProxies, TargetBreakers breakers,
                                     RouteMetrics metrics, Drain drain, boolean enabled,
                                     ChannelFactory<? extends Channel> rawChannels) {
        Upstream upstream = new Upstream(lanes, connectTimeout, responseTimeout, IDLE_CONNECTIONS_KEPT, trustedProxies);
        RawUpstreams rawUpstreams = rawChannels != null && RawProxy.carries(monolith)
                ? new RawUpstreams(rawChannels, monolith.getHost(), monolith.getPort() > 0 ? monolith.getPort() : 80,
                connectTimeout, IDLE_CONNECTIONS_KEPT) : null;
        return new DirectProxy(store, upstream, breakers, metrics, drain, monolith, enabled, rawUpstreams,
                responseTimeout, trustedProxies);
    }

    /**
     * Prepares a new connection of the gateway's server for the raw path (register it with the server's
     * {@code doOnChannelInit}); does nothing without one.
     */
    public void initChannel(Channel channel) {
        if (raw != null) {
            raw.install(channel);
        }
    }

    /** Whether the monolith's requests take the raw path. */
    public boolean isRaw() {
        return raw != null;
    }

    /**
     * The route that puts this path ahead of WebFlux's handler in the gateway's Reactor Netty server: register it on
     * the server factory ({@code NettyReactiveWebServerFactory#addRouteProviders}).
     */
    public NettyRouteProvider routeProvider() {
        return routes -> routes.route(this::takes, this::serve);
    }

    /**
     * Tells the path whether Spring Cloud Gateway has routes besides the strangler's catch-all: while it does, every
     * request goes through its chain, where those routes' predicates and filters apply.
     */
    public void gatewayRoutesDeclared(boolean declared) {
        this.gatewayRoutesDeclared = declared;
    }

    /** Whether this path serves requests now (on, and no Spring Cloud Gateway routes of their own declared). */
    public boolean isServing() {
        return enabled && !gatewayRoutesDeclared;
    }

    /** Decides the request's route and side; true when this path serves it, else the decision waits for WebFlux. */
    private boolean takes(HttpServerRequest request) {
        if (!isServing() || !(request instanceof Connection connection)) {
            return false;
        }
        RouteDecision decision = connection.channel().attr(DECIDED).get();
        if (decision == null) { // not decided by the raw path, which hands on only what it does not serve
            decision = RouteDecision.of(store.table(), new NettyFacts(request.method(), request.uri(), request.requestHeaders()));
            connection.channel().attr(DECIDED).set(decision);
        }
        // a WebSocket upgrade stays with Spring Cloud Gateway, which routes WebSockets (an h2c upgrade offer, which
        // this server does not take, is dropped with the other hop-by-hop headers)
        return decision.isProxied() && !request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
    }

    /** Leaves {@code decision} on {@code channel} for the request handed on to this path's route or to WebFlux. */
    static void decided(Channel channel, RouteDecision decision) {
        channel.attr(DECIDED).set(decision);
    }

    /** The decision this path made for a request it handed on to WebFlux (taken once), or null. */
    static RouteDecision handedOn(ServerHttpRequest request) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalStateException e) {
            return null; // no server request underneath (a test's mock)
        }
        return nativeRequest instanceof Connection connection ? connection.channel().attr(DECIDED).getAndSet(null) : null;
    }

    private Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        long start = System.nanoTime();
        RouteDecision decision = ((Connection) request).channel().attr(DECIDED).getAndSet(null);
        drain.requestStarted();
        ProxiedRequest proxied;
        Mono<Void> work;
        try {
            if (!drain.isReady()) {
                response.keepAlive(false); // Connection: close while draining, as InFlightFilter does
            }
            proxied = new ProxiedRequest(request, response, decision,
                    Tracing.requestId(request.requestHeaders().get(Tracing.REQUEST_ID_HEADER)),
                    Tracing.traceparent(request.requestHeaders().get(Tracing.TRACEPARENT)), start);
            response.header(Tracing.REQUEST_ID_HEADER, proxied.requestId);
            work = route(proxied);
        } catch (RuntimeException e) {
            drain.requestFinished();
            throw e;
        }
        return work.doFinally(signal -> {
            drain.requestFinished();
            accessLog.record(decision.routeId(), decision.side(), decision.target(), proxied.fallback, proxied.status,
                    proxied.method(), NettyFacts.rawPath(request.uri()), proxied.requestId, null, signal,
                    System.nanoTime() - start);
        });
    }

    private Mono<Void> route(ProxiedRequest proxied) {
        RouteTarget.HttpService service = proxied.decision.service();
        if (service == null) {
            return upstream.forward(proxied, monolithUrl(proxied), proxied.decision.routeId());
        }
        Route route = proxied.decision.match().route();
        if (breakers.isOpen(service)) {
            return circuitOpen(proxied, route);
        }
        Mono<Integer> call = upstream.forward(proxied, serviceUrl(service.uri(), proxied.request.uri()), route.id())
                .then(Mono.fromSupplier(() -> proxied.status));
        return breakers.run(service, call, status -> status >= 500)
                .hasElement()
                // refused before anything was sent: the monolith can still take the request whole
                .flatMap(served -> served ? Mono.empty() : circuitOpen(proxied, route));
    }

    /** As {@link TargetFailures#circuitOpen}: a safe method goes to the monolith, any other gets 503. */
    private Mono<Void> circuitOpen(ProxiedRequest proxied, Route route) {
        if (TargetFailures.isSafe(proxied.request.method().name())) {
            metrics.recordFallback(route.id(), TargetFailures.CIRCUIT_OPEN);
            proxied.fallback = TargetFailures.CIRCUIT_OPEN;
            proxied.response.header("X-Strangler-Fallback", TargetFailures.CIRCUIT_OPEN);
            return upstream.forward(proxied, monolithUrl(proxied), route.id());
        }
        metrics.recordError(route.id(), TargetFailures.CIRCUIT_OPEN);
        proxied.response.header("Retry-After", String.valueOf(Math.max(1, breakers.waitInOpen().toSeconds())));
        return Upstream.problem(proxied, HttpStatus.SERVICE_UNAVAILABLE,
                "The target of route '" + route.id() + "' is failing and kept out of the path for now",
                "Request " + proxied.requestId + " was not served (" + TargetFailures.CIRCUIT_OPEN
                        + "); retry later or contact the operators.", route.id());
    }

    private String monolithUrl(ProxiedRequest proxied) {
        String target = proxied.request.uri();
        return monolith + (target.startsWith("/") ? target : NettyFacts.rawPath(target) + NettyFacts.rawQuery(target));
    }

    /** As {@link ExchangeEvents#serviceUrl}: the request's raw path appended to the base's, the query kept. */
    static String serviceUrl(URI base, String target) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return base.getScheme() + "://" + base.getRawAuthority() + basePath + NettyFacts.rawPath(target)
                + NettyFacts.rawQuery(target);
    }

    @Override
    public void close() {
        upstream.close();
        if (raw != null) {
            raw.close();
        }
    }
}
