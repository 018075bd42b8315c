package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.Side;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Observes each exchange once it ends: the request timer in {@link RouteMetrics} and one key=value line on logger
 * {@code dev.strangler.gateway.access} (never bodies, payloads or credential headers). Thread-safe.
 */
final class AccessLog {

    private static final Logger access = LoggerFactory.getLogger("dev.strangler.gateway.access");

    private final RouteMetrics metrics;

    AccessLog(RouteMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** {@code work} observed when it ends: served by {@code side} of {@code routeId}, or by the monolith after a fallback. */
    Mono<Void> observe(ServerWebExchange exchange, Mono<Void> work, String routeId, Side side, String target, long start) {
        return work.doFinally(signal -> {
            ServerHttpResponse response = exchange.getResponse();
            ServerHttpRequest request = exchange.getRequest();
            record(routeId, side, target, exchange.getAttribute(TargetFailures.FALLBACK),
                    response.getStatusCode() == null ? 200 : response.getStatusCode().value(),
                    request.getMethod().name(), request.getPath().value(),
                    exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE), exchange.getAttribute(FunctionCall.AWS_REQUEST_ID),
                    signal, System.nanoTime() - start);
        });
    }

    /**
     * Records one finished request, whichever path served it: the timer and the access log line. {@code fallback} is
     * the kind of failure the monolith answered for (null when it did not), {@code awsRequestId} null without an invoke.
     */
    void record(String routeId, Side side, String target, String fallback, int status, String method, String path,
                String requestId, String awsRequestId, SignalType signal, long nanos) {
        String servedBy = fallback != null ? "monolith" : side.label();
        metrics.recordRequest(routeId, servedBy, fallback != null, status, nanos);
        if (access.isInfoEnabled()) {
            // one finished line: the buffered appender takes it as it is
            access.info(new StringBuilder(224)
                    .append("route=").append(routeId)
                    .append(" side=").append(servedBy)
                    .append(" target=").append(fallback != null ? "monolith" : target)
                    .append(" method=").append(method)
                    .append(" path=").append(path)
                    .append(" status=").append(status)
                    .append(" latency_ms=").append(millis(nanos))
                    .append(" request_id=").append(requestId)
                    .append(" aws_request_id=").append(awsRequestId == null ? "-" : awsRequestId)
                    .append(" fallback=").append(fallback == null ? "-" : fallback)
                    .append(" signal=").append(signal)
                    .toString());
        }
    }

    /** Nanoseconds as milliseconds with three decimals ("1.042"), without {@code String.format}'s cost per request. */
    static String millis(long nanos) {
        long micros = Math.max(0, (nanos + 500) / 1000);
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
