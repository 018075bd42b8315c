package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.Side;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

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
            long nanos = System.nanoTime() - start;
            ServerHttpResponse response = exchange.getResponse();
            int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
            String fallback = exchange.getAttribute(TargetFailures.FALLBACK);
            String servedBy = fallback != null ? "monolith" : side.label();
            metrics.recordRequest(routeId, servedBy, fallback != null, status, nanos);
            if (access.isInfoEnabled()) {
                // one finished line: the buffered appender takes it as it is
                ServerHttpRequest request = exchange.getRequest();
                String awsRequestId = exchange.getAttribute(FunctionCall.AWS_REQUEST_ID);
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

    /** Nanoseconds as milliseconds with three decimals ("1.042"), without {@code String.format}'s cost per request. */
    static String millis(long nanos) {
        long micros = Math.max(0, (nanos + 500) / 1000);
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
