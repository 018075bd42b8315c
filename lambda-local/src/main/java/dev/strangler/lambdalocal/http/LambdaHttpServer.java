package dev.strangler.lambdalocal.http;

import dev.strangler.lambdalocal.execution.FunctionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * lambda-local's HTTP server on 127.0.0.1: the Invoke API, the Runtime API and {@code /health}, on Netty.
 *
 * <p>Requests are handled on the connections' event loops, and no thread waits for another: a held-open
 * {@code next} is answered by the thread that brings the event, an invocation by the thread that brings its result
 * (Netty queues a write from a foreign thread onto the connection's own loop). What blocks (starting an environment
 * process, waiting for one to register) runs on a small separate pool. HTTP/1.1 keep-alive, {@code TCP_NODELAY}.
 */
public final class LambdaHttpServer implements AutoCloseable {
    /** Threads that only start processes or wait briefly; more would only queue for the same two cores. */
    private static final int BLOCKING_THREADS = 4;
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_HEADER_SIZE = 16384;
    private static final int MAX_CHUNK_SIZE = 65536;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 1000;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ExecutorService blocking;
    private final Channel listener;
    private final Router router;

    private LambdaHttpServer(EventLoopGroup acceptor, EventLoopGroup workers, ExecutorService blocking,
                             Channel listener, Router router) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.blocking = blocking;
        this.listener = listener;
        this.router = router;
    }

    /**
     * Binds the port (0 for a free one) on the loopback address; requests get 503 until {@link #start} gives the
     * handlers the registry, which needs the bound port first.
     */
    public static LambdaHttpServer bind(int port) {
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("lambda-local-http-accept", true), NioIoHandler.newFactory());
        // One loop per core: on two cores the SDK's connection and the runtime's each get their own. A single loop
        // for everything spares the two cross-thread wake-ups per invocation, but measured slower in the one run tried
        // (warm p50 1.62 against 1.16 ms at the same load; see the README's benchmark), so it was not kept.
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("lambda-local-http", true), NioIoHandler.newFactory());
        Router router = new Router();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 512)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE,
                                MAX_CHUNK_SIZE), new RequestReader(router));
                    }
                });
        Channel listener;
        try {
            listener = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                    .syncUninterruptibly().channel();
        } catch (Exception e) {
            shutDown(acceptor, workers);
            String message = "Could not listen on 127.0.0.1:" + port
                    + "; is another lambda-local running there? Choose another port or 0 for any free one";
            throw e instanceof IOException io ? new UncheckedIOException(message, io)
                    : new IllegalStateException(message, e);
        }
        return new LambdaHttpServer(acceptor, workers, blockingPool(), listener, router);
    }

    private static ExecutorService blockingPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("lambda-local-http-blocking", true));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Installs the APIs for {@code registry}; the server is already accepting connections. */
    public void start(FunctionRegistry registry) {
        router.start(registry, blocking);
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * Stops accepting connections and closes the open ones, including held-open long polls; returns once the event
     * loops have ended (within about a second).
     */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        blocking.shutdownNow();
        shutDown(acceptor, workers);
    }

    private static void shutDown(EventLoopGroup acceptor, EventLoopGroup workers) {
        // No quiet period: nothing is accepted any more, so there is nothing to wait for but the open connections.
        Future<?> acceptorDone = acceptor.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Future<?> workersDone = workers.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        acceptorDone.awaitUninterruptibly(2 * SHUTDOWN_TIMEOUT_MILLIS);
        workersDone.awaitUninterruptibly(2 * SHUTDOWN_TIMEOUT_MILLIS);
    }
}
