package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.HttpApiEvents;
import dev.strangler.gateway.lambda.Invocation;
import dev.strangler.gateway.lambda.InvocationException;
import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.lambda.LambdaRequest;
import dev.strangler.gateway.lambda.LambdaResponse;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Side;
import dev.strangler.gateway.routing.SideChooser;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The heart of the gateway: matches each request against the route table in force, picks a side, and either lets
 * Spring Cloud Gateway proxy it (to the monolith, or to an HTTP target by rewriting the request URL) or invokes the
 * route's Lambda function and maps the reply. Failed invokes of safe methods fall back to the monolith when the route
 * says so. A monolith-served request of a route with a shadow may also be copied to the target ({@link ShadowTraffic}).
 * Records metrics and one access log line per request. Thread-safe.
 *
 * <p>It works at two points: as a web filter ahead of WebFlux's dispatch ({@link #aheadOfDispatch()}), where every
 * request's route and side are decided once and function requests are answered without going through Spring Cloud
 * Gateway's handler mapping and filter chain; and as a global filter in that chain, where the rest is proxied.
 */
public final class StranglerFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StranglerFilter.class);
    private static final Logger access = LoggerFactory.getLogger("dev.strangler.gateway.access");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    // hop-by-hop headers (RFC 9110 7.6.1) and those the gateway recomputes: never copied from a function's reply
    private static final Set<String> NOT_FROM_FUNCTION = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "content-length", "set-cookie");
    private static final Set<String> NOT_TO_FUNCTION = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "cookie");

    private final RouteStore store;
    private final LambdaInvoker invoker;
    private final RouteMetrics metrics;
    private final int maxBodyBytes;
    private final ShadowTraffic shadows;

    /**
     * A filter reading routes from {@code store}; bodies over {@code maxBodyBytes} are refused for Lambda targets;
     * shadow copies go through {@code shadows}.
     */
    public StranglerFilter(RouteStore store, LambdaInvoker invoker, RouteMetrics metrics, int maxBodyBytes,
                           ShadowTraffic shadows) {
        this.store = Objects.requireNonNull(store, "store");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.maxBodyBytes = maxBodyBytes;
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
     * First look at every request, as a {@link org.springframework.web.server.WebFilter} ahead of WebFlux's dispatch
     * ({@link AheadFilter}): decides the route and side once, answers a function's requests right here (Spring Cloud
     * Gateway's handler mapping and filter chain have nothing to add to them), and lets everything else, including a
     * function's fallback to the monolith, continue to Spring Cloud Gateway, whose chain reaches
     * {@link #filter(ServerWebExchange, GatewayFilterChain)} with the decision made. Observed (metrics, access log)
     * here, over the whole exchange.
     */
    Mono<Void> serveAhead(ServerWebExchange exchange, WebFilterChain next) {
        long start = System.nanoTime();
        Decision decision = decide(exchange);
        if (decision.side() == Side.TARGET && decision.match().route().target() instanceof RouteTarget.LambdaFunction function) {
            return observe(exchange, invokeFunction(exchange, next::filter, decision.match(), function),
                    decision.routeId(), Side.TARGET, function.describe(), start);
        }
        return observe(exchange, next.filter(exchange), decision.routeId(), decision.side(), decision.target(), start);
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
        return observe(exchange, route(exchange, chain, decision), decision.routeId(), decision.side(),
                decision.target(), start);
    }

    private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, Decision decision) {
        String routeId = decision.routeId();
        if (decision.match() == null || exchange.getAttribute(FALLBACK) != null) {
            return proxy(exchange, chain, routeId); // unrouted, or a function's fallback
        }
        RouteMatch found = decision.match();
        Route route = found.route();
        if (decision.side() == Side.MONOLITH) {
            return route.shadow().isOn()
                    ? shadows.proxyAndCopy(exchange, found, copy -> proxy(copy, chain, routeId))
                    : proxy(exchange, chain, routeId);
        }
        if (route.target() instanceof RouteTarget.HttpService service) {
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                    serviceUrl(service.uri(), exchange.getRequest()));
            return proxy(exchange, chain, routeId);
        }
        RouteTarget.LambdaFunction function = (RouteTarget.LambdaFunction) route.target();
        return invokeFunction(exchange, ex -> proxy(ex, chain, routeId), found, function);
    }

    private Mono<Void> invokeFunction(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith,
                                      RouteMatch match, RouteTarget.LambdaFunction function) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBodyBytes) {
            // refused before reading: the body is still unread, so the monolith could take it whole
            return fail(exchange, monolith, match.route(), UNREAD, tooLarge(declared));
        }
        // most requests to a function are bodiless GETs: known from the headers, no need to subscribe to the body
        Mono<byte[]> read = hasNoBody(request, declared) ? Mono.just(NO_BODY)
                : DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(StranglerFilter::bytes)
                .defaultIfEmpty(NO_BODY)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(-1));
        return read
                .flatMap(body -> {
                    LambdaRequest event = toLambdaRequest(exchange, match, body, false);
                    byte[] payload = HttpApiEvents.toEvent(event, function.payloadFormat());
                    return Mono.fromFuture(() -> invoker.invoke(function.function(), function.qualifier(), payload))
                            .flatMap(invocation -> answer(exchange, monolith, match.route(), function, invocation, body))
                            .onErrorResume(InvocationException.class, e -> fail(exchange, monolith, match.route(), body, e));
                })
                .onErrorResume(InvocationException.class, e -> fail(exchange, monolith, match.route(), null, e));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith, Route route,
                              RouteTarget.LambdaFunction function, Invocation invocation, byte[] body) {
        exchange.getAttributes().put(AWS_REQUEST_ID, String.valueOf(invocation.awsRequestId()));
        if (invocation.isFunctionError()) {
            String reply = new String(invocation.payload(), StandardCharsets.UTF_8);
            InvocationException.Kind kind = reply.contains("Task timed out")
                    ? InvocationException.Kind.TIMEOUT : null;
            return fail(exchange, monolith, route, body, new FunctionFailure(kind, invocation.functionError()));
        }
        LambdaResponse response;
        try {
            response = HttpApiEvents.toResponse(invocation.payload(), function.payloadFormat());
        } catch (InvocationException e) {
            return fail(exchange, monolith, route, body, new FunctionFailure(null, "malformed reply: " + e.getMessage()));
        }
        return write(exchange.getResponse(), response);
    }

    /** A function error (or malformed reply), told apart from failures to invoke. */
    private static final class FunctionFailure extends RuntimeException {
        final InvocationException.Kind kind;

        FunctionFailure(InvocationException.Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }

    private Mono<Void> fail(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith, Route route, byte[] body,
                            RuntimeException failure) {
        String kind;
        HttpStatus status;
        String title;
        Integer retryAfter = null;
        if (failure instanceof FunctionFailure f && f.kind == null) {
            kind = "function_error";
            status = HttpStatus.BAD_GATEWAY;
            title = "The function behind route '" + route.id() + "' failed";
        } else {
            InvocationException.Kind k = failure instanceof FunctionFailure f ? f.kind : ((InvocationException) failure).kind();
            retryAfter = failure instanceof InvocationException e ? e.retryAfterSeconds() : null;
            kind = k.name().toLowerCase(Locale.ROOT);
            status = switch (k) {
                case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
                case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
                case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
                case FAILED -> HttpStatus.BAD_GATEWAY;
            };
            title = switch (k) {
                case THROTTLED -> "The function behind route '" + route.id() + "' is at its concurrency limit";
                case TIMEOUT -> "The function behind route '" + route.id() + "' did not answer in time";
                case TOO_LARGE -> "The request body is over the 6 MB a function accepts on route '" + route.id() + "'";
                case FAILED -> "The function behind route '" + route.id() + "' could not be invoked";
            };
        }
        metrics.recordError(route.id(), kind);
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        log.warn("Route {} target failed ({}): {}; request {}", route.id(), kind, failure.getMessage(), requestId);
        // body == UNREAD: refused on Content-Length, so the request body is still intact for the monolith
        boolean replayable = body != null;
        if (route.fallback() && SAFE.contains(exchange.getRequest().getMethod()) && replayable) {
            metrics.recordFallback(route.id(), kind);
            exchange.getAttributes().put(FALLBACK, kind);
            exchange.getResponse().getHeaders().set("X-Strangler-Fallback", kind);
            ServerWebExchange replay = body == UNREAD
                    ? exchange : exchange.mutate().request(replayBody(exchange.getRequest(), body)).build();
            return monolith.apply(replay);
        }
        if (retryAfter != null || status == HttpStatus.TOO_MANY_REQUESTS) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter == null ? 1 : retryAfter));
        }
        return Problems.write(exchange.getResponse(), status, title,
                "Request " + requestId + " was not served (" + kind + "); retry later or contact the operators.",
                route.id(), requestId);
    }

    /** Lets Spring Cloud Gateway proxy the request; an upstream that cannot be reached or is too slow gets a problem answer. */
    private static Mono<Void> proxy(ServerWebExchange exchange, GatewayFilterChain chain, String routeId) {
        return chain.filter(exchange).onErrorResume(e -> !exchange.getResponse().isCommitted(), e -> {
            boolean timeout = e instanceof java.util.concurrent.TimeoutException
                    || (e instanceof org.springframework.web.server.ResponseStatusException r
                    && r.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
            HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
            String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
            URI upstream = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            exchange.getAttributes().put(UPSTREAM_FAILED, Boolean.TRUE); // a shadow copy has nothing to compare with
            log.error("Route {} upstream {} failed: {}; request {}", routeId,
                    upstream == null ? "?" : upstream.getHost() + ":" + upstream.getPort(), e.toString(), requestId);
            exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            return Problems.write(exchange.getResponse(), status, timeout ? "The upstream did not answer in time"
                            : "The upstream could not be reached",
                    "Request " + requestId + " on route '" + routeId + "' was not served; retry later or contact the operators.",
                    routeId, requestId);
        });
    }

    /**
     * Whether the headers say there is no body: {@code Content-Length: 0}, or HTTP/1.x with neither Content-Length nor
     * Transfer-Encoding (RFC 9112, 6.3). HTTP/2 frames a body without either header, so it is read there.
     */
    static boolean hasNoBody(ServerHttpRequest request, long declaredLength) {
        if (declaredLength == 0) {
            return true;
        }
        if (declaredLength > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return false;
        }
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty
                    && netty.version().majorVersion() == 1;
        } catch (IllegalStateException e) {
            return false; // no server request underneath (a test's mock): read the body
        }
    }

    private static InvocationException tooLarge(long declared) {
        return new InvocationException(InvocationException.Kind.TOO_LARGE, "request body of "
                + (declared < 0 ? "more than the limit" : declared + " bytes") + " is over Lambda's payload limit", null, null);
    }

    static ServerHttpRequest replayBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private static Mono<Void> write(ServerHttpResponse response, LambdaResponse reply) {
        response.setRawStatusCode(reply.status());
        HttpHeaders headers = response.getHeaders();
        for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
            if (!NOT_FROM_FUNCTION.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        for (String cookie : reply.cookies()) {
            headers.add(HttpHeaders.SET_COOKIE, cookie);
        }
        List<String> setCookies = reply.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(h -> h.getValue().stream()).toList();
        setCookies.forEach(c -> headers.add(HttpHeaders.SET_COOKIE, c));
        headers.setContentLength(reply.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(reply.body())));
    }

    /** The function's view of the request; a shadow copy is marked with {@link ShadowTraffic#SHADOW_HEADER}. */
    static LambdaRequest toLambdaRequest(ServerWebExchange exchange, RouteMatch match, byte[] body, boolean shadow) {
        ServerHttpRequest request = exchange.getRequest();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        String traceparent = exchange.getAttribute(RequestIdFilter.TRACEPARENT_ATTRIBUTE);
        request.getHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean replaced = (requestId != null && name.equalsIgnoreCase(Tracing.REQUEST_ID_HEADER))
                    || (traceparent != null && name.equalsIgnoreCase(Tracing.TRACEPARENT))
                    || (shadow && lower.equals(ShadowTraffic.SHADOW_HEADER));
            if (!NOT_TO_FUNCTION.contains(lower) && !replaced) {
                values.forEach(v -> headers.add(Map.entry(lower, v)));
            }
        });
        if (requestId != null) {
            headers.add(Map.entry(Tracing.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT), requestId));
        }
        if (traceparent != null) {
            headers.add(Map.entry(Tracing.TRACEPARENT, traceparent));
        }
        if (shadow) {
            headers.add(Map.entry(ShadowTraffic.SHADOW_HEADER, "true"));
        }
        List<String> cookies = new ArrayList<>();
        for (List<HttpCookie> values : request.getCookies().values()) {
            values.forEach(c -> cookies.add(c.getName() + "=" + c.getValue()));
        }
        InetSocketAddress remote = request.getRemoteAddress();
        String sourceIp = remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
        String methods = match.route().methods().size() == 1 ? match.route().methods().iterator().next() : "ANY";
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        return new LambdaRequest(request.getMethod().name(), request.getPath().value(),
                request.getURI().getRawQuery(), headers, cookies, body, sourceIp,
                requestId, methods + " " + match.pattern().pattern(),
                match.pathParameters(), System.currentTimeMillis(), "HTTP/1.1",
                host == null ? "" : host.replaceFirst(":\\d+$", ""));
    }

    static URI serviceUrl(URI base, ServerHttpRequest request) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return UriComponentsBuilder.fromUri(base)
                .replacePath(basePath + request.getPath().value())
                .replaceQuery(request.getURI().getRawQuery())
                .build(true).toUri();
    }

    static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    // marks a body that was never read (identity compared), as opposed to null: read in part and lost
    private static final byte[] UNREAD = new byte[0];
    static final byte[] NO_BODY = new byte[0];
    static final String AWS_REQUEST_ID = StranglerFilter.class.getName() + ".awsRequestId";
    static final String FALLBACK = StranglerFilter.class.getName() + ".fallback";
    static final String UPSTREAM_FAILED = StranglerFilter.class.getName() + ".upstreamFailed";
    private static final String DECISION = StranglerFilter.class.getName() + ".decision";

    /** Nanoseconds as milliseconds with three decimals ("1.042"), without {@code String.format}'s cost per request. */
    static String millis(long nanos) {
        long micros = Math.max(0, (nanos + 500) / 1000);
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    private Mono<Void> observe(ServerWebExchange exchange, Mono<Void> work, String routeId, Side side, String target,
                               long start) {
        return work.doFinally(signal -> {
            long nanos = System.nanoTime() - start;
            ServerHttpResponse response = exchange.getResponse();
            int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
            String fallback = exchange.getAttribute(FALLBACK);
            String servedBy = fallback != null ? "monolith" : side.label();
            metrics.recordRequest(routeId, servedBy, status, nanos);
            if (access.isInfoEnabled()) {
                // one finished line: the asynchronous appender formats a message on the calling event loop
                ServerHttpRequest request = exchange.getRequest();
                String awsRequestId = exchange.getAttribute(AWS_REQUEST_ID);
                String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
                access.info(new StringBuilder(224)
                        .append("route=").append(routeId)
                        .append(" side=").append(servedBy)
                        .append(" target=").append(fallback != null ? "monolith" : target)
                        .append(" method=").append(request.getMethod().name())
                        .append(" path=").append(request.getPath().value())
                        .append(" status=").append(status)
                        .append(" latency_ms=").append(millis(nanos))
                        .append(" request_id=").append(requestId)
                        .append(" aws_request_id=").append(awsRequestId == null ? "-" : awsRequestId)
                        .append(" fallback=").append(fallback == null ? "-" : fallback)
                        .append(" signal=").append(signal)
                        .toString());
            }
        });
    }
}
