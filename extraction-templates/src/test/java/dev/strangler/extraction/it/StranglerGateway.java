package dev.strangler.extraction.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged strangler gateway ({@code strangler-gateway/target/strangler-gateway.jar}) as a child process on free
 * loopback ports, in front of the monolith, with the candidates' routes from the {@code routes-snippet.yml} files
 * {@code extract} generated, raised to weight 100. The snippets are used as generated but for two edits their own
 * comment asks for: the weight, and the {@code live} alias left out (lambda-local serves {@code $LATEST} only).
 */
public final class StranglerGateway implements AutoCloseable {
    /** The header the gateway sets when a failed function's GET was answered by the monolith instead. */
    public static final String FALLBACK_HEADER = "X-Strangler-Fallback";
    private static final String BUILD = "./mvnw -pl strangler-gateway -am package -DskipTests";
    private static final String QUALIFIER = ", qualifier: \"live\"";

    private final Process process;
    private final URI uri;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StranglerGateway(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /**
     * Starts the gateway and waits until it proxies a monolith route.
     *
     * @param work where the route file and the gateway's log go
     * @param snippets the generated {@code routes-snippet.yml} of each extracted project
     * @param readyPath a path only the monolith serves, answered 200 once the gateway is up
     */
    public static StranglerGateway start(Path work, List<Path> snippets, URI monolith, URI lambdaEndpoint,
            String readyPath) throws IOException, InterruptedException {
        Path jar = requireJar();
        Files.createDirectories(work);
        Path routes = work.resolve("routes.yml");
        Files.writeString(routes, routeFile(snippets));
        int port = freePort();
        Path log = work.resolve("gateway.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--routes", routes.toString(), "--monolith", monolith.toString(),
                "--lambda-endpoint", lambdaEndpoint.toString(), "--address", "127.0.0.1", "--port", String.valueOf(port),
                "--admin-port", String.valueOf(freePort()), "--admin-token", "extract-it-admin-token-0123456789",
                "--invoke-timeout", "180s", "--drain-delay", "0s");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        StranglerGateway gateway = new StranglerGateway(process, URI.create("http://127.0.0.1:" + port), log);
        gateway.awaitReady(readyPath);
        return gateway;
    }

    /** The packaged gateway; fails saying how to build it when it is missing (checked before the slow set-up). */
    public static Path requireJar() {
        Path jar = Path.of(System.getProperty("gateway.jar", "../strangler-gateway/target/strangler-gateway.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("strangler gateway jar " + jar.toAbsolutePath().normalize()
                    + " is missing; build it first: " + BUILD);
        }
        return jar;
    }

    /** One route file of the snippets' routes at weight 100, each snippet checked for the shape its comment promises. */
    static String routeFile(List<Path> snippets) throws IOException {
        StringBuilder file = new StringBuilder("version: 1\nroutes:\n");
        for (Path snippet : snippets) {
            String text = Files.readString(snippet);
            int routes = text.indexOf("\nroutes:\n");
            if (routes < 0 || !text.contains("weight: 0") || !text.contains(QUALIFIER)) {
                throw new IllegalStateException(snippet + " is not a route snippet with 'routes:', weight 0 and the 'live'"
                        + " qualifier, as extract writes it:\n" + text);
            }
            file.append(text.substring(routes + "\nroutes:\n".length())
                    .replace("weight: 0", "weight: 100").replace(QUALIFIER, ""));
        }
        return file.toString();
    }

    /** The answer of the gateway to one request; the tester header is not sent, so the route's weight decides. */
    public HttpResponse<String> send(String method, String pathAndQuery, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri + pathAndQuery))
                .timeout(Duration.ofMinutes(4))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri() {
        return uri;
    }

    /** The end of the gateway's log, for a failure message. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private void awaitReady(String readyPath) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                if (send("GET", readyPath, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the strangler gateway did not start; the end of its log " + log + ":\n"
                        + logTail());
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
