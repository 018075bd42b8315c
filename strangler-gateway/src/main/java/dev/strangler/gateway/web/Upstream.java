package dev.strangler.gateway.web;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The direct proxy path's client: forwards one request to a URL and streams the answer back, on a Reactor Netty
 * client with a connection pool per event loop, so that a request is read, sent upstream and answered on one thread
 * over a connection that loop owns. Headers are copied once each way ({@link ProxyHeaders}); both bodies stream; an
 * upstream that cannot be reached gets a 502 problem answer, one that does not answer within the response timeout a
 * 504. Thread-safe; close it after the server stopped.
 */
final class Upstream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Upstream.class);

    private final Map<EventExecutor, HttpClient> clients = new IdentityHashMap<>();
    private final List<ConnectionProvider> pools = new ArrayList<>();
    private final HttpClient fallbackClient;
    private final Pattern trustedProxies;

    /**
     * Clients on each of {@code lanes} (single-thread groups), opening connections within {@code connectTimeout},
     * waiting {@code responseTimeout} for an answer's headers, keeping idle connections for {@code maxIdleTime};
     * {@code trustedProxies} as Spring Cloud Gateway's {@code trusted-proxies}.
     */
    Upstream(List<EventLoopGroup> lanes, Duration connectTimeout, Duration responseTimeout, Duration maxIdleTime,
             Pattern trustedProxies) {
        this.trustedProxies = trustedProxies;
        HttpClient first = null;
        for (int i = 0; i < lanes.size(); i++) {
            // unbounded, like Spring Cloud Gateway's elastic pool: a client's connection never waits for another's
            ConnectionProvider pool = ConnectionProvider.builder("strangler-proxy-" + (i + 1))
                    .maxConnections(Integer.MAX_VALUE).pendingAcquireMaxCount(-1)
                    .pendingAcquireTimeout(Duration.ofSeconds(45)).maxIdleTime(maxIdleTime).build();
            pools.add(pool);
            HttpClient client = HttpClient.create(pool).runOn(lanes.get(i))
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                    .responseTimeout(responseTimeout);
            clients.put(lanes.get(i).next(), client);
            first = first == null ? client : first;
        }
        if (first == null) {
            throw new IllegalArgumentException("lanes must hold at least one event loop, but was empty");
        }
        this.fallbackClient = first;
    }

    /**
     * Forwards {@code proxied} to {@code url} (scheme, authority, path and query, raw) and streams the answer back;
     * completes when the answer is sent. A failure before the answer started is answered with a problem for
     * {@code routeId}, and its status (502, 504) kept in {@code proxied}; one after it fails the returned Mono.
     */
    Mono<Void> forward(ProxiedRequest proxied, String url, String routeId) {
        HttpServerRequest request = proxied.request;
        HttpServerResponse response = proxied.response;
        HttpHeaders headers = ProxyHeaders.toUpstream(request.requestHeaders(), client(request), trustedProxies,
                proxied.requestId, proxied.traceparent);
        boolean hasBody = hasBody(request);
        if (hasBody && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            // a body of unknown length goes on chunked (the client's own framing was a hop-by-hop header)
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        return clientFor(request).request(request.method()).uri(url)
                .send((out, outbound) -> {
                    out.headers(headers);
                    return hasBody ? outbound.send(request.receive().retain()) : outbound;
                })
                .responseConnection((answer, connection) -> {
                    proxied.status = answer.status().code();
                    response.status(answer.status());
                    ProxyHeaders.fromUpstream(answer.responseHeaders(), response.responseHeaders());
                    return response.send(connection.inbound().receive().retain());
                })
                .then()
                .onErrorResume(e -> !response.hasSentHeaders(), e -> failed(proxied, url, routeId, e));
    }

    private Mono<Void> failed(ProxiedRequest proxied, String url, String routeId, Throwable e) {
        boolean timeout = e instanceof ReadTimeoutException || e instanceof TimeoutException;
        HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        log.error("Route {} upstream {} failed: {}; request {}", routeId, authority(url), e.toString(), proxied.requestId);
        return problem(proxied, status, timeout ? "The upstream did not answer in time" : "The upstream could not be reached",
                "Request " + proxied.requestId + " on route '" + routeId + "' was not served; retry later or contact the operators.",
                routeId);
    }

    /** Answers {@code proxied} with a problem (RFC 9457) of {@code status}; see {@link Problems}. */
    static Mono<Void> problem(ProxiedRequest proxied, HttpStatus status, String title, String detail, String routeId) {
        byte[] body = Problems.json(status, title, detail, routeId, proxied.requestId).getBytes(StandardCharsets.UTF_8);
        proxied.status = status.value();
        proxied.response.status(status.value());
        proxied.response.responseHeaders().remove(HttpHeaderNames.TRANSFER_ENCODING)
                .set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return proxied.response.sendByteArray(Mono.just(body)).then();
    }

    /**
     * Whether the request has a body to stream: not when its headers say none ({@code Content-Length: 0}, or
     * HTTP/1.x with neither {@code Content-Length} nor {@code Transfer-Encoding}, RFC 9112 6.3).
     */
    static boolean hasBody(HttpServerRequest request) {
        HttpHeaders headers = request.requestHeaders();
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return headers.contains(HttpHeaderNames.TRANSFER_ENCODING) || request.version().majorVersion() != 1;
    }

    private HttpClient clientFor(HttpServerRequest request) {
        if (request instanceof Connection connection) {
            EventLoop loop = connection.channel().eventLoop();
            HttpClient client = clients.get(loop);
            if (client != null) {
                return client;
            }
        }
        return fallbackClient; // not one of the gateway's loops (never in the running gateway)
    }

    private static ProxyHeaders.Client client(HttpServerRequest request) {
        String scheme = request.scheme();
        int port = request.hostPort();
        String hostName = request.hostName();
        boolean defaultPort = port < 0 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        return new ProxyHeaders.Client(request.remoteAddress(), scheme, defaultPort ? hostName : hostName + ":" + port,
                port < 0 ? (scheme.equals("https") ? 443 : 80) : port);
    }

    private static String authority(String url) {
        int start = url.indexOf("://") + 3;
        int end = url.indexOf('/', start);
        return end < 0 ? url.substring(start) : url.substring(start, end);
    }

    @Override
    public void close() {
        for (ConnectionProvider pool : pools) {
            pool.disposeLater().block(Duration.ofSeconds(5));
        }
    }
}
