package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.cli.RoutesCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automated rollouts against the real gateway, lambda-local running the echo function and the fake monolith: the
 * scheduler judges every 200 ms, the plans hold each step 1 to 2 s.
 */
class RolloutIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = TestEnvironment.get();
        // bring up all 4 environments of each function first: a cold start on a busy machine can outlast the invoke
        // timeout, which a rollout rightly counts as an error
        for (String path : List.of("/rollout-good/warm", "/rollout-bad/warm")) {
            for (int round = 0; round < 5 && !warmedUp(path); round++) {
                Thread.sleep(500);
            }
        }
    }

    /** Whether 4 requests at once, forced to the target, were all answered by it. */
    private static boolean warmedUp(String path) {
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> warm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            warm.add(env.http.sendAsync(env.request(path).header("x-strangler-side", "target")
                    .header("x-sample-sleep-ms", "300").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        return warm.stream().map(java.util.concurrent.CompletableFuture::join).allMatch(r -> r.statusCode() == 200);
    }

    @Test
    void a_healthy_function_advances_through_every_step_to_completion() throws Exception {
        try (Load load = new Load("/rollout-good/items", Map.of())) {
            HttpResponse<byte[]> started = env.send(env.admin("/routes/rollout-good/rollout").header("X-Strangler-Actor", "it-test")
                    // a healthy function on a machine shared with other builds still sees the odd cold start or
                    // timeout: the thresholds let that pass (a failing function fails every request, see below)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"steps\": [\"shadow\", 10, 50, 100], \"hold\": \"1s\","
                            + " \"min-requests\": 10, \"max-error-rate-increase\": \"25%\", \"min-match-rate\": \"90%\"}")));
            assertThat(started.statusCode()).as(body(started)).isEqualTo(200);

            JsonNode route = awaitStatus("rollout-good", "completed", Duration.ofSeconds(60));

            assertThat(route.get("weight").asInt()).isEqualTo(100);
            assertThat(route.get("shadow").get("percent").asInt()).isZero();
            assertThat(route.get("rollout").get("last").get("decision").asString()).isEqualTo("complete");
            assertThat(load.failures.size()).as("failed requests: %s", load.failures).isLessThan(Math.max(1, load.ok.get() / 20));
        }
        List<String> audit = auditOf("rollout-good");
        assertThat(audit).extracting(RolloutIT::action).containsExactly("rollout-start", "rollout-advance",
                "rollout-advance", "rollout-advance", "rollout-complete");
        assertThat(audit).extracting(line -> JSON.readTree(line).get("after").get("weight").asInt())
                .containsExactly(0, 10, 50, 100, 100);
        assertThat(JSON.readTree(audit.get(0)).get("after").get("shadowPercent").asInt()).isEqualTo(100);
        JsonNode firstAdvance = JSON.readTree(audit.get(1));
        assertThat(firstAdvance.get("who").asString()).isEqualTo("rollout");
        assertThat(firstAdvance.get("after").get("rollout").get("figures").get("match-rate").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(firstAdvance.get("after").get("rollout").get("figures").get("target-requests").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(firstAdvance.get("after").get("rollout").get("reasons").toString()).contains("shadow match rate: ", "held 1s at step 1 of 4 (shadow)");
        assertThat(Files.readString(env.routesFile)).contains("status: completed");
        assertThat(scrape()).contains("strangler_rollout_decisions_total{decision=\"advance\",route=\"rollout-good\"} 3.0");
    }

    @Test
    void a_failing_function_is_rolled_back_in_its_shadow_step_within_the_hold_time() throws Exception {
        try (Load load = new Load("/rollout-bad/items", Map.of("x-sample-fail", "broken on purpose"))) {
            HttpResponse<byte[]> started = env.send(env.admin("/routes/rollout-bad/rollout")
                    .POST(HttpRequest.BodyPublishers.ofString("{steps: [shadow, 50, 100], hold: 3s, min-requests: 5,"
                            + " max-error-rate-increase: 1%}")));
            assertThat(started.statusCode()).as(body(started)).isEqualTo(200);

            JsonNode route = awaitStatus("rollout-bad", "rolled-back", Duration.ofSeconds(30));

            assertRolledBackWithinHold(route, Duration.ofSeconds(3));
            assertThat(route.get("rollout").get("stepLabel").asString()).isEqualTo("shadow");
            assertThat(route.get("rollout").get("last").get("reasons").get(0).asString())
                    .startsWith("error rate: target 100% (");
            assertThat(load.failures).isEmpty(); // the monolith answered every client
        }
    }

    @Test
    void a_failing_function_at_a_weight_step_is_rolled_back_while_fallbacks_answer_every_client() throws Exception {
        try (Load load = new Load("/rollout-fallback/items", Map.of("x-sample-fail", "broken on purpose"))) {
            HttpResponse<byte[]> started = env.send(env.admin("/routes/rollout-fallback/rollout")
                    .POST(HttpRequest.BodyPublishers.ofString("{steps: [50, 100], hold: 5s, min-requests: 5,"
                            + " max-error-rate-increase: 1%}")));
            assertThat(started.statusCode()).as(body(started)).isEqualTo(200);

            JsonNode route = awaitStatus("rollout-fallback", "rolled-back", Duration.ofSeconds(30));

            // each of the 3 clients waits for the failed invoke before the monolith answers (0.3 to 0.6 s in
            // lambda-local), so 5 failures take a few seconds; hence a longer hold than the other tests
            assertRolledBackWithinHold(route, Duration.ofSeconds(5));
            assertThat(route.get("rollout").get("last").get("figures").get("target-errors").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(load.failures).isEmpty();
            assertThat(load.ok.get()).isPositive();
        }
    }

    @Test
    void an_operator_starts_pauses_resumes_and_aborts_through_the_cli_and_the_api() throws Exception {
        Map<String, String> cli = Map.of("STRANGLER_ADMIN_URL", env.adminUri.toString(), "STRANGLER_ADMIN_TOKEN",
                TestEnvironment.TOKEN);
        Path plan = Files.createTempFile("rollout-plan", ".yml");
        Files.writeString(plan, "steps: [10, 50]\nhold: 1h\nmin-requests: 1\nmax-error-rate-increase: 1%\n");
        Cli invalid = cli(cli, "rollout", "rollout-manual", "--plan", "{steps: [10, fifty], hold: 1h}");

        Cli started = cli(cli, "rollout", "rollout-manual", "--plan", plan.toString(), "--actor", "it-cli");
        Cli paused = cli(cli, "pause", "rollout-manual", "--actor", "it-cli");
        String pausedFile = Files.readString(env.routesFile);
        HttpResponse<byte[]> resumed = env.send(env.admin("/routes/rollout-manual/rollout/resume").header("X-Strangler-Actor", "it-api")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> promote = env.send(env.admin("/routes/rollout-manual/promote").POST(HttpRequest.BodyPublishers.noBody()));
        Cli table = cli(cli, "list");
        Cli aborted = cli(cli, "abort", "rollout-manual", "--actor", "it-cli");
        Cli abortedAgain = cli(cli, "abort", "rollout-manual");
        Cli json = cli(cli, "list", "--json");

        assertThat(invalid.code).isEqualTo(1);
        assertThat(invalid.err).contains("a rollout step must be 'shadow' or a weight 1-100, but was 'fifty'");
        assertThat(started.code).as(started.err).isZero();
        assertThat(JSON.readTree(started.out).get("weight").asInt()).isEqualTo(10);
        assertThat(paused.code).as(paused.err).isZero();
        assertThat(pausedFile).contains("state: {step: 0, since: ", "paused: true, status: running}");
        assertThat(resumed.statusCode()).as(body(resumed)).isEqualTo(200);
        assertThat(JSON.readTree(resumed.body()).get("rollout").get("paused").asBoolean()).isFalse();
        assertThat(promote.statusCode()).isEqualTo(400);
        assertThat(body(promote)).contains("route 'rollout-manual' is in a rollout, at step 1 of 2 (10), which would undo"
                + " this change; pause it first");
        assertThat(table.out).containsPattern("rollout-manual .* 1/2 \\(10 %\\) running")
                .contains("Rollout rollout-manual: steps [10,50]; last resume at ");
        assertThat(aborted.code).as(aborted.err).isZero();
        assertThat(JSON.readTree(aborted.out).get("weight").asInt()).isZero();
        assertThat(abortedAgain.code).isEqualTo(1);
        assertThat(abortedAgain.err).contains("route 'rollout-manual' has no running rollout to abort (its rollout is aborted)");
        JsonNode listed = find(JSON.readTree(json.out).get("routes"), "rollout-manual");
        assertThat(listed.get("rollout").get("status").asString()).isEqualTo("aborted");
        assertThat(listed.get("rollout").get("last").get("reasons").get(0).asString()).isEqualTo("aborted by it-cli");
        List<String> audit = auditOf("rollout-manual");
        assertThat(audit).extracting(RolloutIT::action)
                .containsExactly("rollout-start", "rollout-pause", "rollout-resume", "rollout-abort");
        assertThat(audit).extracting(line -> JSON.readTree(line).get("who").asString())
                .containsExactly("it-cli", "it-cli", "it-api", "it-cli");
    }

    private static void assertRolledBackWithinHold(JsonNode route, Duration hold) {
        assertThat(route.get("weight").asInt()).isZero();
        assertThat(route.get("shadow").get("percent").asInt()).isZero();
        JsonNode rollout = route.get("rollout");
        assertThat(rollout.get("last").get("decision").asString()).isEqualTo("rollback");
        Duration took = Duration.between(Instant.parse(rollout.get("since").asString()),
                Instant.parse(rollout.get("last").get("at").asString()));
        assertThat(took).as("time from the step's start to the rollback").isLessThan(hold);
    }

    private static JsonNode awaitStatus(String id, String status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode route = null;
        while (Instant.now().isBefore(deadline)) {
            route = find(JSON.readTree(env.send(env.admin("/routes")).body()).get("routes"), id);
            if (status.equals(route.path("rollout").path("status").asString())) {
                return route;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("route " + id + " did not reach rollout status " + status + " within " + timeout
                + "; it is " + route);
    }

    private static List<String> auditOf(String id) throws Exception {
        Path audit = env.routesFile.resolveSibling("routes.yml.audit.log");
        return Files.readAllLines(audit).stream().filter(line -> line.contains("\"route\":\"" + id + "\"")).toList();
    }

    private static String action(String line) {
        return JSON.readTree(line).get("action").asString();
    }

    private static String scrape() throws Exception {
        return body(env.send(env.admin("/metrics")));
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode routes, String id) {
        for (JsonNode route : routes) {
            if (route.get("id").asString().equals(id)) {
                return route;
            }
        }
        throw new AssertionError("no route " + id + " in " + routes);
    }

    private static Cli cli(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RoutesCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Cli(int code, String out, String err) {
    }

    /** Three clients sending GETs to the route until closed; any answer but 200 is a failure. */
    private static final class Load implements AutoCloseable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger ok = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final List<Thread> threads = new ArrayList<>();

        Load(String path, Map<String, String> headers) {
            for (int t = 0; t < 3; t++) {
                int client = t;
                Thread thread = new Thread(() -> {
                    int n = 0;
                    while (running.get()) {
                        try {
                            HttpRequest.Builder request = env.request(path + "/" + client + "-" + n++);
                            headers.forEach(request::header);
                            HttpResponse<byte[]> r = env.send(request);
                            if (r.statusCode() == 200) {
                                ok.incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + body(r));
                            }
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
    }
}
