package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.StranglerGatewayApplication;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** The gateway in front of the real sample monolith (its packaged jar, as a process) and lambda-local. */
class SampleMonolithIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Process monolith;
    private static ConfigurableApplicationContext gateway;
    private static URI gatewayUri;
    private static TestEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of(System.getProperty("monolith.jar", "../legacy-sample-monolith/target/legacy-sample-monolith.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sample monolith jar " + jar.toAbsolutePath().normalize() + " is missing;"
                    + " build the monolith first: ./mvnw -pl legacy-sample-monolith package -DskipTests");
        }
        env = TestEnvironment.get();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("sample-monolith", ".log");
        monolith = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                // its database server on a free port: parallel builds must not fight over the default one
                "--acmeshop.db.tcp-port=0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI monolithUri = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                if (env.send(HttpRequest.newBuilder(monolithUri.resolve("/api/products"))).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (!monolith.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("sample monolith did not start; its log: " + log + "\n"
                        + String.join("\n", tail(Files.readAllLines(log), 30)));
            }
            Thread.sleep(500);
        }
        Path routes = Files.createTempFile("sample-routes", ".yml");
        Files.writeString(routes, """
                version: 1
                routes:
                  - id: product-by-id
                    paths: ["/api/products/{id}"]
                    methods: [GET]
                    target: {lambda: "echo"}
                    weight: 100
                    fallback: true
                """);
        gateway = new SpringApplicationBuilder(StranglerGatewayApplication.class).run(
                "--server.port=0", "--strangler.routes.file=" + routes, "--strangler.monolith.uri=" + monolithUri,
                "--strangler.lambda.endpoint=" + env.lambdaLocal.endpoint(), "--strangler.admin.port=0",
                "--strangler.admin.token=" + TestEnvironment.TOKEN, "--strangler.shutdown.drain-delay=0s");
        gatewayUri = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
    }

    @AfterAll
    static void stop() throws Exception {
        // the gateway context stays open until JVM exit: closing it would dispose Reactor Netty's global event loops,
        // which the shared TestEnvironment gateway of the other tests still runs on
        if (monolith != null) {
            monolith.destroy();
            monolith.waitFor();
        }
    }

    @Test
    void unmoved_routes_reach_the_real_monolith() throws Exception {
        HttpResponse<byte[]> response = env.send(HttpRequest.newBuilder(gatewayUri.resolve("/api/products")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).isArray()).isTrue();
        assertThat(JSON.readTree(response.body()).size()).isPositive();
    }

    @Test
    void moved_route_reaches_the_function_and_falls_back_to_the_real_monolith() throws Exception {
        HttpResponse<byte[]> moved = env.send(HttpRequest.newBuilder(gatewayUri.resolve("/api/products/1")));
        HttpResponse<byte[]> fallback = env.send(HttpRequest.newBuilder(gatewayUri.resolve("/api/products/1"))
                .header("x-sample-fail", "down"));

        assertThat(JSON.readTree(moved.body()).get("pathParameters").get("id").asString()).isEqualTo("1");
        assertThat(fallback.statusCode()).isEqualTo(200);
        assertThat(fallback.headers().firstValue("X-Strangler-Fallback")).contains("function_error");
        assertThat(new String(fallback.body(), StandardCharsets.UTF_8)).doesNotContain("rawPath").contains("\"id\":1");
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
