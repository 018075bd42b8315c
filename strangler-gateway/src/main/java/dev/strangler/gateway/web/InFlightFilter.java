package dev.strangler.gateway.web;

import dev.strangler.gateway.drain.Drain;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Counts every request in flight in the {@link Drain}, from the first filter until it is answered or cancelled. */
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
        return Mono.defer(() -> {
            drain.requestStarted();
            return chain.filter(exchange).doFinally(signal -> drain.requestFinished());
        });
    }
}
