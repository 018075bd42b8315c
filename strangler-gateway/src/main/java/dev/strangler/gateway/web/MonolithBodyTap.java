package dev.strangler.gateway.web;

import dev.strangler.gateway.comparison.Body;
import java.io.ByteArrayOutputStream;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Keeps a copy of the monolith's body as it streams to the client, for a request whose shadow copy was sampled: the
 * body is not delayed, and at most {@code maxBytes} are kept (beyond that the body is marked over the limit).
 *
 * <p>Costs nothing on the unsampled path: a request whose route has no shadow on, or that goes to the target, passes
 * straight on; a request of a shadowed route gets a thin response decorator that hands the body through untouched
 * unless {@link ShadowTraffic} put a sink under {@link #MONOLITH_BODY} (it does so for sampled copies only). Runs just
 * before Spring Cloud Gateway's {@link NettyWriteResponseFilter}, which writes the body through the decorated
 * response. Stateless and thread-safe.
 */
final class MonolithBodyTap implements GlobalFilter, Ordered {

    /** Exchange attribute: the {@code Sinks.One<Body>} that receives the monolith's body. */
    static final String MONOLITH_BODY = MonolithBodyTap.class.getName() + ".body";

    private final int maxBytes;

    MonolithBodyTap(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!StranglerFilter.mayShadow(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Tap(exchange, maxBytes)).build());
    }

    static final class Tap extends ServerHttpResponseDecorator {
        private final ServerWebExchange exchange;
        private final int maxBytes;

        Tap(ServerWebExchange exchange, int maxBytes) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.maxBytes = maxBytes;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            Sinks.One<Body> sink = exchange.getAttribute(MONOLITH_BODY);
            if (sink == null) {
                return super.writeWith(body); // not sampled: streams as before
            }
            MediaType type = getHeaders().getContentType();
            String contentType = type == null ? "" : type.toString();
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            boolean[] over = {false};
            Flux<? extends DataBuffer> copied = Flux.from(body).doOnNext(buffer -> {
                int length = buffer.readableByteCount();
                if (over[0] || kept.size() + length > maxBytes) {
                    over[0] = true;
                    return;
                }
                byte[] chunk = new byte[length];
                int at = buffer.readPosition();
                buffer.read(chunk);
                buffer.readPosition(at);
                kept.writeBytes(chunk);
            }).doOnComplete(() -> sink.tryEmitValue(new Body(contentType, kept.toByteArray(), over[0])))
                    .doFinally(signal -> sink.tryEmitEmpty());
            return super.writeWith(copied);
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            Sinks.One<Body> sink = exchange.getAttribute(MONOLITH_BODY);
            if (sink != null) { // a stream (server-sent events and the like) is not kept
                sink.tryEmitValue(new Body("", new byte[0], true));
            }
            return super.writeAndFlushWith(body);
        }

        @Override
        public Mono<Void> setComplete() {
            Sinks.One<Body> sink = exchange.getAttribute(MONOLITH_BODY);
            if (sink != null) {
                sink.tryEmitValue(Body.of("", new byte[0]));
            }
            return super.setComplete();
        }
    }
}
