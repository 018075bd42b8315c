package dev.strangler.gateway.web;

import dev.strangler.gateway.drain.Drain;
import dev.strangler.gateway.routefile.RouteStore;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.SignalType;
import reactor.netty.NettyPipeline;

/**
 * The raw proxy path: the monolith's requests served by a Netty handler in the server's pipeline
 * ({@link RawProxyHandler}, one per connection), below Reactor Netty, over pooled raw keep-alive connections of the
 * same loop ({@link RawUpstreams}); what Reactor Netty's per-request machinery (an HttpClient acquire, operator
 * chains, channel operations) cost on the direct path is not spent. It serves the same features for those requests:
 * the decision made once, the drain count, request id and traceparent, the forwarded headers, both bodies streamed,
 * the timeouts, the metrics and the access log line. Everything else (HTTP services with their breakers, functions,
 * shadow copies, WebSockets, {@code Expect}) goes on to Reactor Netty with the decision made. Thread-safe.
 */
final class RawProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RawProxy.class);
    private static final String HANDLER = "strangler.rawProxy";

    private final RouteStore store;
    private final RawUpstreams upstreams;
    private final AccessLog accessLog;
    private final Drain drain;
    private final Pattern trustedProxies;
    private final String authority;
    private final long responseTimeoutNanos;
    private final BooleanSupplier serving;

    RawProxy(RouteStore store, RawUpstreams upstreams, AccessLog accessLog, Drain drain, URI monolith,
             Duration responseTimeout, Pattern trustedProxies, BooleanSupplier serving) {
        this.store = store;
        this.upstreams = upstreams;
        this.accessLog = accessLog;
        this.drain = drain;
        this.trustedProxies = trustedProxies;
        this.authority = monolith.getRawAuthority();
        this.responseTimeoutNanos = responseTimeout.toNanos();
        this.serving = serving;
    }

    /** Whether the raw path can carry requests to {@code monolith}: plain HTTP (TLS upstream stays with Reactor Netty). */
    static boolean carries(URI monolith) {
        return "http".equalsIgnoreCase(monolith.getScheme()) && monolith.getHost() != null;
    }

    /** Puts the raw path's handler after the HTTP codec of a new server connection (HTTP/1.1 connections only). */
    void install(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER) == null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new RawProxyHandler(this));
        }
    }

    /**
     * Decides {@code request}'s route and side; returns the decision when the raw path serves it, else null, with the
     * decision left on {@code channel} for {@link DirectProxy} and WebFlux.
     */
    RouteDecision decide(Channel channel, HttpRequest request) {
        if (!serving.getAsBoolean() || !request.decoderResult().isSuccess() || !request.uri().startsWith("/")) {
            return null;
        }
        RouteDecision decision = RouteDecision.of(store.table(), new NettyFacts(request.method(), request.uri(), request.headers()));
        if (decision.isProxied() && decision.service() == null && !request.headers().contains(HttpHeaderNames.UPGRADE)
                && !request.headers().contains(HttpHeaderNames.EXPECT)) {
            return decision;
        }
        DirectProxy.decided(channel, decision);
        return null;
    }

    /**
     * The request to send upstream for {@code request} from {@code channel}: headers copied by {@link ProxyHeaders},
     * the monolith's {@code Host}, and a body of unknown length ({@code hasBody} without a length) sent chunked.
     */
    HttpRequest upstreamRequest(Channel channel, HttpRequest request, String requestId, boolean hasBody) {
        HttpHeaders headers = ProxyHeaders.toUpstream(request.headers(), clientOf(channel, request), trustedProxies,
                requestId, Tracing.traceparent(request.headers().get(Tracing.TRACEPARENT)));
        headers.set(HttpHeaderNames.HOST, authority);
        if (hasBody && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            // the client's own framing was a hop-by-hop header
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(), headers);
    }

    /** Where {@code request} on {@code channel} came from, for the forwarding headers (as Reactor Netty reads them). */
    ProxyHeaders.Client clientOf(Channel channel, HttpRequest request) {
        String scheme = channel.pipeline().get(SslHandler.class) != null ? "https" : "http";
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String hostHeader = request.headers().get(HttpHeaderNames.HOST);
        String hostName;
        int hostPort;
        if (hostHeader == null || hostHeader.isEmpty()) {
            InetSocketAddress local = (InetSocketAddress) channel.localAddress();
            hostName = local.getHostString();
            hostPort = local.getPort();
        } else {
            int colon = hostHeader.lastIndexOf(':');
            boolean hasPort = colon > hostHeader.lastIndexOf(']') && colon >= 0;
            hostName = hasPort ? hostHeader.substring(0, colon) : hostHeader;
            hostPort = hasPort ? parsePort(hostHeader.substring(colon + 1)) : -1;
        }
        boolean isDefault = hostPort < 0 || hostPort == defaultPort;
        return new ProxyHeaders.Client((InetSocketAddress) channel.remoteAddress(), scheme,
                isDefault ? hostName : hostName + ":" + hostPort, hostPort < 0 ? defaultPort : hostPort);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A request taken by the raw path: in flight for the drain. */
    void started() {
        drain.requestStarted();
    }

    /** A raw request ended ({@code signal}): out of the drain's count, into the metrics and the access log. */
    void answered(RouteDecision decision, HttpRequest request, String requestId, int status, SignalType signal, long start) {
        drain.requestFinished();
        accessLog.record(decision.routeId(), decision.side(), decision.target(), null, status, request.method().name(),
                NettyFacts.rawPath(request.uri()), requestId, null, signal, System.nanoTime() - start);
    }

    void logFailure(String routeId, Throwable cause, String requestId) {
        log.error("Route {} upstream {} failed: {}; request {}", routeId, authority, cause.toString(), requestId);
    }

    RawUpstreams upstreams() {
        return upstreams;
    }

    Drain drain() {
        return drain;
    }

    long responseTimeoutNanos() {
        return responseTimeoutNanos;
    }

    @Override
    public void close() {
        upstreams.close();
    }
}
