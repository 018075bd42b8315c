package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.Shadow;
import dev.strangler.gateway.comparison.Body;
import dev.strangler.gateway.comparison.BodyComparison;
import dev.strangler.gateway.comparison.BodyPointer;
import dev.strangler.gateway.comparison.BodyVerdict;
import dev.strangler.gateway.comparison.NoiseModel;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.resources.LoopResources;

/**
 * Shadow traffic: while the monolith answers the client, a sampled copy of the request goes to the route's target in
 * the background and the two answers are compared: status and headers ({@link AnswerComparison}), bodies as JSON
 * structurally or by bytes ({@link BodyComparison}) with the route's ignore paths and the monolith's learned noise.
 * Each copy is counted per route as match, mismatch, error or skipped; a mismatch goes to the route's ring of recent
 * differences and one INFO line on logger {@code dev.strangler.gateway.shadow}. For a sampled share of safe copies
 * ({@code noiseSamplePercent}) the monolith gets the request a second time, and where its two answers differ is
 * learned as noise ({@link NoiseModel}).
 *
 * <p>The client's answer is never changed: the copy is subscribed on its own, its failures are counted and logged at
 * DEBUG only, and the monolith's body streams to the client as before; only for a sampled request does
 * {@link MonolithBodyTap} keep a copy of it, up to {@code maxBodyBytes}. Only bodies known to be empty or declared in {@code Content-Length} up to {@code maxBodyBytes} are
 * copied; such a body is read once and replayed to the monolith. At most {@code maxInFlight} copies run at once;
 * over that a copy is skipped. Thread-safe.
 */
public final class ShadowTraffic implements AutoCloseable {

    /** Marks a shadow copy, in the copied request's headers and in a function's event. */
    public static final String SHADOW_HEADER = "x-strangler-shadow";

    /** Noise pointers learned per route at most; a route varying in more places needs ignore-body-paths. */
    private static final int NOISE_PER_ROUTE = 64;
    /** Stands for a monolith body that was not seen (streamed, cancelled, late): compared by status and headers only. */
    private static final Body UNSEEN = new Body("", new byte[0], true);

    private static final Logger log = LoggerFactory.getLogger("dev.strangler.gateway.shadow");

    private final ShadowCopies copies;
    private final RouteMetrics metrics;
    private final int maxBodyBytes;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Duration timeout;
    private final NoiseModel noise = new NoiseModel(NOISE_PER_ROUTE);

    private ShadowTraffic(LambdaInvoker invoker, RouteMetrics metrics, int maxBodyBytes, int maxInFlight,
                          Duration timeout, LoopResources loops) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be 0 or more, but was " + maxBodyBytes);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, but was " + maxInFlight);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.maxInFlight = maxInFlight;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.copies = new ShadowCopies(invoker, maxBodyBytes, maxInFlight, timeout, loops);
    }

    /**
     * Copies to Lambda targets through {@code invoker} (bounded by its own invoke timeout) and to HTTP targets with a
     * client on {@code loops} that gives up after {@code timeout}.
     */
    public static ShadowTraffic create(LambdaInvoker invoker, RouteMetrics metrics, int maxBodyBytes, int maxInFlight,
                                       Duration timeout, LoopResources loops) {
        return new ShadowTraffic(invoker, metrics, maxBodyBytes, maxInFlight, timeout, loops);
    }

    /**
     * The filter that keeps the monolith's body of sampled requests for the comparison; register it as a bean next to
     * {@link StranglerFilter}.
     */
    public GlobalFilter monolithBodyTap() {
        return new MonolithBodyTap(maxBodyBytes);
    }

    /** The body pointers learned as the monolith's own noise on {@code route}. */
    public Set<BodyPointer> noiseOf(String route) {
        return noise.noiseOf(route);
    }

    /** Copies currently waiting for the target or the monolith. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        copies.close();
    }

    /**
     * Serves the request through {@code proxy} (to the monolith) and, when the route's shadow samples it, copies it
     * to the route's target. The exchange handed to {@code proxy} replays a body that was read for the copy.
     */
    Mono<Void> proxyAndCopy(ServerWebExchange exchange, RouteMatch match, Function<ServerWebExchange, Mono<Void>> proxy) {
        Shadow shadow = match.route().shadow();
        // a draw of its own, independent of the weight's
        boolean sampled = ThreadLocalRandom.current().nextInt(100) < shadow.percent()
                && shadow.copies(exchange.getRequest().getMethod().name());
        return proxyAndCopy(exchange, match, sampled, proxy);
    }

    /**
     * As {@link #proxyAndCopy(ServerWebExchange, RouteMatch, Function)}, with the shadow's draw already made
     * ({@link RouteDecision#shadowSampled()}): an unsampled request goes straight to {@code proxy}.
     */
    Mono<Void> proxyAndCopy(ServerWebExchange exchange, RouteMatch match, boolean sampled,
                            Function<ServerWebExchange, Mono<Void>> proxy) {
        if (!sampled) {
            return proxy.apply(exchange);
        }
        Route route = match.route();
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        boolean empty = ExchangeEvents.hasNoBody(request, declared);
        if (!empty && (declared < 0 || declared > maxBodyBytes)) {
            // unknown or too large: the body streams to the monolith untouched
            metrics.recordShadow(route.id(), ShadowOutcome.SKIPPED);
            log.debug("Route {}: shadow copy skipped, body of {} bytes (-1: unknown) is over the {} a copy may buffer",
                    route.id(), declared, maxBodyBytes);
            return proxy.apply(exchange);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            metrics.recordShadow(route.id(), ShadowOutcome.SKIPPED);
            log.debug("Route {}: shadow copy skipped, {} copies already in flight", route.id(), maxInFlight);
            return proxy.apply(exchange);
        }
        if (empty) {
            return copyAndProxy(exchange, match, ExchangeEvents.NO_BODY, proxy);
        }
        AtomicBoolean started = new AtomicBoolean();
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(ExchangeEvents::bytes)
                .defaultIfEmpty(ExchangeEvents.NO_BODY)
                .flatMap(body -> {
                    started.set(true);
                    ServerWebExchange replay = exchange.mutate().request(ExchangeEvents.replayBody(request, body)).build();
                    return copyAndProxy(replay, match, body, proxy);
                })
                .doFinally(signal -> {
                    if (!started.get()) { // the body could not be read: no copy, and the client's request fails as it would have
                        inFlight.decrementAndGet();
                        metrics.recordShadow(route.id(), ShadowOutcome.SKIPPED);
                        log.debug("Route {}: shadow copy skipped, the request body could not be read ({})", route.id(), signal);
                    }
                });
    }

    private Mono<Void> copyAndProxy(ServerWebExchange exchange, RouteMatch match, byte[] body,
                                    Function<ServerWebExchange, Mono<Void>> proxy) {
        Route route = match.route();
        Sinks.One<AnswerComparison.Answer> monolith = Sinks.one();
        Sinks.One<Body> monolithBody = Sinks.one();
        exchange.getAttributes().put(MonolithBodyTap.MONOLITH_BODY, monolithBody); // only sampled requests keep a body
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        Mono<AnswerComparison.Answer> monolithAnswer = monolith.asMono().flatMap(seen -> monolithBody.asMono()
                .timeout(timeout, Mono.empty()).defaultIfEmpty(UNSEEN).map(seen::withBody));
        Mono<List<Body>> second = secondMonolithCopy(exchange, route, body);
        long start = System.nanoTime();
        Mono.defer(() -> copies.send(exchange, match, body))
                .doOnNext(answer -> metrics.recordShadowLatency(route.id(), System.nanoTime() - start))
                .zipWith(second)
                .flatMap(answers -> monolithAnswer
                        .map(seen -> compare(route, requestId, method, path, seen, answers.getT1(), answers.getT2()))
                        .switchIfEmpty(Mono.fromSupplier(() -> {
                            log.debug("Route {}: shadow copy of request {} not compared, the monolith did not answer",
                                    route.id(), requestId);
                            return ShadowOutcome.SKIPPED;
                        })))
                .onErrorResume(e -> {
                    log.debug("Route {}: shadow copy of request {} to {} failed: {}", route.id(), requestId,
                            route.target().describe(), e.toString());
                    return Mono.just(ShadowOutcome.ERROR);
                })
                .doFinally(signal -> inFlight.decrementAndGet())
                .subscribe(outcome -> metrics.recordShadow(route.id(), outcome),
                        e -> log.debug("Route {}: shadow copy of request {} failed", route.id(), requestId, e));
        // When the proxy completes, Spring Cloud Gateway's routing filter has set the monolith's status and headers; the
        // body is written after that, by a filter earlier in the chain, through MonolithBodyTap, which keeps a copy.
        return proxy.apply(exchange)
                .doOnSuccess(done -> {
                    if (exchange.getAttribute(MonolithProxy.UPSTREAM_FAILED) == null) {
                        try {
                            monolith.tryEmitValue(answerOf(exchange.getResponse()));
                        } catch (RuntimeException e) { // on the client's path: never let the comparison fail it
                            log.debug("Route {}: the monolith's answer to request {} could not be read for the comparison",
                                    route.id(), requestId, e);
                        }
                    }
                })
                .doFinally(signal -> monolith.tryEmitEmpty()); // no answer (failed or cancelled): nothing to compare
    }

    /**
     * For a sampled share of safe copies, the monolith's body for the same request a second time (to learn its noise);
     * empty when not sampled or when that second request fails.
     */
    private Mono<List<Body>> secondMonolithCopy(ServerWebExchange exchange, Route route, byte[] body) {
        URI monolithUrl = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        Shadow shadow = route.shadow();
        if (monolithUrl == null || !shadow.learnsNoiseFrom(exchange.getRequest().getMethod().name())
                || ThreadLocalRandom.current().nextInt(100) >= shadow.noiseSamplePercent()) {
            return Mono.just(List.of());
        }
        return copies.sendTo(monolithUrl, exchange, body).map(answer -> List.of(answer.body()))
                .onErrorResume(e -> {
                    log.debug("Route {}: second copy to the monolith failed: {}", route.id(), e.toString());
                    return Mono.just(List.of());
                });
    }

    private ShadowOutcome compare(Route route, String requestId, String method, String path,
                                  AnswerComparison.Answer monolith, AnswerComparison.Answer target, List<Body> second) {
        for (Body again : second) {
            Set<BodyPointer> learned = noise.learn(route.id(), monolith.body(), again);
            if (!learned.isEmpty()) {
                log.info("shadow_noise route={} request_id={} learned={}", route.id(), requestId, learned);
            }
        }
        List<String> differences = new ArrayList<>(AnswerComparison.differences(monolith, target, route.shadow()));
        BodyVerdict body = BodyComparison.compare(monolith.body(), target.body(), route.shadow().ignoreBodyPaths(),
                noise.noiseOf(route.id()));
        body.differences().forEach(pointer -> differences.add("body " + (pointer.isEmpty() ? "(bytes)" : pointer)));
        if (differences.isEmpty()) {
            return ShadowOutcome.MATCH;
        }
        metrics.recordShadowDifference(route.id(), new ShadowDifference(method, path, monolith.status(), target.status(),
                monolith.body().excerpt(ShadowDifference.MAX_BODY_CHARS), target.body().excerpt(ShadowDifference.MAX_BODY_CHARS),
                differences, body.noise(), body.note()));
        log.info("shadow_mismatch route={} request_id={} target={} status={}/{} differences={}", route.id(), requestId,
                route.target().describe(), monolith.status(), target.status(), differences);
        return ShadowOutcome.MISMATCH;
    }

    private static AnswerComparison.Answer answerOf(ServerHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return new AnswerComparison.Answer(response.getStatusCode() == null ? 200 : response.getStatusCode().value(), headers);
    }
}
