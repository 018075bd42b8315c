package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.cli.RoutesCommand;
import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.web.AdminServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateway instances (two Spring contexts on ephemeral ports) on one shared route store in a real PostgreSQL
 * (embedded, started from a jar): a change made through one instance's admin API is served by the other within a
 * second, by notification alone (their polling interval is a minute) or, for an instance with notifications off, by
 * polling; two changes expecting the same version: one wins, the other gets 409 with the current version; a lost
 * notification connection is repaired; every change is in the audit table.
 */
class SharedRouteStoreIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "it-admin-token-0123456789";
    private static final String ROUTES = """
            version: 1
            routes:
              - id: moving
                paths: ["/moving/**"]
                target: {url: "%1$s"}
                weight: 0
              - id: contested
                paths: ["/contested/**"]
                target: {url: "%1$s"}
                weight: 0
              - id: polled
                paths: ["/polled/**"]
                target: {url: "%1$s"}
                weight: 0
              - id: repaired
                paths: ["/repaired/**"]
                target: {url: "%1$s"}
                weight: 0
              - id: audited
                paths: ["/audited/**"]
                target: {url: "%1$s"}
                weight: 0
              - id: by-hand
                paths: ["/by-hand/**"]
                target: {url: "%1$s"}
                weight: 0
            """;

    private static EmbeddedPostgres postgres;
    private static FakeMonolith monolith;
    private static String storeUrl;
    private static Path dir;
    private static Instance a;
    private static Instance b;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One gateway: its context, proxy and admin addresses. */
    private record Instance(ConfigurableApplicationContext context, URI uri, URI admin) {
        HttpRequest.Builder adminRequest(String path) {
            return HttpRequest.newBuilder(admin.resolve(path)).header("Authorization", "Bearer " + TOKEN)
                    .timeout(Duration.ofSeconds(20));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        postgres = StoreDatabase.startDatabase();
        storeUrl = StoreDatabase.url();
        monolith = FakeMonolith.start();
        dir = Files.createTempDirectory("strangler-route-store-it");
        Path routes = dir.resolve("routes.yml");
        Files.writeString(routes, ROUTES.formatted(monolith.uri() + "/service-base"));
        Cli seeded = cli("import", "--from", routes.toString(), "--store", storeUrl, "--reason", "first seeding");
        assertThat(seeded.exit()).as(seeded.err()).isZero();
        assertThat(seeded.err()).contains("6 routes: 6 added, 0 changed, 0 unchanged, 0 removed")
                .contains("schema version 1 (route_store) applied");
        assertThat(seeded.out()).as("stdout carries only results").isEmpty();
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        // a minute between polls: a change seen within a second came by notification
        a = gateway("--strangler.routes.reload-interval=60s");
        b = gateway("--strangler.routes.reload-interval=60s");
    }

    @AfterAll
    static void stop() throws IOException {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null) {
                instance.context().close();
            }
        }
        if (monolith != null) {
            monolith.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_change_through_one_instance_is_served_by_the_other_within_a_second() throws Exception {
        assertThat(pathServed(b, "/moving/x")).isEqualTo("/moving/x");
        long version = version(a, "moving");

        HttpResponse<String> changed = send(a.adminRequest("/routes/moving").header("If-Match", "\"" + version + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":100}")));
        long started = System.nanoTime();
        Duration seen = awaitServed(b, "/moving/x", "/service-base/moving/x", Duration.ofSeconds(5));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("version").asLong()).isEqualTo(version + 1);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"" + (version + 1) + "\"");
        assertThat(seen).as("from the change's answer until the other instance served it").isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(version(b, "moving")).isEqualTo(version + 1);
    }

    @Test
    void of_two_changes_expecting_the_same_version_exactly_one_wins_and_the_other_gets_409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long version = version(a, "contested");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                int roundNo = round;
                for (Instance instance : List.of(a, b)) {
                    int weight = instance == a ? 10 + roundNo : 50 + roundNo;
                    Callable<HttpResponse<String>> put = () -> {
                        go.await();
                        return send(instance.adminRequest("/routes/contested").header("If-Match", "\"" + version + "\"")
                                .header("X-Strangler-Actor", instance == a ? "ada" : "bob")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":" + weight + "}")));
                    };
                    answers.add(pool.submit(put));
                }
                go.countDown();
                HttpResponse<String> first = answers.get(0).get();
                HttpResponse<String> second = answers.get(1).get();

                assertThat(List.of(first.statusCode(), second.statusCode())).as(first.body() + " / " + second.body())
                        .containsExactlyInAnyOrder(200, 409);
                HttpResponse<String> winner = first.statusCode() == 200 ? first : second;
                HttpResponse<String> loser = first.statusCode() == 200 ? second : first;
                JsonNode problem = JSON.readTree(loser.body());
                assertThat(problem.get("currentVersion").asLong()).isEqualTo(version + 1);
                assertThat(problem.get("expectedVersion").asLong()).isEqualTo(version);
                assertThat(problem.get("detail").asString()).contains("route 'contested' is at version " + (version + 1));
                assertThat(loser.headers().firstValue("ETag")).hasValue("\"" + (version + 1) + "\"");
                int winningWeight = JSON.readTree(winner.body()).get("weight").asInt();
                // the loser's instance learns of the winner's change by notice; how fast is the first test's point,
                // here it is that both converge (one notice took 1.2 s at a load average of 14 on 2 cores)
                for (Instance instance : List.of(a, b)) {
                    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    while (route(instance, "contested").get("weight").asInt() != winningWeight && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(route(instance, "contested").get("weight").asInt()).isEqualTo(winningWeight);
                    assertThat(version(instance, "contested")).isEqualTo(version + 1);
                }
                assertThat(StoreDatabase.auditCount("contested", "set")).isEqualTo(round + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_instance_without_notifications_gets_a_change_by_polling_within_its_interval() throws Exception {
        Instance polling = gateway("--strangler.routes.reload-interval=250ms", "--strangler.routes.store.notifications=false");
        try {
            assertThat(pathServed(polling, "/polled/x")).isEqualTo("/polled/x");
            assertThat(StoreDatabase.listeners()).as("listening connections: a's and b's, none of the polling instance").isEqualTo(2);

            HttpResponse<String> changed = send(a.adminRequest("/routes/polled/promote").POST(HttpRequest.BodyPublishers.noBody()));
            Duration seen = awaitServed(polling, "/polled/x", "/service-base/polled/x", Duration.ofSeconds(5));

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(seen).isLessThan(Duration.ofSeconds(1));
        } finally {
            polling.context().close();
        }
    }

    @Test
    void a_lost_notification_connection_is_connected_again_and_catches_up() throws Exception {
        assertThat(StoreDatabase.terminateListeners()).isEqualTo(2);

        HttpResponse<String> changed = send(a.adminRequest("/routes/repaired").PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":100}")));
        Duration seen = awaitServed(b, "/repaired/x", "/service-base/repaired/x", Duration.ofSeconds(10));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(seen).as("the reconnect delay (200ms) plus catching up, with a minute between polls")
                .isLessThan(Duration.ofSeconds(3));
        StoreDatabase.awaitListeners(2, Duration.ofSeconds(5));
    }

    @Test
    void every_change_is_audited_with_who_when_before_after_and_why() throws Exception {
        long version = version(b, "audited");

        HttpResponse<String> changed = send(b.adminRequest("/routes/audited").header("X-Strangler-Actor", "ada")
                .header("X-Strangler-Reason", "canary for ticket 42").header("If-Match", "\"" + version + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":5}")));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        try (Connection c = StoreDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT who, action, reason, version_before, version_after, before, after, at"
                     + " FROM strangler_route_audit WHERE route_id = 'audited' ORDER BY seq")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("action")).isEqualTo("import");
            assertThat(rs.getString("reason")).isEqualTo("first seeding");
            assertThat(rs.getString("before")).isNull();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("who")).isEqualTo("ada");
            assertThat(rs.getString("action")).isEqualTo("set");
            assertThat(rs.getString("reason")).isEqualTo("canary for ticket 42");
            assertThat(rs.getLong("version_before")).isEqualTo(version);
            assertThat(rs.getLong("version_after")).isEqualTo(version + 1);
            assertThat(rs.getString("before")).contains("weight: 0");
            assertThat(rs.getString("after")).contains("weight: 5");
            assertThat(rs.getTimestamp("at")).isNotNull();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void the_cli_shows_versions_explains_a_conflict_and_exports_what_the_instances_serve() throws Exception {
        long version = version(a, "contested");

        Cli list = cli("list", "--admin", a.admin().toString(), "--token", TOKEN);
        Cli stale = cli("set", "contested", "--weight", "30", "--if-version", Long.toString(version - 1),
                "--admin", b.admin().toString(), "--token", TOKEN);
        Cli export = cli("export", "--store", storeUrl);
        Cli again = cli("import", "--from", dir.resolve("routes.yml").toString(), "--store", storeUrl);

        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("VERSION").contains("Route store: postgresql://localhost:" + postgres.getPort() + "/postgres");
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.err()).contains("conflict: route 'contested' was changed by someone else since you looked: it is at"
                + " version " + version + ", you expected " + (version - 1)).contains("--if-version " + version);
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(RouteFileReader.read(export.out(), "export").routes())
                .isEqualTo(a.context().getBean(dev.strangler.gateway.routefile.RouteStore.class).table().routes());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("holds 6 routes already; pass --replace");
    }

    @Test
    void an_invalid_row_written_by_hand_is_refused_by_every_instance_and_the_last_good_table_stays() throws Exception {
        String good = StoreDatabase.definition("by-hand");

        StoreDatabase.writeByHand("by-hand", good.replace("weight: 0", "weight: 150"));
        for (Instance instance : List.of(a, b)) {
            String refusal = awaitRefusal(instance, true);
            assertThat(refusal).contains("route 'by-hand': weight must be between 0 and 100, but was 150");
            assertThat(route(instance, "by-hand").get("weight").asInt()).isZero();
            assertThat(pathServed(instance, "/by-hand/x")).isEqualTo("/by-hand/x");
        }
        StoreDatabase.writeByHand("by-hand", good.replace("weight: 0", "weight: 100"));
        for (Instance instance : List.of(a, b)) {
            assertThat(awaitRefusal(instance, false)).isNull();
            assertThat(awaitServed(instance, "/by-hand/x", "/service-base/by-hand/x", Duration.ofSeconds(2)))
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    // --- helpers ---

    /** Waits up to a second for the instance's lastRefusal to be there (or gone); returns it. */
    private static String awaitRefusal(Instance instance, boolean present) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        JsonNode refusal = refusal(instance);
        while ((refusal == null) == present && System.nanoTime() < deadline) {
            Thread.sleep(20);
            refusal = refusal(instance);
        }
        assertThat(refusal != null).as("lastRefusal of " + instance.admin() + " within a second").isEqualTo(present);
        return refusal == null ? null : refusal.asString();
    }

    private static JsonNode refusal(Instance instance) throws Exception {
        HttpResponse<String> list = send(instance.adminRequest("/routes"));
        return JSON.readTree(list.body()).get("lastRefusal");
    }

    private static Instance gateway(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--strangler.routes.store.url=" + storeUrl, "--strangler.routes.store.user=postgres",
                "--strangler.routes.store.reconnect-delay=200ms",
                "--strangler.monolith.uri=" + monolith.uri(), "--strangler.lambda.endpoint=http://127.0.0.1:9",
                "--strangler.lambda.region=us-east-1",
                "--strangler.admin.port=0", "--strangler.admin.token=" + TOKEN, "--strangler.shutdown.drain-delay=0s"));
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StranglerGatewayApplication.class)
                .run(args.toArray(String[]::new));
        return new Instance(context, URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")),
                URI.create("http://127.0.0.1:" + context.getBean(AdminServer.class).port()));
    }

    /** Sends {@code path} to {@code instance} until the monolith says it got {@code expected}; returns how long it took. */
    private static Duration awaitServed(Instance instance, String path, String expected, Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        String served = pathServed(instance, path);
        while (!served.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            served = pathServed(instance, path);
        }
        assertThat(served).as("what " + instance.uri() + " served for " + path + " within " + limit).isEqualTo(expected);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The path the fake monolith received: {@code /moving/x} from the catch-all, {@code /service-base/...} from the route. */
    private static String pathServed(Instance instance, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(instance.uri().resolve(path)).timeout(Duration.ofSeconds(20)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("path").asString();
    }

    private static JsonNode route(Instance instance, String id) throws Exception {
        HttpResponse<String> list = send(instance.adminRequest("/routes"));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode route : JSON.readTree(list.body()).get("routes")) {
            if (route.get("id").asString().equals(id)) {
                return route;
            }
        }
        throw new AssertionError("no route " + id + " in " + list.body());
    }

    private static long version(Instance instance, String id) throws Exception {
        return route(instance, id).get("version").asLong();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RoutesCommand.run(args, Map.of("STRANGLER_ROUTES_STORE_USER", "postgres", "USER", "it"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
