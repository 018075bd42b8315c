package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.web.AdminServer;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Circuit breakers per target and active health checks, against real servers: lambda-local running the echo function
 * (which fails on request, then recovers), a real HTTP service as URL target whose health and answers can be turned
 * bad, the fake monolith, and a gateway of its own with small breaker settings (4 calls, 50 %, 2 s open).
 */
class CircuitBreakerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "it-admin-token-0123456789";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static FakeMonolith monolith;
    private static LambdaLocal lambdaLocal;
    private static HttpServer service;
    private static final Map<String, Integer> healthStatus = new ConcurrentHashMap<>();
    private static final Map<String, Integer> answerStatus = new ConcurrentHashMap<>();
    private static ConfigurableApplicationContext gateway;
    private static URI gatewayUri;
    private static URI adminUri;

    @BeforeAll
    static void start() throws IOException {
        monolith = FakeMonolith.start();
        lambdaLocal = LambdaLocal.start(0);
        Path jar = Path.of(System.getProperty("sample.functions.jar", "target/it/sample-functions.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sample function jar " + jar + " is missing; run the integration tests"
                    + " through Maven (./mvnw -pl strangler-gateway verify), which copies it there");
        }
        lambdaLocal.deploy(FunctionConfig.parse("name=flaky,jar=" + jar
                + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=5,concurrency=4"));
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        service.setExecutor(Executors.newFixedThreadPool(4));
        service.createContext("/", CircuitBreakerIT::serve);
        service.start();
        URI serviceUri = URI.create("http://127.0.0.1:" + service.getAddress().getPort());
        Path routes = Files.createTempDirectory("strangler-breaker-it").resolve("routes.yml");
        Files.writeString(routes, """
                version: 1
                routes:
                  - id: fn
                    paths: ["/fn/**"]
                    target: {lambda: "flaky"}
                    weight: 100
                  - id: checked
                    paths: ["/checked/**"]
                    target: {url: "%1$s/checked-svc"}
                    weight: 100
                  - id: failing
                    paths: ["/failing/**"]
                    target: {url: "%1$s/failing-svc"}
                    weight: 100
                """.formatted(serviceUri));
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        gateway = new SpringApplicationBuilder(StranglerGatewayApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--strangler.routes.file=" + routes,
                "--strangler.monolith.uri=" + monolith.uri(), "--strangler.monolith.response-timeout=3s",
                "--strangler.lambda.endpoint=" + lambdaLocal.endpoint(), "--strangler.lambda.invoke-timeout=4s",
                "--strangler.admin.port=0", "--strangler.admin.token=" + TOKEN, "--strangler.shutdown.drain-delay=0s",
                "--strangler.circuit-breaker.sliding-window-size=4", "--strangler.circuit-breaker.minimum-number-of-calls=4",
                "--strangler.circuit-breaker.failure-rate-threshold=50", "--strangler.circuit-breaker.wait-in-open=2s",
                "--strangler.circuit-breaker.half-open-calls=1",
                "--strangler.health-check.path=/health", "--strangler.health-check.interval=200ms",
                "--strangler.health-check.timeout=500ms", "--strangler.health-check.unhealthy-after=2");
        gatewayUri = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
        adminUri = URI.create("http://127.0.0.1:" + gateway.getBean(AdminServer.class).port());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (service != null) {
            service.stop(0);
        }
        if (lambdaLocal != null) {
            lambdaLocal.close();
        }
        if (monolith != null) {
            monolith.close();
        }
    }

    @Test
    void a_failing_function_is_taken_out_for_safe_methods_then_probed_and_put_back_when_it_recovers() throws Exception {
        assertThat(send(get("/fn/warm-up")).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(send(get("/fn/" + i).header("x-sample-fail", "boom")).statusCode()).isEqualTo(502);
        }
        int invocationsWhenOpened = lambdaLocal.recentInvocations("flaky").size();

        HttpResponse<byte[]> safe = send(get("/fn/while-open"));
        HttpResponse<byte[]> unsafe = send(get("/fn/while-open").POST(HttpRequest.BodyPublishers.ofString("{}")));
        JsonNode circuit = circuitOf("fn");
        String metrics = new String(send(admin("/metrics")).body(), StandardCharsets.UTF_8);

        assertThat(safe.statusCode()).isEqualTo(200);
        assertThat(safe.headers().firstValue("X-Backend")).contains("monolith");
        assertThat(safe.headers().firstValue("X-Strangler-Fallback")).contains("circuit_open");
        assertThat(unsafe.statusCode()).isEqualTo(503);
        assertThat(unsafe.headers().firstValue("Retry-After")).contains("2");
        assertThat(new String(unsafe.body(), StandardCharsets.UTF_8)).contains("\"route\":\"fn\"").doesNotContain("boom");
        assertThat(lambdaLocal.recentInvocations("flaky")).hasSize(invocationsWhenOpened);
        assertThat(circuit.get("state").asString()).isEqualTo("open");
        assertThat(circuit.get("target").asString()).isEqualTo("lambda:flaky");
        assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"lambda:flaky\",state=\"open\"} 1\\.0");

        awaitState("fn", "half_open");
        HttpResponse<byte[]> probe = send(get("/fn/recovered"));

        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.headers().firstValue("X-Backend")).isEmpty();
        assertThat(JSON.readTree(probe.body()).get("rawPath").asString()).isEqualTo("/fn/recovered");
        assertThat(circuitOf("fn").get("state").asString()).isEqualTo("closed");
    }

    @Test
    void an_unhealthy_url_target_is_treated_like_an_open_breaker_until_its_health_check_passes_again() throws Exception {
        assertThat(send(get("/checked/a")).headers().firstValue("X-Backend")).contains("service");

        healthStatus.put("/checked-svc", 503);
        awaitHealthy("checked", false);
        HttpResponse<byte[]> safe = send(get("/checked/a"));
        HttpResponse<byte[]> unsafe = send(get("/checked/a").PUT(HttpRequest.BodyPublishers.ofString("x")));
        healthStatus.remove("/checked-svc");
        awaitHealthy("checked", true);
        HttpResponse<byte[]> back = send(get("/checked/a"));

        assertThat(safe.headers().firstValue("X-Backend")).contains("monolith");
        assertThat(safe.headers().firstValue("X-Strangler-Fallback")).contains("circuit_open");
        assertThat(unsafe.statusCode()).isEqualTo(503);
        assertThat(back.headers().firstValue("X-Backend")).contains("service");
        assertThat(new String(send(admin("/metrics")).body(), StandardCharsets.UTF_8))
                .contains("strangler_target_healthy{target=\"url:" + "http://127.0.0.1:" + service.getAddress().getPort()
                        + "/checked-svc\"} 1.0");
    }

    @Test
    void server_errors_of_a_url_target_open_its_breaker_and_a_passing_probe_closes_it() throws Exception {
        answerStatus.put("/failing-svc", 500);
        for (int i = 0; i < 4; i++) {
            assertThat(send(get("/failing/" + i)).statusCode()).isEqualTo(500);
        }

        HttpResponse<byte[]> whileOpen = send(get("/failing/x"));
        answerStatus.remove("/failing-svc");
        awaitState("failing", "half_open");
        HttpResponse<byte[]> probe = send(get("/failing/y"));

        assertThat(whileOpen.headers().firstValue("X-Backend")).contains("monolith");
        assertThat(whileOpen.headers().firstValue("X-Strangler-Fallback")).contains("circuit_open");
        assertThat(circuitOf("checked").get("state").asString()).isEqualTo("closed"); // breakers are per target
        assertThat(probe.headers().firstValue("X-Backend")).contains("service");
        assertThat(circuitOf("failing").get("state").asString()).isEqualTo("closed");
    }

    /** The URL target: {@code /<svc>/health} and every other path answer 200 unless turned to another status. */
    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String prefix = path.substring(0, Math.max(0, path.indexOf('/', 1)));
            Integer status = path.endsWith("/health") ? healthStatus.get(prefix) : answerStatus.get(prefix);
            byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("X-Backend", "service");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status == null ? 200 : status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static JsonNode circuitOf(String route) throws Exception {
        for (JsonNode node : JSON.readTree(send(admin("/routes")).body()).get("routes")) {
            if (node.get("id").asString().equals(route)) {
                return node.get("circuit");
            }
        }
        throw new AssertionError("no route " + route + " in GET /routes");
    }

    private static void awaitState(String route, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!circuitOf(route).get("state").asString().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(circuitOf(route).get("state").asString()).as("circuit of route %s", route).isEqualTo(state);
    }

    private static void awaitHealthy(String route, boolean healthy) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (circuitOf(route).get("healthy").asBoolean() != healthy && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(circuitOf(route).get("healthy").asBoolean()).as("health of route %s's target", route).isEqualTo(healthy);
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(gatewayUri.resolve(path));
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(adminUri.resolve(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
