package dev.strangler.lambdalocal;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.sun.net.httpserver.HttpServer;
import dev.strangler.lambdalocal.execution.InvocationResult;
import dev.strangler.samples.GreetingHandler;
import dev.strangler.samples.GreetingRequest;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Measures what lambda-local adds to a warm invocation through the SDK, against calling the handler in-process, and
 * the cold start of a minimal function. Run it with the command in lambda-local/README.md; not part of the tests.
 */
public final class WarmInvokeBenchmark {
    private static final int WARMUP = 3_000;
    private static final int MEASURED = 10_000;
    private static final int COLD_STARTS = 5;
    private static final byte[] ANSWER = "{\"greeting\":\"Hello, Ada!\"}".getBytes(StandardCharsets.UTF_8);

    private WarmInvokeBenchmark() {
    }

    public static void main(String[] args) {
        Path jar = sampleJar();
        System.out.printf("JDK %s, %d processors%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        long[] inProcess = inProcess();
        long[] bareNetty = bareNetty();
        long[] bareJdk = bareJdk();
        try (LambdaLocal lambda = LambdaLocal.start(0); LambdaClient client = SampleFunctions.client(lambda.endpoint())) {
            lambda.deploy(FunctionConfig.of("greeting", jar, SampleFunctions.GREETING));
            long[] sdk = throughSdk(client);
            System.out.printf("handler in-process        p50 %8.1f us  p99 %8.1f us%n", micros(inProcess, 50), micros(inProcess, 99));
            System.out.printf("SDK -> fixed-answer Netty p50 %8.1f us  p99 %8.1f us  (the SDK and loopback alone)%n",
                    micros(bareNetty, 50), micros(bareNetty, 99));
            System.out.printf("SDK -> fixed-answer JDK   p50 %8.1f us  p99 %8.1f us  (the same on the JDK's HttpServer)%n",
                    micros(bareJdk, 50), micros(bareJdk, 99));
            System.out.printf("SDK -> lambda-local       p50 %8.1f us  p99 %8.1f us%n", micros(sdk, 50), micros(sdk, 99));
            long[] inEnvironment = lambda.recentInvocations("greeting").stream()
                    .mapToLong(result -> result.duration().toNanos()).toArray();
            System.out.printf("  of which in the environment (event handed over -> answer), last %d: p50 %8.1f us%n",
                    inEnvironment.length, micros(inEnvironment, 50));
            System.out.printf("warm overhead             p50 %8.1f us  p99 %8.1f us  (%d invocations after %d warm-up)%n",
                    micros(sdk, 50) - micros(inProcess, 50), micros(sdk, 99) - micros(inProcess, 99), MEASURED, WARMUP);
            coldStarts(lambda, client, jar);
        }
    }

    private static long[] inProcess() {
        GreetingHandler handler = new GreetingHandler();
        Context context = new BenchmarkContext();
        long[] samples = new long[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long start = System.nanoTime();
            handler.handleRequest(new GreetingRequest("Ada"), context);
            if (i >= WARMUP) {
                samples[i - WARMUP] = System.nanoTime() - start;
            }
        }
        return samples;
    }

    /** The SDK against a minimal Netty server in this JVM, with lambda-local's event loops, answering at once. */
    private static long[] bareNetty() {
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        try {
            Channel listener = new ServerBootstrap().group(acceptor, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                    new FixedAnswer());
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0).syncUninterruptibly().channel();
            int port = ((InetSocketAddress) listener.localAddress()).getPort();
            try (LambdaClient client = SampleFunctions.client(URI.create("http://127.0.0.1:" + port))) {
                return throughSdk(client);
            }
        } finally {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Answers every request with {@link #ANSWER} on the event loop. */
    private static final class FixedAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(ANSWER));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setContentLength(response, ANSWER.length);
            ctx.writeAndFlush(response);
        }
    }

    /** The SDK against the JDK's HttpServer in this JVM (lambda-local's server before Netty), answering at once. */
    private static long[] bareJdk() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, ANSWER.length);
                exchange.getResponseBody().write(ANSWER);
            }
        });
        ExecutorService threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
        try (LambdaClient client = SampleFunctions.client(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            return throughSdk(client);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static long[] throughSdk(LambdaClient client) {
        InvokeRequest request = InvokeRequest.builder().functionName("greeting")
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")).build();
        long[] samples = new long[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long start = System.nanoTime();
            String answer = client.invoke(request).payload().asUtf8String();
            long took = System.nanoTime() - start;
            if (!answer.equals(new String(ANSWER, StandardCharsets.UTF_8))) {
                throw new IllegalStateException("Unexpected answer " + answer);
            }
            if (i >= WARMUP) {
                samples[i - WARMUP] = took;
            }
        }
        return samples;
    }

    private static void coldStarts(LambdaLocal lambda, LambdaClient client, Path jar) {
        long[] init = new long[COLD_STARTS];
        long[] firstInvoke = new long[COLD_STARTS];
        for (int i = 0; i < COLD_STARTS; i++) {
            String name = "minimal-" + i;
            lambda.deploy(FunctionConfig.of(name, jar, SampleFunctions.UPPERCASE));
            long start = System.nanoTime();
            client.invoke(builder -> builder.functionName(name).payload(SdkBytes.fromUtf8String("\"cold\"")));
            firstInvoke[i] = System.nanoTime() - start;
            List<InvocationResult> results = lambda.recentInvocations(name);
            init[i] = results.get(0).initDuration().toNanos();
            lambda.undeploy(name);
        }
        System.out.printf("cold start (init)         p50 %8.1f ms  max %8.1f ms  (%d fresh environments, UppercaseStreamHandler)%n",
                micros(init, 50) / 1000, Arrays.stream(init).max().orElse(0) / 1e6, COLD_STARTS);
        System.out.printf("first invoke, end to end  p50 %8.1f ms  max %8.1f ms%n",
                micros(firstInvoke, 50) / 1000, Arrays.stream(firstInvoke).max().orElse(0) / 1e6);
    }

    private static double micros(long[] samples, int percentile) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1000.0;
    }

    private static Path sampleJar() {
        for (String candidate : new String[] {System.getProperty("sample.functions.jar", ""),
                "target/test-functions/sample-functions.jar", "lambda-local/target/test-functions/sample-functions.jar"}) {
            if (!candidate.isEmpty() && Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("Sample functions jar not found; run the command in lambda-local/README.md "
                + "from the repository root");
    }

    /** The least a handler needs to run in-process. */
    private static final class BenchmarkContext implements Context {
        private final LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
            }

            @Override
            public void log(byte[] message) {
            }
        };

        @Override
        public String getAwsRequestId() {
            return "benchmark";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/benchmark";
        }

        @Override
        public String getLogStreamName() {
            return "benchmark";
        }

        @Override
        public String getFunctionName() {
            return "benchmark";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:benchmark";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 3000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 256;
        }

        @Override
        public LambdaLogger getLogger() {
            return logger;
        }
    }
}
