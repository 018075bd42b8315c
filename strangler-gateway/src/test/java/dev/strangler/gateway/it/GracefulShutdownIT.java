package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a packaged gateway under steady load, with a second instance taking the share it refuses: readiness
 * turns false at once, requests keep being answered during the drain delay, a Lambda invoke, a proxied request and a
 * shadow copy in flight when the signal arrives all finish, no request fails, and the process exits 0 in bounded time.
 */
class GracefulShutdownIT {

    private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);
    private static final String ROUTES = """
            version: 1
            routes:
              - id: items
                paths: ["/fn/items/{id}"]
                target: {lambda: "echo"}
                weight: 100
              - id: shadowed
                paths: ["/shadowed/**"]
                target: {lambda: "echo"}
                weight: 0
                shadow: {percent: 100}
            """;

    private static FakeMonolith monolith;
    private static LambdaLocal lambdaLocal;
    private static GatewayProcess draining;
    private static GatewayProcess other;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One request of the load: when it was sent, which instance answered, and what went wrong if anything did. */
    private record Outcome(long sentNanos, String path, boolean refusedByFirst, String failure) {
    }

    @BeforeAll
    static void start() throws Exception {
        monolith = FakeMonolith.start();
        lambdaLocal = LambdaLocal.start(0);
        Path jar = Path.of(System.getProperty("sample.functions.jar", "target/it/sample-functions.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sample function jar " + jar + " is missing; run the integration tests"
                    + " through Maven (./mvnw -pl strangler-gateway verify), which copies it there");
        }
        lambdaLocal.deploy(FunctionConfig.parse("name=echo,jar=" + jar
                + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=10,concurrency=16"));
        Path routes = Files.createTempDirectory("strangler-drain-it").resolve("routes.yml");
        Files.writeString(routes, ROUTES);
        String[] options = {"--drain-delay", DRAIN_DELAY.toMillis() + "ms", "--shutdown-timeout", "15s", "--event-loops", "2"};
        draining = GatewayProcess.start("draining", routes, monolith.uri(), lambdaLocal.endpoint(), options);
        other = GatewayProcess.start("other", routes, monolith.uri(), lambdaLocal.endpoint(), options);
        draining.awaitReady(http, Duration.ofMinutes(3));
        other.awaitReady(http, Duration.ofMinutes(3));
        for (GatewayProcess gateway : List.of(draining, other)) { // cold starts out of the way
            send(gateway.uri, "/fn/items/warm-up");
            send(gateway.uri, "/warm-up");
        }
        // environments enough for the load, the slow invoke and the shadow copy to run at once without a cold start
        List<CompletableFuture<HttpResponse<String>>> warming = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            warming.add(http.sendAsync(HttpRequest.newBuilder(draining.uri.resolve("/fn/items/warm-" + i))
                    .header("x-sample-sleep-ms", "1000").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(warming.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {draining, other, lambdaLocal, monolith}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + closeable + ": " + e);
            }
        }
    }

    @Test
    void drains_on_sigterm_under_load_with_no_failed_request_and_exits_0() throws Exception {
        AtomicBoolean stopLoad = new AtomicBoolean();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            Thread thread = new Thread(() -> load(client, stopLoad, outcomes), "load-" + c);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(1500);
        CompletableFuture<HttpResponse<String>> slowInvoke = http.sendAsync(HttpRequest.newBuilder(
                draining.uri.resolve("/fn/items/slow-invoke")).header("x-sample-sleep-ms", "6000")
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> slowProxy = http.sendAsync(HttpRequest.newBuilder(
                draining.uri.resolve("/monolith/slow?sleep-ms=6000")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> shadowed = http.send(HttpRequest.newBuilder(draining.uri.resolve("/shadowed/copy"))
                .header("x-sample-sleep-ms", "9000").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(shadowed.statusCode()).isEqualTo(200);
        awaitRunningInvocations(2); // the slow invoke and the shadow copy are in the function

        long signal = System.nanoTime();
        assertThat(draining.process.toHandle().destroy()).as("SIGTERM sent").isTrue();
        long notReady = awaitNotReady();
        boolean exited = draining.process.waitFor(30, TimeUnit.SECONDS);
        long exit = System.nanoTime();
        Thread.sleep(500); // the load goes on, on the other instance
        stopLoad.set(true);
        for (Thread client : clients) {
            client.join(15_000);
        }

        assertThat(exited).as("exited within 30 s of SIGTERM; log:\n" + draining.logTail()).isTrue();
        assertThat(draining.process.exitValue()).as("exit status; log:\n" + draining.logTail()).isZero();
        assertThat(Duration.ofNanos(notReady - signal)).as("readiness false after SIGTERM").isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(exit - signal)).as("SIGTERM to exit")
                .isBetween(DRAIN_DELAY, DRAIN_DELAY.plusSeconds(12));

        HttpResponse<String> invoke = slowInvoke.get(10, TimeUnit.SECONDS);
        assertThat(invoke.statusCode()).isEqualTo(200);
        assertThat(invoke.body()).contains("\"rawPath\":\"/fn/items/slow-invoke\"");
        HttpResponse<String> proxied = slowProxy.get(10, TimeUnit.SECONDS);
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).contains("\"path\":\"/monolith/slow\"");

        List<Outcome> all = List.copyOf(outcomes);
        assertThat(all.stream().filter(o -> o.failure() != null).toList()).as("failed requests of " + all.size()).isEmpty();
        long delayEnd = signal + DRAIN_DELAY.toNanos();
        List<Outcome> duringDelay = all.stream()
                .filter(o -> o.sentNanos() > signal && o.sentNanos() < delayEnd - Duration.ofMillis(250).toNanos()).toList();
        assertThat(duringDelay).as("requests sent during the drain delay").isNotEmpty()
                .allSatisfy(o -> assertThat(o.refusedByFirst()).as("%s refused during the delay", o.path()).isFalse());
        List<Outcome> refused = all.stream().filter(Outcome::refusedByFirst).toList();
        assertThat(refused).as("requests refused by the draining instance, answered by the other").isNotEmpty()
                .allSatisfy(o -> assertThat(o.sentNanos()).isGreaterThan(delayEnd - Duration.ofMillis(200).toNanos()));

        String log = draining.logText();
        // the slow invoke and the slow proxied request at least, and the shadow copy, when the server stopped accepting
        assertThat(log).containsPattern("in flight: requests=([2-9]|[1-9][0-9]+), shadow-copies=1")
                .contains("Drained: no work in flight");
        assertThat(other.readiness(http)).isEqualTo(200);
    }

    private static void load(int client, AtomicBoolean stop, ConcurrentLinkedQueue<Outcome> outcomes) {
        for (int n = 0; !stop.get(); n++) {
            String path = (n + client) % 2 == 0 ? "/fn/items/c" + client + "-" + n : "/monolith/c" + client + "-" + n;
            long sent = System.nanoTime();
            boolean refused = false;
            String failure;
            try {
                HttpResponse<String> response;
                try {
                    response = send(draining.uri, path);
                } catch (ConnectException e) {
                    refused = true; // as a load balancer would: the next instance gets it
                    response = send(other.uri, path);
                }
                failure = response.statusCode() == 200 && response.body().contains(path) ? null
                        : "status " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outcomes.add(new Outcome(sent, path, refused, failure));
        }
    }

    private static HttpResponse<String> send(URI gateway, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void awaitRunningInvocations(int atLeast) throws InterruptedException {
        // on a busy machine an invocation may first wait for a new environment's cold start
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (lambdaLocal.runningInvocations("echo") < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lambdaLocal.runningInvocations("echo")).as("invocations running").isGreaterThanOrEqualTo(atLeast);
    }

    private static long awaitNotReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (draining.readiness(http) == 503) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("readiness still not 503 five seconds after SIGTERM");
    }
}
