package dev.strangler.gateway.bench;

import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.lambda.HttpApiEvents;
import dev.strangler.gateway.lambda.LambdaRequest;
import dev.strangler.gateway.lambda.SdkLambdaInvoker;
import dev.strangler.lambdalocal.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Run by {@code strangler-gateway/bench/lambda.sh}; args: function jar, requests per side.
 */
public final class LambdaOverheadBenchmark {

    private LambdaOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int requests = Integer.parseInt(args[1]);
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
                 SdkLambdaInvoker direct = SdkLambdaInvoker.create(lambdaLocal.endpoint(), null, Duration.ofSeconds(10), 8)) {
                URI url = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port") + "/fn/items/42");
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest get = HttpRequest.newBuilder(url).header("User-Agent", "bench").build();
                byte[] event = HttpApiEvents.toEvent(new LambdaRequest("GET", "/fn/items/42", "",
                        List.of(Map.entry("user-agent", "bench"), Map.entry("host", "127.0.0.1")), List.of(), new byte[0],
                        "127.0.0.1", "bench-1", "GET /fn/items/{id}", Map.of("id", "42"), System.currentTimeMillis(),
                        "HTTP/1.1", "127.0.0.1"), "2.0");
                long[] viaGateway = new long[requests];
                long[] viaSdk = new long[requests];
                int block = 100;
                for (int round = -3; round < requests / block; round++) { // three warm-up rounds are thrown away
                    for (int i = 0; i < block; i++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("gateway answered " + response.statusCode());
                        }
                        if (round >= 0) {
                            viaGateway[round * block + i] = took;
                        }
                    }
                    for (int i = 0; i < block; i++) {
                        long start = System.nanoTime();
                        var invocation = direct.invoke("echo", null, event).join();
                        long took = System.nanoTime() - start;
                        if (invocation.isFunctionError()) {
                            throw new IllegalStateException("direct invoke failed: " + invocation.functionError());
                        }
                        if (round >= 0) {
                            viaSdk[round * block + i] = took;
                        }
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

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
}
