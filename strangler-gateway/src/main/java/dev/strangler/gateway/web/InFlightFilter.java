package dev.strangler.gateway.web;

import dev.strangler.gateway.drain.Drain;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every request in flight in the {@link Drain}, from the first filter until it is answered or cancelled. While
 * the gateway is not ready (draining), answers carry {@code Connection: close}: a client does not keep a connection to
 * an instance about to stop accepting, so its next request opens a new one (on this instance during the drain delay,
 * else refused at once and sent elsewhere) rather than racing the server's close of an idle kept-alive connection.
 */
public final class InFlightFilter implements WebFilter, Ordered {

    private final Drain drain;

    /** Counts into {@code drain}. */
    public InFlightFilter(Drain drain) {
        this.drain = Objects.requireNonNull(drain, "drain");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // WebFlux's chain calls this on subscription, so the count starts with the request and ends with doFinally
        drain.requestStarted();
        if (!drain.isReady()) {
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                return Mono.empty();
            });
        }
        Mono<Void> rest;
        try {
            rest = chain.filter(exchange);
        } catch (RuntimeException e) {
            drain.requestFinished();
            throw e;
        }
        return rest.doFinally(signal -> drain.requestFinished());
    }
}
