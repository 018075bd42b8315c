package dev.strangler.gateway.web;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections to upstreams for the raw proxy path, pooled per event loop: a request takes a
 * connection its own loop owns (the last one returned first, so few connections stay warm), or opens one on that loop;
 * a connection goes back after a complete exchange and is closed after {@code maxIdle} unused. Each pool is touched
 * only by its loop, so none is locked. Thread-safe; close it after the server stopped.
 */
final class RawUpstreams implements AutoCloseable {

    /** What a connection reports to the request using it; every call comes on the connection's loop. */
    interface User {
        void connected(Channel upstream, boolean reused);

        /** No connection could be opened (refused, timed out): as a failure of the connection. */
        default void connectFailed(Throwable cause) {
            upstreamFailed(cause);
        }

        void upstreamRead(Object message);

        void upstreamReadComplete();

        void upstreamWritable();

        void upstreamClosed();

        void upstreamFailed(Throwable cause);
    }

    private static final AttributeKey<Lease> LEASE = AttributeKey.valueOf(RawUpstreams.class.getName() + ".lease");
    private static final ChannelHandler EVENTS = new Events();

    private final ChannelFactory<? extends Channel> channels;
    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final long maxIdleNanos;
    private final Map<EventLoop, LoopPool> pools = new ConcurrentHashMap<>();

    /** Connections to {@code host}:{@code port} of type {@code channels}. */
    RawUpstreams(ChannelFactory<? extends Channel> channels, String host, int port, Duration connectTimeout, Duration maxIdle) {
        this.channels = channels;
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.maxIdleNanos = maxIdle.toNanos();
    }

    /** Hands {@code user} a connection on {@code loop} (call it on that loop): a pooled one unless {@code fresh}. */
    void acquire(EventLoop loop, boolean fresh, User user) {
        LoopPool pool = pools.get(loop);
        if (pool == null) {
            pool = pools.computeIfAbsent(loop, this::newPool);
        }
        Channel idle = fresh ? null : pool.take();
        if (idle != null) {
            idle.attr(LEASE).get().user = user;
            user.connected(idle, true);
            return;
        }
        pool.bootstrap.connect(host, port).addListener(future -> {
            Channel channel = ((io.netty.channel.ChannelFuture) future).channel();
            if (future.isSuccess()) {
                Lease lease = new Lease();
                lease.user = user;
                channel.attr(LEASE).set(lease);
                user.connected(channel, false);
            } else {
                user.connectFailed(future.cause());
            }
        });
    }

    /** Takes back {@code upstream} after a complete exchange, to be reused. */
    void release(Channel upstream) {
        Lease lease = upstream.attr(LEASE).get();
        LoopPool pool = pools.get(upstream.eventLoop());
        if (lease == null || pool == null || !upstream.isActive()) {
            discard(upstream);
            return;
        }
        lease.user = null;
        lease.idleSince = System.nanoTime();
        upstream.config().setAutoRead(true); // an idle connection still hears its upstream close it
        pool.idle.addLast(upstream);
    }

    /** Closes {@code upstream} instead of reusing it (its exchange failed or its framing ends with the connection). */
    static void discard(Channel upstream) {
        Lease lease = upstream.attr(LEASE).get();
        if (lease != null) {
            lease.user = null;
        }
        upstream.close();
    }

    private static User userOf(Channel channel) {
        Lease lease = channel.attr(LEASE).get();
        return lease == null ? null : lease.user;
    }

    private LoopPool newPool(EventLoop loop) {
        Bootstrap bootstrap = new Bootstrap().group(loop).channelFactory(channels)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec()).addLast(EVENTS);
                    }
                });
        LoopPool pool = new LoopPool(bootstrap, maxIdleNanos);
        long period = Math.max(1, maxIdleNanos / 2);
        pool.sweeper = loop.scheduleAtFixedRate(pool::closeStale, period, period, TimeUnit.NANOSECONDS);
        return pool;
    }

    @Override
    public void close() {
        List<Future<?>> closing = new ArrayList<>();
        pools.forEach((loop, pool) -> {
            if (!loop.isShuttingDown()) {
                closing.add(loop.submit(pool::closeAll));
            }
        });
        for (Future<?> future : closing) {
            future.awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** A pooled connection's current user (null while idle) and since when it is idle. Confined to its loop. */
    private static final class Lease {
        User user;
        long idleSince;
    }

    /** One loop's idle connections, most recently returned last. Confined to its loop. */
    private static final class LoopPool {
        final Bootstrap bootstrap;
        final long maxIdleNanos;
        final ArrayDeque<Channel> idle = new ArrayDeque<>();
        Future<?> sweeper;

        LoopPool(Bootstrap bootstrap, long maxIdleNanos) {
            this.bootstrap = bootstrap;
            this.maxIdleNanos = maxIdleNanos;
        }

        Channel take() {
            while (!idle.isEmpty()) {
                Channel channel = idle.pollLast();
                if (channel.isActive()) {
                    return channel;
                }
            }
            return null;
        }

        void closeStale() {
            long now = System.nanoTime();
            while (!idle.isEmpty()) { // oldest first: stop at the first one still fresh
                Channel oldest = idle.peekFirst();
                Lease lease = oldest.attr(LEASE).get();
                if (oldest.isActive() && lease != null && now - lease.idleSince < maxIdleNanos) {
                    break;
                }
                idle.pollFirst();
                oldest.close();
            }
        }

        void closeAll() {
            if (sweeper != null) {
                sweeper.cancel(false);
            }
            idle.forEach(Channel::close);
            idle.clear();
        }
    }

    /** Passes a connection's events to the request using it; an idle connection that speaks is closed. */
    @ChannelHandler.Sharable
    private static final class Events extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            User user = userOf(ctx.channel());
            if (user == null) {
                ReferenceCountUtil.release(msg);
                ctx.close(); // nothing was asked: the upstream is out of step
                return;
            }
            user.upstreamRead(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            User user = userOf(ctx.channel());
            if (user != null) {
                user.upstreamReadComplete();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            User user = userOf(ctx.channel());
            if (user != null && ctx.channel().isWritable()) {
                user.upstreamWritable();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            User user = userOf(ctx.channel());
            discard(ctx.channel());
            if (user != null) {
                user.upstreamClosed();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            User user = userOf(ctx.channel());
            discard(ctx.channel());
            if (user != null) {
                user.upstreamFailed(cause);
            }
        }
    }
}
