package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.HttpApiEvents;
import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.lambda.LambdaResponse;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Sends shadow copies and reads their answers for {@link ShadowTraffic}: to a function through the Lambda invoker, to
 * an HTTP service or the monolith with a client of its own (at most {@code maxInFlight} connections, giving up after
 * {@code timeout}), each body kept up to {@code maxBodyBytes}. Thread-safe.
 */
final class ShadowCopies implements AutoCloseable {

    // hop-by-hop headers and those the client recomputes for the copy
    private static final Set<String> NOT_COPIED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "host", "content-length",
            ShadowTraffic.SHADOW_HEADER);

    private final LambdaInvoker invoker;
    private final int maxBodyBytes;
    private final ConnectionProvider connections;
    private final HttpClient http;

    ShadowCopies(LambdaInvoker invoker, int maxBodyBytes, int maxInFlight, Duration timeout, LoopResources loops) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.maxBodyBytes = maxBodyBytes;
        this.connections = ConnectionProvider.builder("strangler-shadow").maxConnections(maxInFlight)
                .pendingAcquireMaxCount(maxInFlight).build();
        this.http = HttpClient.create(connections).runOn(Objects.requireNonNull(loops, "loops"))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
    }

    /** The target's answer to a copy of the exchange's request with {@code body}: its function's or its service's. */
    Mono<AnswerComparison.Answer> send(ServerWebExchange exchange, RouteMatch match, byte[] body) {
        RouteTarget target = match.route().target();
        if (target instanceof RouteTarget.LambdaFunction function) {
            byte[] payload = HttpApiEvents.toEvent(ExchangeEvents.toLambdaRequest(exchange, match, body, true),
                    function.payloadFormat());
            return Mono.fromFuture(() -> invoker.invoke(function.function(), function.qualifier(), payload))
                    .map(invocation -> answerOf(invocation, function, maxBodyBytes));
        }
        if (target instanceof RouteTarget.HttpService service) {
            return sendTo(ExchangeEvents.serviceUrl(service.uri(), exchange.getRequest()), exchange, body);
        }
        return Mono.error(new IllegalStateException("route '" + match.route().id() + "' has no target to copy to"));
    }

    /** The answer of {@code url} to a copy of the exchange's request with {@code body}, marked as a shadow copy. */
    Mono<AnswerComparison.Answer> sendTo(URI url, ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        String traceparent = exchange.getAttribute(RequestIdFilter.TRACEPARENT_ATTRIBUTE);
        HttpClient client = http.headers(headers -> {
            request.getHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!NOT_COPIED.contains(lower) && !lower.equals(Tracing.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT))
                        && !lower.equals(Tracing.TRACEPARENT)) {
                    headers.add(name, values);
                }
            });
            if (requestId != null) {
                headers.set(Tracing.REQUEST_ID_HEADER, requestId);
            }
            if (traceparent != null) {
                headers.set(Tracing.TRACEPARENT, traceparent);
            }
            headers.set(ShadowTraffic.SHADOW_HEADER, "true");
        });
        HttpClient.RequestSender sender = client
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(request.getMethod().name()))
                .uri(url);
        HttpClient.ResponseReceiver<?> receiver = body.length == 0 ? sender
                : sender.send(ByteBufFlux.fromInbound(Mono.just(body)));
        return receiver.responseSingle((answer, content) -> content.asByteArray().defaultIfEmpty(ExchangeEvents.NO_BODY)
                .map(bytes -> answerOf(answer).withBody(bytes, maxBodyBytes)));
    }

    private static AnswerComparison.Answer answerOf(HttpClientResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.responseHeaders().names()) {
            headers.put(name, response.responseHeaders().getAll(name));
        }
        return new AnswerComparison.Answer(response.status().code(), headers);
    }

    private static AnswerComparison.Answer answerOf(InvocationOutcome outcome, RouteTarget.LambdaFunction function,
                                                    int maxBodyBytes) {
        if (!(outcome instanceof InvocationOutcome.Reply answered)) {
            throw new IllegalStateException("no reply to compare: " + outcome);
        }
        LambdaResponse reply = HttpApiEvents.toResponse(answered.payload(), function.payloadFormat());
        Map<String, List<String>> headers = new LinkedHashMap<>(reply.headers());
        if (!reply.cookies().isEmpty()) {
            List<String> cookies = new ArrayList<>(headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of()));
            cookies.addAll(reply.cookies());
            headers.put(HttpHeaders.SET_COOKIE, cookies);
        }
        return new AnswerComparison.Answer(reply.status(), headers).withBody(reply.body(), maxBodyBytes);
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
    }
}
