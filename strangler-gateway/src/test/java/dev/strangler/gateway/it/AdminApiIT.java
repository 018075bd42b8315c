package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.strangler.gateway.cli.RoutesCommand;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdminApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = TestEnvironment.get();
    }

    @Test
    void refuses_requests_without_or_with_a_wrong_token() throws Exception {
        HttpResponse<byte[]> none = env.send(java.net.http.HttpRequest.newBuilder(env.adminUri.resolve("/routes")));
        HttpResponse<byte[]> wrong = env.send(java.net.http.HttpRequest.newBuilder(env.adminUri.resolve("/routes/zero/promote"))
                .header("Authorization", "Bearer " + TestEnvironment.TOKEN + "x").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> scrape = env.send(java.net.http.HttpRequest.newBuilder(env.adminUri.resolve("/metrics")));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(scrape.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void answers_the_health_probes_without_a_token_and_with_a_state_word_only() throws Exception {
        HttpResponse<byte[]> live = env.send(java.net.http.HttpRequest.newBuilder(env.adminUri.resolve("/health/live")));
        HttpResponse<byte[]> ready = env.send(java.net.http.HttpRequest.newBuilder(env.adminUri.resolve("/health/ready")));

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(new String(live.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\",\"state\":\"SERVING\"}");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new String(ready.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\",\"state\":\"SERVING\"}");
    }

    @Test
    void lists_routes_with_live_figures() throws Exception {
        env.send(env.request("/fn/items/figures"));

        HttpResponse<byte[]> response = env.send(env.admin("/routes"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = find(JSON.readTree(response.body()).get("routes"), "items");
        assertThat(items.get("target").asString()).isEqualTo("lambda:echo");
        assertThat(items.get("weight").asInt()).isEqualTo(100);
        assertThat(items.get("figures").get("targetRequests").asLong()).isPositive();
    }

    @Test
    void exposes_per_route_metrics_for_prometheus() throws Exception {
        env.send(env.request("/fn/items/metrics"));

        HttpResponse<byte[]> response = env.send(env.admin("/metrics"));

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("strangler_requests_seconds_bucket{route=\"items\",side=\"target\",status=\"2xx\"");
    }

    @Test
    void rejects_an_invalid_change_and_an_unknown_route_with_clear_messages() throws Exception {
        HttpResponse<byte[]> invalid = env.send(env.admin("/routes/zero").PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":150}")));
        HttpResponse<byte[]> unknown = env.send(env.admin("/routes/nope/rollback").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(new String(invalid.body(), StandardCharsets.UTF_8)).contains("weight must be between 0 and 100, but was 150");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("no route with id 'nope'");
        // 2^32 + 50 read as an int would be 50, a valid weight or percent
        HttpResponse<byte[]> hugeWeight = env.send(env.admin("/routes/zero").PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":4294967346}")));
        HttpResponse<byte[]> hugePercent = env.send(env.admin("/routes/zero/shadow").POST(HttpRequest.BodyPublishers.ofString("{\"percent\":4294967306}")));
        assertThat(hugeWeight.statusCode()).isEqualTo(400);
        assertThat(new String(hugeWeight.body(), StandardCharsets.UTF_8)).contains("weight must be a whole number 0-100");
        assertThat(hugePercent.statusCode()).isEqualTo(400);
        assertThat(new String(hugePercent.body(), StandardCharsets.UTF_8)).contains("shadow percent must be a whole number 0-100");
    }

    @Test
    void moves_traffic_live_under_load_without_failing_a_request_and_audits_each_change() throws Exception {
        Path audit = env.routesFile.resolveSibling("routes.yml.audit.log");
        int auditBefore = Files.exists(audit) ? Files.readAllLines(audit).size() : 0;
        // bring up all 4 function environments first: a cold start on a starved machine could outlast the invoke timeout
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> warm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            warm.add(env.http.sendAsync(env.request("/moving/warm").header("x-strangler-side", "target")
                    .header("x-sample-sleep-ms", "300").build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        warm.forEach(java.util.concurrent.CompletableFuture::join);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger onTarget = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<byte[]> r = env.send(env.request("/moving/item"));
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            onTarget.addAndGet(r.headers().firstValue("X-Backend").isEmpty() ? 1 : 0);
                        } else {
                            failures.add(r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            thread.start();
            load.add(thread);
        }

        Thread.sleep(500);
        HttpResponse<byte[]> set = env.send(env.admin("/routes/moving").header("X-Strangler-Actor", "it-test")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"target\":{\"lambda\":\"echo\"},\"weight\":50}")));
        Thread.sleep(700);
        HttpResponse<byte[]> promote = env.send(env.admin("/routes/moving/promote").POST(HttpRequest.BodyPublishers.noBody()));
        Thread.sleep(700);
        int targetAtFull = onTarget.get();
        HttpResponse<byte[]> rollback = env.send(env.admin("/routes/moving/rollback").POST(HttpRequest.BodyPublishers.noBody()));
        Thread.sleep(500);
        running.set(false);
        for (Thread thread : load) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(ok.get()).isGreaterThan(20);
        assertThat(targetAtFull).isPositive();
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(promote.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(promote.body()).get("weight").asInt()).isEqualTo(100);
        assertThat(rollback.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(rollback.body()).get("weight").asInt()).isEqualTo(0);
        assertThat(Files.readString(env.routesFile)).contains("id: \"moving\"").contains("weight: 0");
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(auditBefore + 3);
        assertThat(lines.get(auditBefore)).contains("\"who\":\"it-test\"").contains("\"action\":\"set\"")
                .contains("\"before\":{\"target\":\"lambda:echo\",\"weight\":0}").contains("\"after\":{\"target\":\"lambda:echo\",\"weight\":50}");
        assertThat(lines.get(auditBefore + 2)).contains("\"action\":\"rollback\"");
    }

    @Test
    void refuses_an_invalid_edit_of_the_file_and_keeps_the_last_good_table() throws Exception {
        synchronized (AdminApiIT.class) {
            String good = Files.readString(env.routesFile);
            try {
                Files.writeString(env.routesFile, good.replace("weight: 0\n", "weight: lots\n"));
                Thread.sleep(1200);

                HttpResponse<byte[]> list = env.send(env.admin("/routes"));
                HttpResponse<byte[]> stillRouted = env.send(env.request("/fn/items/still"));

                assertThat(JSON.readTree(list.body()).get("lastRefusal").asString()).contains("weight must be a whole number");
                assertThat(stillRouted.headers().firstValue("X-Backend")).isEmpty();
            } finally {
                Files.writeString(env.routesFile, good);
                Thread.sleep(1200);
            }
        }
    }

    @Test
    void routes_command_lists_and_changes_routes_through_the_api() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Map<String, String> environment = Map.of("STRANGLER_ADMIN_URL", env.adminUri.toString(),
                "STRANGLER_ADMIN_TOKEN", TestEnvironment.TOKEN, "USER", "cli-user");

        int list = RoutesCommand.run(new String[] {"list", "--json"}, environment, new java.io.PrintStream(out), new java.io.PrintStream(err));
        int set = RoutesCommand.run(new String[] {"set", "zero", "--lambda", "echo", "--weight", "0"}, environment,
                new java.io.PrintStream(out), new java.io.PrintStream(err));
        int unknown = RoutesCommand.run(new String[] {"promote", "nope"}, environment,
                new java.io.PrintStream(out), new java.io.PrintStream(err));
        int noToken = RoutesCommand.run(new String[] {"list"}, Map.of(), new java.io.PrintStream(out), new java.io.PrintStream(err));

        assertThat(list).isZero();
        assertThat(set).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"id\":\"items\"").contains("\"id\":\"zero\"");
        assertThat(unknown).isEqualTo(1);
        assertThat(noToken).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no route with id 'nope'").contains("missing admin token");
    }

    @Test
    void routes_command_lists_routes_as_a_table_with_their_live_figures() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Map<String, String> environment = Map.of("STRANGLER_ADMIN_URL", env.adminUri.toString(),
                "STRANGLER_ADMIN_TOKEN", TestEnvironment.TOKEN);

        int list = RoutesCommand.run(new String[] {"list"}, environment, new java.io.PrintStream(out),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()));

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(list).isZero();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("ROUTE").contains("TARGET", "WEIGHT", "FALLBACKS");
        assertThat(table).containsPattern("(?m)^items\\s+\\S+\\s+\\d+ %")
                .containsPattern("(?m)^\\(everything else\\)\\s+monolith")
                .contains("Route file: ");
    }

    private static JsonNode find(JsonNode routes, String id) {
        for (JsonNode route : routes) {
            if (route.get("id").asString().equals(id)) {
                return route;
            }
        }
        throw new AssertionError("no route " + id + " in " + routes);
    }
}
