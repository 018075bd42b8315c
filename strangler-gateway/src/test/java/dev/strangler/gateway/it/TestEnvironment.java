package dev.strangler.gateway.it;

import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.web.AdminServer;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One set of real servers shared by the integration tests of this JVM: the fake monolith, lambda-local running the
 * sample function jar, and the gateway in front of both. Started on first use, stopped at JVM exit.
 */
final class TestEnvironment {

    static final String TOKEN = "it-admin-token-0123456789";
    static final String ROUTES = """
            version: 1
            routes:
              - id: items
                paths: ["/fn/items", "/fn/items/{id}"]
                target: {lambda: "echo"}
                weight: 100
              - id: items-safe
                paths: ["/safe/**"]
                target: {lambda: "echo"}
                weight: 100
                fallback: true
              - id: half
                paths: ["/half/**"]
                target: {lambda: "echo"}
                weight: 50
                sticky-by: "header:x-user"
              - id: zero
                paths: ["/zero/**"]
                target: {lambda: "echo"}
                weight: 0
              - id: upper
                paths: ["/upper"]
                target: {lambda: "upper"}
                weight: 100
              - id: narrow
                paths: ["/narrow/**"]
                methods: [GET, POST]
                target: {lambda: "narrow"}
                weight: 100
              - id: narrow-safe
                paths: ["/narrow-safe/**"]
                target: {lambda: "narrow"}
                weight: 100
                fallback: true
              - id: moving
                paths: ["/moving/**"]
                target: {lambda: "echo"}
                weight: 0
              - id: events
                paths: ["/events/**"]
                target: {lambda: "echo"}
                weight: 100
                invocation: event
              - id: service
                paths: ["/svc/**"]
                target: {url: "%1$s"}
                weight: 100
              - id: shadowed
                paths: ["/shadowed/**"]
                target: {lambda: "echo"}
                weight: 0
                shadow: {percent: 100, ignore-headers: [x-backend, x-multi], ignore-body-paths: [""]}
              - id: shadowed-unsafe
                paths: ["/shadowed-unsafe/**"]
                target: {lambda: "echo"}
                weight: 0
                shadow: {percent: 100, unsafe-methods: true, ignore-headers: [x-backend, x-multi], ignore-body-paths: [""]}
              - id: shadow-off
                paths: ["/shadow-off/**"]
                target: {lambda: "echo"}
                weight: 0
                shadow: {percent: 0, ignore-headers: [x-backend, x-multi]}
              - id: shadow-later
                paths: ["/shadow-later/**"]
                target: {lambda: "echo"}
                weight: 0
                shadow: {percent: 0, ignore-body-paths: [""]}
              - id: shadowed-service
                paths: ["/shadowed-svc/**"]
                target: {url: "%1$s"}
                weight: 0
                shadow: {percent: 100, ignore-body-paths: [/path, /headers]}
              - id: shadow-bodies
                paths: ["/bodies/**"]
                target: {url: "%1$s"}
                weight: 0
                shadow: {percent: 100, ignore-body-paths: [/id, "/items/*/createdAt"], noise-sample-percent: 100}
              - id: rollout-good
                paths: ["/rollout-good/**"]
                target: {lambda: "echo"}
                weight: 0
                shadow: {percent: 0, ignore-headers: [x-backend, x-multi], ignore-body-paths: [""]}
              - id: rollout-bad
                paths: ["/rollout-bad/**"]
                target: {lambda: "failing"}
                weight: 0
                shadow: {percent: 0, ignore-headers: [x-backend, x-multi], ignore-body-paths: [""]}
              - id: rollout-fallback
                paths: ["/rollout-fallback/**"]
                target: {lambda: "failing"}
                weight: 0
                fallback: true
              - id: rollout-manual
                paths: ["/rollout-manual/**"]
                target: {lambda: "echo"}
                weight: 0
            """;

    private static TestEnvironment instance;

    final FakeMonolith monolith;
    final LambdaLocal lambdaLocal;
    final ConfigurableApplicationContext gateway;
    final Path routesFile;
    final URI gatewayUri;
    final URI adminUri;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestEnvironment() throws IOException {
        monolith = FakeMonolith.start();
        lambdaLocal = LambdaLocal.start(0);
        Path jar = Path.of(System.getProperty("sample.functions.jar", "target/it/sample-functions.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sample function jar " + jar + " is missing; run the integration tests"
                    + " through Maven (./mvnw -pl strangler-gateway verify), which copies it there");
        }
        lambdaLocal.deploy(FunctionConfig.parse("name=echo,jar=" + jar
                + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=5,concurrency=4"));
        lambdaLocal.deploy(FunctionConfig.parse("name=upper,jar=" + jar
                + ",handler=dev.strangler.samples.UppercaseStreamHandler::handleRequest,timeout=5,concurrency=1"));
        // the echo handler again, for the rollout tests that make it throw, so echo's own environments stay warm
        lambdaLocal.deploy(FunctionConfig.parse("name=failing,jar=" + jar
                + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=5,concurrency=4"));
        lambdaLocal.deploy(FunctionConfig.parse("name=narrow,jar=" + jar
                + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=5,concurrency=1"));
        Path dir = Files.createTempDirectory("strangler-gateway-it");
        routesFile = dir.resolve("routes.yml");
        Files.writeString(routesFile, ROUTES.formatted(monolith.uri() + "/service-base"));
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        gateway = new SpringApplicationBuilder(StranglerGatewayApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--strangler.routes.file=" + routesFile, "--strangler.routes.reload-interval=200ms",
                "--strangler.monolith.uri=" + monolith.uri(), "--strangler.monolith.response-timeout=3s",
                "--strangler.lambda.endpoint=" + lambdaLocal.endpoint(), "--strangler.lambda.invoke-timeout=4s",
                "--strangler.admin.port=0", "--strangler.admin.token=" + TOKEN, "--strangler.shutdown.drain-delay=0s",
                "--logging.level.dev.strangler.gateway.shadow=DEBUG", "--strangler.rollout.interval=200ms");
        gatewayUri = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
        adminUri = URI.create("http://127.0.0.1:" + gateway.getBean(AdminServer.class).port());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        try {
            // the first request and each function's cold start pay for initialisation; keep them out of the timings
            send(request("/warm-up"));
            send(request("/fn/items/warm-up"));
            send(request("/upper"));
            send(request("/narrow/warm-up"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static synchronized TestEnvironment get() throws IOException {
        if (instance == null) {
            instance = new TestEnvironment();
        }
        return instance;
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(gatewayUri.resolve(pathAndQuery));
    }

    HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(adminUri.resolve(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private void close() {
        gateway.close();
        lambdaLocal.close();
        monolith.close();
    }

    /** What {@code in} gives up to and including {@code marker} (one byte at a time), or until it ends. */
    static String readUntil(java.io.InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (seen.indexOf(marker) < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.append((char) b);
        }
        return seen.toString();
    }
}
