package dev.strangler.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.SignalType;

/**
 * One request on the raw proxy path, from its headers to the end of its answer: sent upstream on a pooled connection
 * of the same loop ({@link RawUpstreams}), both bodies streamed with back-pressure (a side that cannot take more stops
 * the other side's reads), the answer's headers and body flushed together when they came in one read, a 502 problem
 * for an upstream that cannot be reached and a 504 for one that stays silent for the response timeout. Ends once with
 * the access log line and the drain count. Confined to the client connection's loop, which its upstream shares.
 */
final class RawExchange implements RawUpstreams.User {

    private final RawProxy proxy;
    private final ChannelHandlerContext client;
    private final RawProxyHandler handler;
    private final HttpRequest request;
    private final RouteDecision decision;
    private final String requestId;
    private final long start = System.nanoTime();
    private final boolean clientKeepAlive;
    private final boolean hasBody;
    private ArrayDeque<HttpContent> waiting; // body parts read before the upstream connection was there
    private Channel upstream;
    private boolean reused;
    private boolean retried;
    private boolean requestReceived;
    private boolean requestSent;
    private boolean unflushed;
    private boolean informational;
    private boolean responseStarted;
    private boolean upstreamKeepAlive;
    private boolean closeClient;
    private boolean finished;
    private int status = 200;
    private long lastRead;
    private ScheduledFuture<?> timeout;

    RawExchange(RawProxy proxy, ChannelHandlerContext client, RawProxyHandler handler, HttpRequest request,
                RouteDecision decision) {
        this.proxy = proxy;
        this.client = client;
        this.handler = handler;
        this.request = request;
        this.decision = decision;
        this.requestId = Tracing.requestId(request.headers().get(Tracing.REQUEST_ID_HEADER));
        this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        this.hasBody = hasBody(request.headers());
    }

    /** Counts the request in flight and asks for an upstream connection. */
    void begin() {
        proxy.drain().requestStarted();
        proxy.upstreams().acquire(client.channel().eventLoop(), false, this);
    }

    /** Whether the whole request was read from the client (what comes next belongs to the next request). */
    boolean isRequestReceived() {
        return requestReceived;
    }

    /** Whether the answer ended (or failed): the client connection is free once the request was read too. */
    boolean isFinished() {
        return finished;
    }

    /** A part of the request's body from the client; the last one ends the request. */
    void clientContent(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestReceived = true;
        }
        if (finished) {
            content.release(); // answered already: the rest of the body has nowhere to go
        } else if (upstream == null) {
            (waiting == null ? waiting = new ArrayDeque<>(2) : waiting).add(content);
        } else {
            sendUpstream(content);
        }
    }

    /** The client's read ended: what was written upstream goes out in one flush. */
    void clientReadComplete() {
        if (unflushed && upstream != null) {
            unflushed = false;
            upstream.flush();
        }
    }

    /** The client can take more: the upstream's reads resume. */
    void clientWritable() {
        if (upstream != null && !finished) {
            upstream.config().setAutoRead(true);
        }
    }

    /** The client went away before its answer ended. */
    void clientClosed() {
        if (upstream != null) {
            RawUpstreams.discard(upstream);
        }
        finish(SignalType.CANCEL);
    }

    @Override
    public void connected(Channel upstream, boolean reused) {
        if (finished) {
            RawUpstreams.discard(upstream);
            return;
        }
        this.upstream = upstream;
        this.reused = reused;
        upstream.config().setAutoRead(true);
        upstream.write(upstreamRequest());
        while (waiting != null && !waiting.isEmpty()) {
            sendUpstream(waiting.poll());
        }
        if (retried && requestReceived && !requestSent) {
            sendUpstream(LastHttpContent.EMPTY_LAST_CONTENT); // the bodyless request's end, again on the new connection
        }
        upstream.flush();
        unflushed = false;
        lastRead = System.nanoTime();
        if (timeout == null) {
            timeout = upstream.eventLoop().schedule(this::checkTimeout, proxy.responseTimeoutNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void connectFailed(Throwable cause) {
        failed(cause, false);
    }

    @Override
    public void upstreamRead(Object message) {
        lastRead = System.nanoTime();
        if (finished) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpResponse answer) {
            if (answer.status().codeClass() == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
                informational = true; // 100 Continue and the like: not the answer, and not relayed
            } else {
                startResponse(answer);
            }
        }
        if (message instanceof HttpContent content) {
            if (informational) {
                informational = !(content instanceof LastHttpContent);
                content.release();
                return;
            }
            boolean last = content instanceof LastHttpContent;
            ChannelFuture written = client.write(content);
            if (last) {
                endResponse(written);
            } else if (!client.channel().isWritable()) {
                upstream.config().setAutoRead(false); // the client is slower: stop reading until it drains
            }
        }
    }

    @Override
    public void upstreamReadComplete() {
        if (!finished && responseStarted) {
            client.flush();
        }
    }

    @Override
    public void upstreamWritable() {
        if (!finished && !requestReceived) {
            client.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void upstreamClosed() {
        if (finished) {
            return;
        }
        if (reused && !retried && !responseStarted && !hasBody) {
            // a kept-alive connection the upstream had closed before our request reached it: once more, on a new one
            retried = true;
            upstream = null;
            requestSent = false;
            proxy.upstreams().acquire(client.channel().eventLoop(), true, this);
            return;
        }
        failed(new java.io.IOException("upstream closed the connection before the answer ended"), false);
    }

    @Override
    public void upstreamFailed(Throwable cause) {
        failed(cause, false);
    }

    private HttpRequest upstreamRequest() {
        HttpHeaders headers = ProxyHeaders.toUpstream(request.headers(), proxy.clientOf(client.channel(), request),
                proxy.trustedProxies(), requestId, Tracing.traceparent(request.headers().get(Tracing.TRACEPARENT)));
        headers.set(HttpHeaderNames.HOST, proxy.authority());
        if (hasBody && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            // a body of unknown length goes on chunked (the client's own framing was a hop-by-hop header)
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(), headers);
    }

    private void sendUpstream(HttpContent content) {
        upstream.write(content);
        if (content instanceof LastHttpContent) {
            requestSent = true;
            lastRead = System.nanoTime(); // the response timeout runs from here
        }
        unflushed = true;
        if (!upstream.isWritable()) {
            client.channel().config().setAutoRead(false); // the upstream is slower: stop reading the client
        }
    }

    private void startResponse(HttpResponse answer) {
        responseStarted = true;
        status = answer.status().code();
        upstreamKeepAlive = HttpUtil.isKeepAlive(answer);
        HttpHeaders headers = new DefaultHttpHeaders(false); // the upstream's were checked as they were decoded
        headers.set(Tracing.REQUEST_ID_HEADER, requestId);
        ProxyHeaders.fromUpstream(answer.headers(), headers);
        boolean bodyless = request.method().equals(HttpMethod.HEAD) || status == 204 || status == 304;
        closeClient = !clientKeepAlive || !proxy.drain().isReady() || !requestReceived;
        if (!bodyless && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                closeClient = true; // an HTTP/1.0 client learns the end of the body from the connection's
            } else {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (closeClient) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        client.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, answer.status(), headers));
    }

    private void endResponse(ChannelFuture lastWrite) {
        client.flush();
        if (requestSent && upstreamKeepAlive) {
            proxy.upstreams().release(upstream);
        } else {
            RawUpstreams.discard(upstream); // answered before the whole request went up, or the upstream closes
        }
        if (closeClient) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
        finish(SignalType.ON_COMPLETE);
    }

    private void checkTimeout() {
        if (finished) {
            return;
        }
        long silent = System.nanoTime() - lastRead;
        long limit = proxy.responseTimeoutNanos();
        if (!requestSent || silent < limit) { // still sending the request, or the upstream spoke lately
            long wait = requestSent ? limit - silent : limit;
            timeout = client.channel().eventLoop().schedule(this::checkTimeout, wait, TimeUnit.NANOSECONDS);
            return;
        }
        failed(new java.util.concurrent.TimeoutException("no answer within " + limit / 1_000_000 + " ms"), true);
    }

    private void failed(Throwable cause, boolean timedOut) {
        if (finished) {
            return;
        }
        if (upstream != null) {
            RawUpstreams.discard(upstream);
        }
        if (responseStarted) {
            client.channel().close(); // the answer is cut short: the client must not take it for whole
            finish(SignalType.ON_ERROR);
            return;
        }
        HttpStatus problem = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        proxy.logFailure(decision.routeId(), cause, requestId);
        byte[] body = Problems.json(problem, timedOut ? "The upstream did not answer in time" : "The upstream could not be reached",
                "Request " + requestId + " on route '" + decision.routeId() + "' was not served; retry later or contact the operators.",
                decision.routeId(), requestId).getBytes(StandardCharsets.UTF_8);
        status = problem.value();
        responseStarted = true;
        DefaultFullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        answer.headers().set(Tracing.REQUEST_ID_HEADER, requestId).set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        closeClient = !clientKeepAlive || !proxy.drain().isReady() || !requestReceived;
        if (closeClient) {
            answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var written = client.writeAndFlush(answer);
        if (closeClient) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        finish(SignalType.ON_COMPLETE);
    }

    private void finish(SignalType signal) {
        if (finished) {
            return;
        }
        finished = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        while (waiting != null && !waiting.isEmpty()) {
            waiting.poll().release();
        }
        client.channel().config().setAutoRead(true);
        proxy.drain().requestFinished();
        proxy.accessLog().record(decision.routeId(), decision.side(), decision.target(), null, status,
                request.method().name(), NettyFacts.rawPath(request.uri()), requestId, null, signal,
                System.nanoTime() - start);
        handler.exchangeFinished(this);
    }

    /**
     * Whether a request has a body to stream: not when its headers say none ({@code Content-Length: 0}, or neither
     * {@code Content-Length} nor {@code Transfer-Encoding}, RFC 9112 6.3), as {@link Upstream#hasBody} decides.
     */
    static boolean hasBody(HttpHeaders headers) {
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }
}
