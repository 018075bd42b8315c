package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.LambdaRequest;
import dev.strangler.gateway.lambda.LambdaResponse;
import dev.strangler.gateway.routing.RouteMatch;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The one place where a WebFlux exchange meets a function's view of it: the request as a {@link LambdaRequest} (which
 * {@link dev.strangler.gateway.lambda.HttpApiEvents} writes as an API Gateway event), a function's
 * {@link LambdaResponse} written back as the HTTP response, and the body handling both need. Stateless and thread-safe.
 */
final class ExchangeEvents {

    /** The body of a request without one. */
    static final byte[] NO_BODY = new byte[0];
    // hop-by-hop headers (RFC 9110 7.6.1) and those the gateway recomputes: never copied from a function's reply
    private static final Set<String> NOT_FROM_FUNCTION = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "content-length", "set-cookie");
    private static final Set<String> NOT_TO_FUNCTION = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "cookie");

    private ExchangeEvents() {
    }

    /** The function's view of the request; a shadow copy is marked with {@link ShadowTraffic#SHADOW_HEADER}. */
    static LambdaRequest toLambdaRequest(ServerWebExchange exchange, RouteMatch match, byte[] body, boolean shadow) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        String traceparent = exchange.getAttribute(RequestIdFilter.TRACEPARENT_ATTRIBUTE);
        List<Map.Entry<String, String>> headers = headers(request, requestId, traceparent, shadow);
        List<String> cookies = new ArrayList<>();
        for (List<HttpCookie> values : request.getCookies().values()) {
            values.forEach(c -> cookies.add(c.getName() + "=" + c.getValue()));
        }
        InetSocketAddress remote = request.getRemoteAddress();
        String sourceIp = remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
        String methods = match.route().methods().size() == 1 ? match.route().methods().iterator().next() : "ANY";
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        return new LambdaRequest(request.getMethod().name(), request.getPath().value(),
                request.getURI().getRawQuery(), headers, cookies, body, sourceIp,
                requestId, methods + " " + match.pattern().pattern(),
                match.pathParameters(), System.currentTimeMillis(), "HTTP/1.1",
                host == null ? "" : host.replaceFirst(":\\d+$", ""));
    }

    /** Lower-case headers for the event: hop-by-hop ones and cookies left out, request id and traceparent the gateway's. */
    private static List<Map.Entry<String, String>> headers(ServerHttpRequest request, String requestId, String traceparent,
                                                           boolean shadow) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.getHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean replaced = (requestId != null && name.equalsIgnoreCase(Tracing.REQUEST_ID_HEADER))
                    || (traceparent != null && name.equalsIgnoreCase(Tracing.TRACEPARENT))
                    || (shadow && lower.equals(ShadowTraffic.SHADOW_HEADER));
            if (!NOT_TO_FUNCTION.contains(lower) && !replaced) {
                values.forEach(v -> headers.add(Map.entry(lower, v)));
            }
        });
        if (requestId != null) {
            headers.add(Map.entry(Tracing.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT), requestId));
        }
        if (traceparent != null) {
            headers.add(Map.entry(Tracing.TRACEPARENT, traceparent));
        }
        if (shadow) {
            headers.add(Map.entry(ShadowTraffic.SHADOW_HEADER, "true"));
        }
        return headers;
    }

    /** Writes a function's reply: its status, headers (hop-by-hop ones left out), one Set-Cookie per cookie, its body. */
    static Mono<Void> write(ServerHttpResponse response, LambdaResponse reply) {
        response.setRawStatusCode(reply.status());
        HttpHeaders headers = response.getHeaders();
        for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
            if (!NOT_FROM_FUNCTION.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        for (String cookie : reply.cookies()) {
            headers.add(HttpHeaders.SET_COOKIE, cookie);
        }
        reply.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(h -> h.getValue().stream())
                .forEach(c -> headers.add(HttpHeaders.SET_COOKIE, c));
        headers.setContentLength(reply.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(reply.body())));
    }

    /**
     * Whether the headers say there is no body: {@code Content-Length: 0}, or HTTP/1.x with neither Content-Length nor
     * Transfer-Encoding (RFC 9112, 6.3). HTTP/2 frames a body without either header, so it is read there.
     */
    static boolean hasNoBody(ServerHttpRequest request, long declaredLength) {
        if (declaredLength == 0) {
            return true;
        }
        if (declaredLength > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return false;
        }
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty
                    && netty.version().majorVersion() == 1;
        } catch (IllegalStateException e) {
            return false; // no server request underneath (a test's mock): read the body
        }
    }

    /** {@code request} with {@code body}, already read, as its body (for the monolith after a fallback or a copy). */
    static ServerHttpRequest replayBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    /** The readable bytes of {@code buffer}, which is released. */
    static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The URL of an HTTP target for {@code request}: the request's path appended to the base's, the query kept. */
    static URI serviceUrl(URI base, ServerHttpRequest request) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return UriComponentsBuilder.fromUri(base)
                .replacePath(basePath + request.getPath().value())
                .replaceQuery(request.getURI().getRawQuery())
                .build(true).toUri();
    }
}
