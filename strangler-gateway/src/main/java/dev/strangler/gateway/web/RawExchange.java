package dev.strangler.gateway.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.SignalType;

/**
 * One request on the raw proxy path, from its headers to the end of its answer: sent upstream on a pooled connection
 * of the same loop ({@link RawUpstreams}), both bodies streamed with back-pressure (a side that cannot take more stops
 * the other side's reads), the answer's headers and body flushed together when they came in one read, a 502 problem
 * for an upstream that cannot be reached and a 504 for one that stays silent for the response timeout. Ends once with
 * the access log line and the drain count. Confined to the client connection's loop, which its upstream shares.
 */
final class RawExchange implements RawUpstreams.User {

    /** Body parts held while the upstream connection is opened, beyond which the client's reads pause. */
    private static final int WAITING_BEFORE_PAUSE = 8;

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
    private boolean reused, retried, unflushed, informational; // the upstream connection's state
    private boolean requestReceived, requestSent, responseStarted, upstreamKeepAlive, closeClient, finished;
    private int status = 200;
    private final SilenceTimer silence;

    RawExchange(RawProxy proxy, ChannelHandlerContext client, RawProxyHandler handler, HttpRequest request,
                RouteDecision decision) {
        this.proxy = proxy;
        this.client = client;
        this.handler = handler;
        this.request = request;
        this.decision = decision;
        this.requestId = Tracing.requestId(request.headers().get(Tracing.REQUEST_ID_HEADER));
        this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        this.hasBody = RawMessages.hasBody(request.headers());
        this.silence = new SilenceTimer(client.channel().eventLoop(), proxy.responseTimeoutNanos(), this::isAwaitingUpstream,
                this::timedOut);
    }

    /** Counts the request in flight and asks for an upstream connection. */
    void begin() {
        proxy.started();
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
            if (waiting.size() > WAITING_BEFORE_PAUSE) {
                client.channel().config().setAutoRead(false); // no connection yet: read no more of the body
            }
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
        upstream.write(proxy.upstreamRequest(client.channel(), request, requestId, hasBody));
        while (waiting != null && !waiting.isEmpty()) {
            sendUpstream(waiting.poll());
        }
        if (retried && requestReceived && !requestSent) {
            sendUpstream(LastHttpContent.EMPTY_LAST_CONTENT); // the bodyless request's end, again on the new connection
        }
        upstream.flush();
        unflushed = false;
        if (!requestReceived && upstream.isWritable()) {
            client.channel().config().setAutoRead(true);
        }
        silence.heard();
    }

    @Override
    public void upstreamRead(Object message) {
        silence.heard();
        if (finished) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpResponse answer) {
            if (answer.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
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
        if (reused && !retried && !responseStarted && !hasBody && RawMessages.isIdempotent(request.method())) {
            // a kept-alive connection the upstream had closed, most likely before our request reached it: once more,
            // on a new one, for a method that may be repeated (RFC 9110, 9.2.2); another may have been acted on
            retried = true;
            upstream = null;
            requestSent = false;
            proxy.upstreams().acquire(client.channel().eventLoop(), true, this);
            return;
        }
        failed(new IOException("upstream closed the connection before the answer ended"), false);
    }

    @Override
    public void upstreamFailed(Throwable cause) {
        failed(cause, false);
    }

    private void sendUpstream(HttpContent content) {
        upstream.write(content);
        if (content instanceof LastHttpContent) {
            requestSent = true;
            silence.heard(); // the response timeout runs from here
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
        HttpResponse head = RawMessages.answerHead(answer, request, requestId, isCloseWanted());
        closeClient = head.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        client.write(head);
    }

    /** Whether the client's connection ends with this answer: its wish, the drain, or a body not read to its end. */
    private boolean isCloseWanted() {
        return !clientKeepAlive || !proxy.drain().isReady() || !requestReceived;
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

    /** The silence timer's view: the request went up and the upstream's reads are on. */
    private boolean isAwaitingUpstream() {
        return !finished && upstream != null && requestSent && upstream.config().isAutoRead();
    }

    private void timedOut() {
        failed(new TimeoutException("no answer within " + silence.limitMillis() + " ms"), true);
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
        proxy.logFailure(decision.routeId(), cause, requestId);
        responseStarted = true;
        closeClient = isCloseWanted();
        HttpResponse answer = RawMessages.upstreamProblem(timedOut, decision.routeId(), requestId, closeClient);
        status = answer.status().code();
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
        silence.cancel();
        while (waiting != null && !waiting.isEmpty()) {
            waiting.poll().release();
        }
        client.channel().config().setAutoRead(true);
        proxy.answered(decision, request, requestId, status, signal, start);
        handler.exchangeFinished(this);
    }
}
