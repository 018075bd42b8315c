package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.comparison.Body;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class MonolithBodyTapTest {

    private static Flux<DataBuffer> chunks(String... parts) {
        return Flux.fromArray(parts).map(p -> DefaultDataBufferFactory.sharedInstance.wrap(p.getBytes(StandardCharsets.UTF_8)));
    }

    private static MockServerWebExchange exchange() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/orders/1"));
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return exchange;
    }

    @Test
    void a_request_not_going_to_a_shadowed_route_passes_on_as_the_same_exchange() {
        MockServerWebExchange exchange = exchange();
        AtomicReference<ServerWebExchange> passed = new AtomicReference<>();

        new MonolithBodyTap(1024).filter(exchange, ex -> {
            passed.set(ex);
            return Mono.empty();
        }).block(Duration.ofSeconds(5));

        assertThat(passed.get()).isSameAs(exchange);
    }

    @Test
    void a_sampled_body_is_kept_while_it_streams_to_the_client_whole() {
        MockServerWebExchange exchange = exchange();
        Sinks.One<Body> sink = Sinks.one();
        exchange.getAttributes().put(MonolithBodyTap.MONOLITH_BODY, sink);

        new MonolithBodyTap.Tap(exchange, 1024).writeWith(chunks("{\"a\":", "1}")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("{\"a\":1}");
        Body kept = sink.asMono().block(Duration.ofSeconds(5));
        assertThat(new String(kept.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(kept.contentType()).isEqualTo("application/json");
        assertThat(kept.overLimit()).isFalse();
    }

    @Test
    void a_body_over_the_limit_reaches_the_client_whole_and_is_marked_not_comparable() {
        MockServerWebExchange exchange = exchange();
        Sinks.One<Body> sink = Sinks.one();
        exchange.getAttributes().put(MonolithBodyTap.MONOLITH_BODY, sink);

        new MonolithBodyTap.Tap(exchange, 4).writeWith(chunks("abc", "def")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("abcdef");
        assertThat(sink.asMono().block(Duration.ofSeconds(5)).overLimit()).isTrue();
    }

    @Test
    void an_unsampled_request_of_a_shadowed_route_keeps_nothing() {
        MockServerWebExchange exchange = exchange();

        new MonolithBodyTap.Tap(exchange, 1024).writeWith(chunks("abc")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("abc");
        assertThat(exchange.getAttributes()).doesNotContainKey(MonolithBodyTap.MONOLITH_BODY);
    }
}
