package dev.strangler.gateway.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketChannel;
import io.netty.channel.unix.ServerDomainSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * One set of event loops for everything the gateway does on the network: the HTTP server, the proxy client to the
 * monolith and the Lambda client. A request is read, routed, sent upstream and answered on the one thread that
 * accepted its connection, with no hand-off between thread pools: Reactor Netty's client picks the caller's loop
 * (colocation) and the Lambda client keeps one connection pool per loop.
 *
 * <p>Each loop is a single-thread group of a type the AWS SDK's Netty client accepts (epoll where the native
 * transport loads, NIO elsewhere); {@link #lanes()} hands them to it, and Reactor Netty sees them as one group.
 * Threads are daemons named {@code prefix-N}. Dispose it after the server and the clients using it have stopped.
 */
@SuppressWarnings("deprecation") // EpollEventLoopGroup and NioEventLoopGroup: the group types the AWS SDK recognises
public final class SharedEventLoops implements LoopResources, AutoCloseable {

    private final boolean epoll;
    private final List<EventLoopGroup> lanes;
    private final LaneGroup workers;
    private final EventLoopGroup colocated;

    private SharedEventLoops(boolean epoll, List<EventLoopGroup> lanes) {
        this.epoll = epoll;
        this.lanes = List.copyOf(lanes);
        this.workers = new LaneGroup(this.lanes);
        this.colocated = LoopResources.colocate(workers);
    }

    /** {@code threads} loops on the native epoll transport when it loads, else on NIO. */
    public static SharedEventLoops create(String prefix, int threads) {
        return create(prefix, threads, Epoll.isAvailable());
    }

    /** {@code threads} loops, on epoll if {@code preferEpoll} and it loads, else on NIO. */
    public static SharedEventLoops create(String prefix, int threads, boolean preferEpoll) {
        if (threads < 1) {
            throw new IllegalArgumentException("event loop threads must be at least 1, but were " + threads);
        }
        boolean epoll = preferEpoll && Epoll.isAvailable();
        List<EventLoopGroup> lanes = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            String name = prefix + "-" + (i + 1);
            ThreadFactory factory = task -> {
                Thread thread = new FastThreadLocalThread(task, name);
                thread.setDaemon(true);
                return thread;
            };
            lanes.add(epoll ? new EpollEventLoopGroup(1, factory) : new NioEventLoopGroup(1, factory));
        }
        return new SharedEventLoops(epoll, lanes);
    }

    /** The single-thread groups, one per loop, in a fixed order. */
    public List<EventLoopGroup> lanes() {
        return lanes;
    }

    /** Whether the loops run on the native epoll transport (else NIO). */
    public boolean isEpoll() {
        return epoll;
    }

    /** Makes client sockets for these loops. */
    public ChannelFactory<? extends Channel> socketChannels() {
        return epoll ? EpollSocketChannel::new : NioSocketChannel::new;
    }

    @Override
    public EventLoopGroup onServer(boolean useNative) {
        return workers;
    }

    /** Reactor Netty clients run on the caller's loop when called from one of these loops. */
    @Override
    public EventLoopGroup onClient(boolean useNative) {
        return colocated;
    }

    /** Connections are accepted on the same loops, as Reactor Netty does by default. */
    @Override
    public EventLoopGroup onServerSelect(boolean useNative) {
        return workers;
    }

    @Override
    public <C extends Channel> C onChannel(Class<C> type, EventLoopGroup group) {
        Class<? extends C> channelClass = onChannelClass(type, group);
        try {
            return channelClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + channelClass.getName(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C extends Channel> Class<? extends C> onChannelClass(Class<C> type, EventLoopGroup group) {
        Class<? extends Channel> channelClass;
        if (type == SocketChannel.class) {
            channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        } else if (type == ServerSocketChannel.class) {
            channelClass = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        } else if (type == DatagramChannel.class) {
            channelClass = epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
        } else if (epoll && type == DomainSocketChannel.class) {
            channelClass = EpollDomainSocketChannel.class;
        } else if (epoll && type == ServerDomainSocketChannel.class) {
            channelClass = EpollServerDomainSocketChannel.class;
        } else {
            throw new IllegalArgumentException("the gateway's " + (epoll ? "epoll" : "NIO") + " event loops have no "
                    + type.getSimpleName());
        }
        return (Class<? extends C>) channelClass;
    }

    @Override
    public boolean daemon() {
        return true;
    }

    @Override
    public boolean isDisposed() {
        return workers.isTerminated();
    }

    @Override
    public void dispose() {
        disposeLater().block(Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_TIMEOUT + 1));
    }

    /** Shuts the loops down after a short quiet period (0.1 s), waiting at most 10 s for them to finish. */
    @Override
    public void close() {
        disposeLater(Duration.ofMillis(100), Duration.ofSeconds(10)).block(Duration.ofSeconds(11));
    }

    @Override
    public Mono<Void> disposeLater() {
        return disposeLater(Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_QUIET_PERIOD),
                Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_TIMEOUT));
    }

    @Override
    public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
        return Mono.defer(() -> {
            Future<?> terminated = workers.shutdownGracefully(quietPeriod.toMillis(), timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Mono.<Void>create(sink -> terminated.addListener(f -> sink.success()));
        });
    }
}
