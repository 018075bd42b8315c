package dev.strangler.gateway.bench;

import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.lambda.HttpApiEvents;
import dev.strangler.gateway.lambda.LambdaRequest;
import dev.strangler.gateway.lambda.SdkLambdaInvoker;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency the gateway adds on a Lambda route: one request at a time, a GET through the gateway to lambda-local vs a
 * direct SDK invoke of the same function with an event of the same shape, interleaved in blocks so drift hits both.
 * Both sides are first warmed up, interleaved, for a number of seconds (the JIT needs tens of thousands of requests
 * before either path reaches its steady speed). Run by {@code strangler-gateway/bench/lambda.sh}; args: function
 * jar, requests per side, warm-up seconds (default 30).
 */
public final class LambdaOverheadBenchmark {

    private LambdaOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int requests = Integer.parseInt(args[1]);
        long warmUpNanos = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30).toNanos();
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (LambdaLocal lambdaLocal = LambdaLocal.start(0)) {
            lambdaLocal.deploy(FunctionConfig.parse("name=echo,jar=" + jar
                    + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=10,concurrency=2"));
            Path routes = Files.createTempFile("bench-routes", ".yml");
            Files.writeString(routes, """
                    version: 1
                    routes:
                      - id: items
                        paths: ["/fn/items/{id}"]
                        methods: [GET]
                        target: {lambda: "echo"}
                        weight: 100
                    """);
            try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(StranglerGatewayApplication.class).run(
                    "--server.port=0", "--strangler.routes.file=" + routes, "--strangler.monolith.uri=http://127.0.0.1:9",
                    "--strangler.lambda.endpoint=" + lambdaLocal.endpoint(), "--strangler.admin.port=0",
                    "--strangler.admin.token=bench-token-0123456789");
                 SdkLambdaInvoker direct = SdkLambdaInvoker.create(lambdaLocal.endpoint(), null, Duration.ofSeconds(10), 8);
                 KeepAliveClient http = new KeepAliveClient(
                         Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port")),
                         "GET /fn/items/42 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: bench\r\n\r\n")) {
                byte[] event = HttpApiEvents.toEvent(new LambdaRequest("GET", "/fn/items/42", "",
                        List.of(Map.entry("user-agent", "bench"), Map.entry("host", "127.0.0.1")), List.of(), new byte[0],
                        "127.0.0.1", "bench-1", "GET /fn/items/{id}", Map.of("id", "42"), System.currentTimeMillis(),
                        "HTTP/1.1", "127.0.0.1"), "2.0");
                long[] viaGateway = new long[requests];
                long[] viaSdk = new long[requests];
                int block = 100;
                long warmUpStart = System.nanoTime();
                int warmUpRounds = 0;
                while (System.nanoTime() - warmUpStart < warmUpNanos) {
                    for (int i = 0; i < block; i++) {
                        http.send();
                        direct.invoke("echo", null, event).join();
                    }
                    warmUpRounds++;
                }
                System.out.printf("warm-up: %d requests per side in %.0f s%n", warmUpRounds * block,
                        (System.nanoTime() - warmUpStart) / 1e9);
                for (int round = 0; round < requests / block; round++) {
                    for (int i = 0; i < block; i++) {
                        long start = System.nanoTime();
                        int status = http.send();
                        long took = System.nanoTime() - start;
                        if (status != 200) {
                            throw new IllegalStateException("gateway answered " + status);
                        }
                        viaGateway[round * block + i] = took;
                    }
                    for (int i = 0; i < block; i++) {
                        long start = System.nanoTime();
                        var invocation = direct.invoke("echo", null, event).join();
                        long took = System.nanoTime() - start;
                        if (!(invocation instanceof dev.strangler.gateway.lambda.InvocationOutcome.Reply)) {
                            throw new IllegalStateException("direct invoke failed: " + invocation);
                        }
                        viaSdk[round * block + i] = took;
                    }
                }
                Arrays.sort(viaGateway);
                Arrays.sort(viaSdk);
                System.out.printf("| path | p50 | p99 |%n|---|---|---|%n");
                System.out.printf("| direct SDK invoke of lambda-local | %.2f ms | %.2f ms |%n", ms(viaSdk, 0.50), ms(viaSdk, 0.99));
                System.out.printf("| GET through the gateway to lambda-local | %.2f ms | %.2f ms |%n", ms(viaGateway, 0.50), ms(viaGateway, 0.99));
                System.out.printf("| added by the gateway | %.2f ms | %.2f ms |%n",
                        ms(viaGateway, 0.50) - ms(viaSdk, 0.50), ms(viaGateway, 0.99) - ms(viaSdk, 0.99));
            }
        }
    }

    /**
     * The leanest HTTP/1.1 client there is: one kept-alive socket, a fixed request, the answer read by its
     * Content-Length. The JDK's HttpClient spends 0.2 ms or more per request on its own thread hand-offs, which
     * would be counted against the gateway.
     */
    private static final class KeepAliveClient implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] request;

        KeepAliveClient(int port, String request) throws IOException {
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 65536);
            this.request = request.getBytes(StandardCharsets.US_ASCII);
        }

        /** Sends the request and reads the whole answer; returns its status. */
        int send() throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(header.substring(colon + 1).trim());
                }
            }
            if (length < 0) {
                throw new IllegalStateException("the benchmark needs a Content-Length answer, got: " + statusLine);
            }
            in.skipNBytes(length);
            return status;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the gateway closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
}
