package dev.strangler.gateway.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * The raw proxy path's handler on one client connection, between the server's HTTP codec and Reactor Netty's
 * handlers: a monolith request it may serve ({@link RawProxy#decide}) becomes a {@link RawExchange} and never reaches
 * Reactor Netty; any other request goes on to Reactor Netty with its decision made, as do all requests while one that
 * went on is still being answered, so answers leave in the order of the requests. What a pipelining client sends while
 * a raw request is answered waits here until that answer ended. Confined to the connection's loop.
 */
final class RawProxyHandler extends ChannelDuplexHandler {

    /** Messages held back beyond this stop the connection's reads until the answer in progress ended. */
    private static final int HELD_BEFORE_PAUSE = 16;

    private final RawProxy proxy;
    private RawExchange current;
    private int handedOn; // requests Reactor Netty is answering
    private ArrayDeque<Object> held;
    private boolean replaying;
    private ChannelHandlerContext ctx;

    RawProxyHandler(RawProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (current != null && current.isRequestReceived() || held != null && !held.isEmpty() && !replaying) {
            (held == null ? held = new ArrayDeque<>(4) : held).add(msg); // the next request waits for this answer
            if (held.size() > HELD_BEFORE_PAUSE) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        dispatch(ctx, msg);
    }

    private void dispatch(ChannelHandlerContext ctx, Object msg) {
        if (current != null) {
            if (msg instanceof HttpContent content) {
                current.clientContent(content);
                if (current.isFinished() && current.isRequestReceived()) {
                    exchangeFinished(current);
                }
            } else {
                ReferenceCountUtil.release(msg); // not HTTP: the codec's business, not expected here
            }
            return;
        }
        if (msg instanceof HttpRequest request) {
            RouteDecision decision = handedOn == 0 ? proxy.decide(ctx.channel(), request) : null;
            if (decision == null) {
                handedOn++;
                ctx.fireChannelRead(msg);
                return;
            }
            current = new RawExchange(proxy, ctx, this, request, decision);
            current.begin();
            if (msg instanceof HttpContent content) { // a whole request in one message
                current.clientContent(content);
            }
            return;
        }
        ctx.fireChannelRead(msg); // a body part of a request handed on
    }

    /** The exchange's answer ended: once its request was read too, the next request may be served. */
    void exchangeFinished(RawExchange exchange) {
        if (exchange != current || !exchange.isRequestReceived()) {
            return; // the rest of its body is still to be read (and dropped)
        }
        current = null;
        if (held == null || held.isEmpty()) {
            return;
        }
        replaying = true;
        try {
            while (!held.isEmpty() && !(current != null && current.isRequestReceived())) {
                dispatch(ctx, held.poll());
            }
        } finally {
            replaying = false;
        }
        if (current != null) {
            current.clientReadComplete();
        }
        ctx.fireChannelReadComplete();
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (current != null) {
            current.clientReadComplete();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // Reactor Netty's answers pass here (the raw path's own writes start below this handler)
        if (handedOn > 0 && msg instanceof LastHttpContent && !isInformational(msg)) {
            handedOn--;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null && ctx.channel().isWritable()) {
            current.clientWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            RawExchange exchange = current;
            current = null;
            exchange.clientClosed();
        }
        if (held != null) {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
        }
        ctx.fireChannelInactive();
    }

    private static boolean isInformational(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }
}
