package dev.strangler.lambdalocal.http;

import com.sun.net.httpserver.HttpServer;
import dev.strangler.lambdalocal.execution.FunctionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * lambda-local's HTTP server on 127.0.0.1: the Invoke API, the Runtime API and {@code /health}.
 *
 * <p>Neither API holds a thread while it waits: a held-open {@code next} is answered by the thread that brings the
 * event, an invocation by the thread that brings its result. Handlers still get an unbounded pool, as starting a
 * new environment or reading a large payload blocks.
 */
public final class LambdaHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    private LambdaHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Binds the port (0 for a free one) on the loopback address; the handlers get the registry once it exists, since
     * the registry needs the bound port first.
     */
    public static LambdaHttpServer bind(int port) {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms per call.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port
                    + "; is another lambda-local running there? Choose another port or 0 for any free one", e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-local-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        return new LambdaHttpServer(server, threads);
    }

    /** Installs the APIs for {@code registry} and starts serving. */
    public void start(FunctionRegistry registry) {
        server.createContext(InvokeApi.PREFIX, new InvokeApi(registry));
        server.createContext(RuntimeApi.PREFIX, new RuntimeApi(registry));
        server.createContext("/health", exchange -> {
            try (exchange) {
                Exchanges.send(exchange, 200, "application/json", ("{\"status\":\"UP\",\"functions\":"
                        + registry.functions().size() + "}").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests and ends the handler threads, including held-open long polls. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
