package dev.strangler.gateway.it;

import dev.strangler.gateway.it.ChaosReport.Rollback;
import dev.strangler.lambdalocal.LambdaLocal;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chaos run bounded in time: the fake monolith, lambda-local (in this JVM, on a fixed port so it can be stopped and
 * started again) and the packaged gateway as a process of its own; clients load a route with {@code fallback: true}
 * and a running rollout while, phase by phase, the function throws, is throttled, times out, lambda-local is stopped
 * with all its function processes and started again, and the monolith slows down and restarts. Run by
 * {@code bench/chaos.sh} and {@link ChaosIT}; must run in the module's folder (it starts {@code target/strangler-gateway.jar}).
 * Public only for the script, which launches {@link #main} by name.
 */
public final class ChaosRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROUTES = """
            version: 1
            routes:
              - id: chaos
                paths: ["/chaos/**"]
                target: {lambda: "chaos"}
                weight: 0
                fallback: true
            """;

    private final Path sampleJar;
    private final Duration phase;
    private final Duration hold;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Rollback> rollbacks = new ArrayList<>();
    private final List<String> faultPhases = new ArrayList<>();
    private ChaosReport.Window monolithDown = new ChaosReport.Window(0, 0);
    private FakeMonolith monolith;
    private LambdaLocal lambda;
    private GatewayProcess gateway;
    private ChaosLoad load;

    ChaosRun(Path sampleJar, Duration total, Duration hold) {
        if (!Files.isRegularFile(sampleJar)) {
            throw new IllegalStateException("sample function jar " + sampleJar + " is missing; build it with"
                    + " ./mvnw -pl strangler-gateway -am verify (or bench/chaos.sh), which copies it to target/it");
        }
        this.sampleJar = sampleJar;
        this.phase = Duration.ofMillis(Math.max(4000, total.toMillis() / 9));
        this.hold = hold;
    }

    /** Arguments: the sample function jar, the run's length in seconds (default 120), the rollout's hold time in seconds (default 20). */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/it/sample-functions.jar");
        Duration total = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 120);
        Duration hold = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
        ChaosReport report = new ChaosRun(jar, total, hold).run();
        System.out.println(report.table());
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }

    /** Starts everything, runs the phases, stops everything and returns the figures. */
    ChaosReport run() throws Exception {
        Path dir = Files.createTempDirectory("strangler-chaos");
        Path routes = dir.resolve("routes.yml");
        Files.writeString(routes, ROUTES);
        monolith = FakeMonolith.start();
        lambda = LambdaLocal.start(0);
        deploy(4);
        try {
            gateway = GatewayProcess.start("chaos", routes, monolith.uri(), lambda.endpoint(),
                    "--drain-delay", "0s", "--strangler.rollout.interval=200ms",
                    "--strangler.circuit-breaker.wait-in-open=2s", "--strangler.monolith.response-timeout=5s");
            gateway.awaitReady(http, Duration.ofSeconds(120));
            warmUp();
            load = new ChaosLoad(gateway.uri).clients(4, 20, new AtomicBoolean(true));
            phases();
            load.close();
            long inAudit = Files.readAllLines(dir.resolve("routes.yml.audit.log")).stream()
                    .filter(line -> line.contains("\"action\":\"rollout-rollback\"")).count();
            return new ChaosReport(List.copyOf(load.sent), rollbacks, (int) inAudit, faultPhases, hold,
                    monolithDown);
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            lambda.close();
            monolith.close();
        }
    }

    private void phases() throws Exception {
        ensureRollout();
        healthy("steady", () -> { });
        fault("function-throws", () -> load.faultHeaders(Map.of("x-sample-fail", "chaos: thrown on purpose")), () -> { });
        recover();
        AtomicBoolean crowd = new AtomicBoolean(true);
        fault("throttled", () -> {
            deploy(1);
            load.faultHeaders(Map.of("x-sample-sleep-ms", "200"));
            load.clients(6, 0, crowd);
        }, () -> {
            crowd.set(false);
            deploy(4);
        });
        recover();
        fault("function-times-out", () -> load.faultHeaders(Map.of("x-sample-sleep-ms", "3000")), () -> { });
        recover();
        int lambdaPort = lambda.endpoint().getPort();
        fault("lambda-local-killed", () -> lambda.close(), () -> {
            lambda = startLambda(lambdaPort);
            deploy(4);
        });
        recover();
        healthy("monolith-slow", () -> monolith.slowDown(Duration.ofSeconds(1)));
        monolith.slowDown(Duration.ZERO);
        int monolithPort = monolith.uri().getPort();
        load.phase(ChaosReport.MONOLITH_DOWN, Map.of());
        long down = System.currentTimeMillis();
        monolith.close();
        Thread.sleep(1000);
        monolith = FakeMonolith.start(monolithPort);
        monolithDown = new ChaosReport.Window(down, System.currentTimeMillis());
        Thread.sleep(1000);
        healthy("steady-end", () -> { });
    }

    private void healthy(String name, Step action) throws Exception {
        load.phase(name, Map.of());
        action.run();
        Thread.sleep(phase.toMillis());
    }

    /** Runs one fault: the rollout running, then the fault until the rollout rolls back (or its bound passes), then cleared. */
    private void fault(String name, Step inject, Step clear) throws Exception {
        faultPhases.add(name);
        load.phase(name, Map.of());
        Thread.sleep(1000);
        long faultAt = System.currentTimeMillis();
        inject.run();
        long until = faultAt + hold.toMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            JsonNode rollout = route().path("rollout");
            if ("rolled-back".equals(rollout.path("status").asString())) {
                rollbacks.add(new Rollback(name, faultAt, Instant.parse(rollout.get("since").asString()).toEpochMilli(),
                        Instant.parse(rollout.get("last").get("at").asString()).toEpochMilli()));
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(Math.max(0, faultAt + phase.toMillis() - System.currentTimeMillis()));
        clear.run();
        load.faultHeaders(Map.of());
    }

    /** The function healthy again: its environments warmed and a new rollout started (as an operator would retry). */
    private void recover() throws Exception {
        load.phase("recover", Map.of());
        warmUp();
        ensureRollout();
    }

    private void ensureRollout() throws Exception {
        if ("running".equals(route().path("rollout").path("status").asString())) {
            return;
        }
        HttpResponse<String> started = http.send(admin("/routes/chaos/rollout").header("X-Strangler-Actor", "chaos-run")
                .POST(HttpRequest.BodyPublishers.ofString("{steps: [50, 100], hold: " + hold.toSeconds() + "s,"
                        + " min-requests: 5, max-error-rate-increase: 10%}")).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 200) {
            throw new IllegalStateException("could not start the rollout: " + started.statusCode() + " " + started.body());
        }
    }

    private JsonNode route() throws Exception {
        HttpResponse<String> routes = http.send(admin("/routes").build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode route : JSON.readTree(routes.body()).get("routes")) {
            if (route.get("id").asString().equals("chaos")) {
                return route;
            }
        }
        throw new IllegalStateException("no route chaos in " + routes.body());
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(gateway.adminUri.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + GatewayProcess.TOKEN);
    }

    /** Until 4 requests at once, forced to the function, are all answered by it: its environments are up. */
    private void warmUp() throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            List<CompletableFuture<HttpResponse<Void>>> warm = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                warm.add(http.sendAsync(HttpRequest.newBuilder(gateway.uri.resolve("/chaos/warm-up"))
                        .header("x-strangler-side", "target").header("x-sample-sleep-ms", "300")
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()));
            }
            if (warm.stream().map(CompletableFuture::join).allMatch(r -> r.statusCode() == 200
                    && r.headers().firstValue("X-Strangler-Fallback").isEmpty())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the chaos function did not answer 4 requests at once within 60 s; see "
                + gateway.log + " and this run's output");
    }

    private void deploy(int concurrency) {
        lambda.deploy(FunctionConfig.parse("name=chaos,jar=" + sampleJar
                + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=2,concurrency=" + concurrency));
    }

    /** lambda-local again on the port the gateway knows, retried while the old listener's port is being released. */
    private static LambdaLocal startLambda(int port) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (true) {
            try {
                return LambdaLocal.start(port);
            } catch (RuntimeException e) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("lambda-local could not listen on port " + port + " again", e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** A step of a phase that may fail. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
