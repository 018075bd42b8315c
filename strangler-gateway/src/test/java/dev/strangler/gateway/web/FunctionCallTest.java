package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.routing.InvocationType;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What a function call makes of each outcome, with a fake invoker (the real one is covered by LambdaRouteIT). */
class FunctionCallTest {

    private static final RouteTarget.LambdaFunction FUNCTION = new RouteTarget.LambdaFunction("orders-fn", null, null);
    private static final Route ROUTE = new Route("orders", List.of(new PathPattern("/orders")), Set.of(), Map.of(),
            FUNCTION, 100, null, null, true);

    private final RouteMetrics metrics = new RouteMetrics(new SimpleMeterRegistry());
    private final AtomicInteger monolithCalls = new AtomicInteger();

    @Test
    void a_reply_in_proxy_shape_is_written_and_its_request_id_kept_for_the_log() {
        MockServerWebExchange exchange = serve(get(), answering(new InvocationOutcome.Reply(
                "{\"statusCode\":202,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8), "aws-1")), ROUTE);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("ok");
        assertThat((String) exchange.getAttribute(FunctionCall.AWS_REQUEST_ID)).isEqualTo("aws-1");
    }

    @Test
    void a_function_error_on_a_get_falls_back_to_the_monolith_and_is_counted() {
        MockServerWebExchange exchange = serve(get(), answering(new InvocationOutcome.FunctionError("Unhandled", "aws-2")), ROUTE);

        assertThat(monolithCalls).hasValue(1);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Strangler-Fallback")).isEqualTo("function_error");
        assertThat(metrics.figuresOf("orders")).containsEntry("targetErrors", 1L).containsEntry("fallbacks", 1L);
    }

    @Test
    void a_malformed_reply_is_a_function_error_answered_502_without_fallback_for_a_post() {
        MockServerWebExchange exchange = serve(MockServerHttpRequest.post("/orders").contentLength(2).body("{}"),
                answering(new InvocationOutcome.Reply("{\"statusCode\":999}".getBytes(StandardCharsets.UTF_8), "aws-3")),
                ROUTE);

        assertThat(monolithCalls).hasValue(0);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"route\":\"orders\"").doesNotContain("999");
    }

    @Test
    void a_throttled_invoke_without_fallback_is_429_with_retry_after() {
        Route noFallback = new Route("orders", ROUTE.paths(), Set.of(), Map.of(), FUNCTION, 100, null, null, false);

        MockServerWebExchange exchange = serve(get(), answering(new InvocationOutcome.Throttled("limit", 2)), noFallback);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
    }

    @Test
    void a_declared_body_over_the_limit_is_refused_without_invoking() {
        MockServerWebExchange exchange = serve(MockServerHttpRequest.put("/orders").contentLength(11).body("01234567890"),
                answering(new InvocationOutcome.Reply(new byte[0], null)), ROUTE);

        assertThat(invoker.invokes()).isZero();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    private FakeInvoker invoker;

    @Test
    void a_fire_and_forget_route_hands_the_event_to_lambda_and_answers_202_without_a_body() {
        Route events = ROUTE.withInvocation(InvocationType.EVENT);
        FakeInvoker queued = FakeInvoker.answering(payload -> {
            throw new AssertionError("a fire-and-forget route must not wait for the function");
        });

        MockServerWebExchange exchange = serve(MockServerHttpRequest.post("/orders").contentLength(7).contentType(MediaType.APPLICATION_JSON).body("{\"n\":1}"),
                queued, events);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEmpty();
        assertThat(queued.eventPayloads).singleElement()
                .satisfies(event -> assertThat(new String(event, StandardCharsets.UTF_8)).contains("\"body\":\"{\\\"n\\\":1}\""));
        assertThat((String) exchange.getAttribute(FunctionCall.AWS_REQUEST_ID)).isEqualTo("aws-event");
    }

    @Test
    void a_fire_and_forget_route_that_lambda_throttles_answers_429() {
        Route events = new Route("orders", ROUTE.paths(), Set.of(), Map.of(), FUNCTION, 100, null, null, false)
                .withInvocation(InvocationType.EVENT);

        MockServerWebExchange exchange = serve(MockServerHttpRequest.post("/orders").contentLength(2).body("{}"),
                answering(new InvocationOutcome.Throttled("limit", null)), events);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(invoker.eventPayloads).hasSize(1);
    }

    private LambdaInvoker answering(InvocationOutcome outcome) {
        invoker = FakeInvoker.always(outcome);
        return invoker;
    }

    private static MockServerHttpRequest get() {
        return MockServerHttpRequest.get("/orders").header("Content-Length", "0").build();
    }

    private MockServerWebExchange serve(MockServerHttpRequest request, LambdaInvoker invoker, Route route) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        exchange.getAttributes().put(RequestIdFilter.REQUEST_ID_ATTRIBUTE, "req-1");
        FunctionCall call = new FunctionCall(invoker, new TargetFailures(metrics), TargetBreakers.off(null), 10);
        call.serve(exchange, this::monolith, new RouteMatch(route, route.paths().get(0), Map.of()), FUNCTION)
                .block(Duration.ofSeconds(5));
        return exchange;
    }

    private Mono<Void> monolith(ServerWebExchange exchange) {
        monolithCalls.incrementAndGet();
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        return Mono.empty();
    }
}
