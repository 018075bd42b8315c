package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.routing.Route;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What happens when a route's target fails: counted and logged, then either the monolith answers (a safe method on a
 * route with {@code fallback: true}, whose body can be replayed) or the client gets the problem answer of
 * {@link FailureAnswer#of}. Thread-safe.
 */
final class TargetFailures {

    /** Marks a body that was never read (identity compared), as opposed to null: read in part and lost. */
    static final byte[] UNREAD = new byte[0];
    /** Exchange attribute: the kind of failure the monolith answered for, when it did. */
    static final String FALLBACK = TargetFailures.class.getName() + ".fallback";

    /** The kind of a request kept from its target by an open circuit breaker or a failed health check. */
    static final String CIRCUIT_OPEN = "circuit_open";

    private static final Logger log = LoggerFactory.getLogger(TargetFailures.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RouteMetrics metrics;

    TargetFailures(RouteMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Whether {@code method} is one the monolith may answer in the target's place (GET, HEAD, OPTIONS). */
    static boolean isSafe(HttpMethod method) {
        return SAFE.contains(method);
    }

    /** As {@link #isSafe(HttpMethod)}, for a method name in upper case. */
    static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /**
     * Answers {@code failure} of {@code route}'s target. {@code body} is the request body as read ({@link #UNREAD}
     * when it was not, null when it was read in part and lost); {@code monolith} serves a fallback.
     */
    Mono<Void> handle(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith, Route route,
                      byte[] body, InvocationOutcome.Failure failure) {
        FailureAnswer answer = FailureAnswer.of(failure, route.id());
        metrics.recordError(route.id(), answer.kind());
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        log.warn("Route {} target failed ({}): {}; request {}", route.id(), answer.kind(), failure.describe(), requestId);
        if (route.fallback() && isSafe(exchange.getRequest().getMethod()) && body != null) {
            return fallBack(exchange, monolith, route, body, answer.kind());
        }
        if (answer.retryAfterSeconds() != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(answer.retryAfterSeconds()));
        }
        return Problems.write(exchange.getResponse(), answer.status(), answer.title(),
                "Request " + requestId + " was not served (" + answer.kind() + "); retry later or contact the operators.",
                route.id(), requestId);
    }

    /**
     * Answers a request whose target is kept out by its circuit breaker (or failed health checks): a safe method goes
     * to the monolith (whatever the route's {@code fallback}), any other gets 503 with {@code Retry-After}.
     */
    Mono<Void> circuitOpen(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith, Route route,
                           byte[] body, Duration retryAfter) {
        if (isSafe(exchange.getRequest().getMethod()) && body != null) {
            return fallBack(exchange, monolith, route, body, CIRCUIT_OPEN);
        }
        metrics.recordError(route.id(), CIRCUIT_OPEN);
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                "The target of route '" + route.id() + "' is failing and kept out of the path for now",
                "Request " + requestId + " was not served (" + CIRCUIT_OPEN + "); retry later or contact the operators.",
                route.id(), requestId);
    }

    /** Lets the monolith answer in the target's place, marked and counted as a fallback of {@code kind}. */
    Mono<Void> fallBack(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith, Route route,
                        byte[] body, String kind) {
        metrics.recordFallback(route.id(), kind);
        exchange.getAttributes().put(FALLBACK, kind);
        exchange.getResponse().getHeaders().set("X-Strangler-Fallback", kind);
        // UNREAD: the request body is still intact for the monolith
        ServerWebExchange replay = body == UNREAD
                ? exchange : exchange.mutate().request(ExchangeEvents.replayBody(exchange.getRequest(), body)).build();
        return monolith.apply(replay);
    }
}
