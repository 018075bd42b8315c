package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/** The limits of shadow copies, with a fake invoker standing in for Lambda (the real one is covered by ShadowIT). */
class ShadowTrafficTest {

    private static final Route ROUTE = new Route("orders", List.of(new PathPattern("/orders")), Set.of(), Map.of(),
            new RouteTarget.LambdaFunction("orders-fn", null, null), 0, null, null, false, new Shadow(100, false, Set.of()));

    private final List<CompletableFuture<InvocationOutcome>> pending = new CopyOnWriteArrayList<>();
    private final List<byte[]> payloads = new CopyOnWriteArrayList<>();
    private final LambdaInvoker parked = FakeInvoker.answering(payload -> {
        payloads.add(payload);
        CompletableFuture<InvocationOutcome> future = new CompletableFuture<>();
        pending.add(future);
        return future;
    });
    private final RouteMetrics metrics = new RouteMetrics(new SimpleMeterRegistry());
    private final LoopResources loops = LoopResources.create("shadow-test", 1, true);
    private ShadowTraffic shadows;

    @AfterEach
    void close() {
        shadows.close();
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(1)).block(Duration.ofSeconds(5));
    }

    @Test
    void skips_a_copy_over_the_in_flight_limit_and_frees_the_slot_when_the_copy_ends() {
        shadows = ShadowTraffic.create(parked, metrics, 1024, 1, Duration.ofSeconds(1), loops);

        serve(get(), ROUTE);
        serve(get(), ROUTE);
        pending.get(0).complete(new InvocationOutcome.Timeout(Duration.ofSeconds(1)));
        serve(get(), ROUTE);

        assertThat(pending).hasSize(2);
        assertThat(metrics.figuresOf("orders")).containsEntry("shadowSkipped", 1L).containsEntry("shadowErrors", 1L);
        assertThat(shadows.inFlight()).isOne();
    }

    @Test
    void a_failing_invoker_never_reaches_the_client() {
        LambdaInvoker throwing = FakeInvoker.answering(payload -> {
            throw new IllegalStateException("no client");
        });
        shadows = ShadowTraffic.create(throwing, metrics, 1024, 4, Duration.ofSeconds(1), loops);

        ServerWebExchange served = serve(get(), ROUTE);

        assertThat(served.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.figuresOf("orders")).containsEntry("shadowErrors", 1L);
        assertThat(shadows.inFlight()).isZero();
    }

    @Test
    void a_declared_body_up_to_the_limit_reaches_both_sides_and_a_larger_one_only_the_monolith() {
        shadows = ShadowTraffic.create(parked, metrics, 10, 4, Duration.ofSeconds(1), loops);
        Route unsafe = ROUTE.withShadow(new Shadow(100, true, Set.of()));
        AtomicReference<String> monolithSaw = new AtomicReference<>();

        serve(post("{\"n\":42}"), unsafe, monolithSaw);
        String small = monolithSaw.get();
        serve(post("{\"n\":4200000}"), unsafe, monolithSaw);
        serve(post("{\"n\":1}"), ROUTE, new AtomicReference<>());

        assertThat(small).isEqualTo("{\"n\":42}");
        assertThat(monolithSaw.get()).isEqualTo("{\"n\":4200000}");
        assertThat(payloads).singleElement().satisfies(event -> assertThat(new String(event, StandardCharsets.UTF_8))
                .contains("\"body\":\"" + Base64.getEncoder().encodeToString("{\"n\":42}".getBytes(StandardCharsets.UTF_8)),
                        "\"x-strangler-shadow\":\"true\""));
        assertThat(metrics.figuresOf("orders")).containsEntry("shadowSkipped", 1L);
    }

    private static MockServerHttpRequest get() {
        return MockServerHttpRequest.get("/orders").header("Content-Length", "0").build();
    }

    private static MockServerHttpRequest post(String body) {
        return MockServerHttpRequest.post("/orders").contentLength(body.getBytes(StandardCharsets.UTF_8).length).body(body);
    }

    private ServerWebExchange serve(MockServerHttpRequest request, Route route) {
        return serve(request, route, new AtomicReference<>());
    }

    private ServerWebExchange serve(MockServerHttpRequest request, Route route, AtomicReference<String> body) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        exchange.getAttributes().put(RequestIdFilter.REQUEST_ID_ATTRIBUTE, "req-1");
        AtomicReference<ServerWebExchange> proxied = new AtomicReference<>();
        shadows.proxyAndCopy(exchange, new RouteMatch(route, route.paths().get(0), Map.of()), toMonolith -> {
            proxied.set(toMonolith);
            return DataBufferUtils.join(toMonolith.getRequest().getBody())
                    .doOnNext(buffer -> body.set(new String(ExchangeEvents.bytes(buffer), StandardCharsets.UTF_8)))
                    .then(Mono.fromRunnable(() -> toMonolith.getResponse().setStatusCode(HttpStatus.OK)));
        }).block(Duration.ofSeconds(5));
        return proxied.get();
    }
}
