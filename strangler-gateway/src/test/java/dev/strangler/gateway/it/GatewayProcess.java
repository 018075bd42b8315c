package dev.strangler.gateway.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged gateway ({@code target/strangler-gateway.jar}) running as a JVM process of its own, as in production,
 * so that a real SIGTERM reaches it. Its output goes to a file under {@code target/}.
 */
final class GatewayProcess implements AutoCloseable {

    static final String TOKEN = "it-admin-token-0123456789";
    private static final Path JAR = Path.of("target/strangler-gateway.jar");

    final Process process;
    final URI uri;
    final URI adminUri;
    final Path log;

    private GatewayProcess(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.uri = URI.create("http://127.0.0.1:" + port);
        this.adminUri = URI.create("http://127.0.0.1:" + adminPort);
        this.log = log;
    }

    /** Starts the jar with the launcher's options plus {@code extra}; does not wait for it to be ready. */
    static GatewayProcess start(String name, Path routes, URI monolith, URI lambdaEndpoint, String... extra) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the integration tests through Maven"
                    + " (./mvnw -pl strangler-gateway verify), which packages it before they run");
        }
        int port = freePort();
        int adminPort = freePort();
        Path log = Path.of("target", "failsafe-reports", "gateway-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString(),
                "--routes", routes.toString(), "--monolith", monolith.toString(),
                "--lambda-endpoint", lambdaEndpoint.toString(), "--invoke-timeout", "10s",
                "--port", Integer.toString(port), "--admin-port", Integer.toString(adminPort), "--admin-token", TOKEN));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        return new GatewayProcess(builder.start(), port, adminPort, log);
    }

    /** Waits until {@code GET /health/ready} answers 200; fails with the end of its log if it exits or takes too long. */
    void awaitReady(HttpClient http, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            if (readiness(http) == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gateway not ready within " + limit + ":\n" + logTail());
    }

    /** The status of {@code GET /health/ready}, or -1 when the admin port does not answer. */
    int readiness(HttpClient http) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(adminUri.resolve("/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    String logTail() throws IOException {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
