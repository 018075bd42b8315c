package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.strangler.gateway.cli.RoutesCommand;
import dev.strangler.gateway.web.RouteMetrics;
import dev.strangler.lambdalocal.execution.InvocationResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shadow traffic through the running gateway: copies to lambda-local's echo function and to an HTTP target. */
class ShadowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ListAppender<ILoggingEvent> SHADOW_LOG = new ListAppender<>();
    private static TestEnvironment env;
    private static RouteMetrics metrics;

    @BeforeAll
    static void start() throws Exception {
        env = TestEnvironment.get();
        metrics = env.gateway.getBean(RouteMetrics.class);
        SHADOW_LOG.start();
        ((Logger) LoggerFactory.getLogger("dev.strangler.gateway.shadow")).addAppender(SHADOW_LOG);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("dev.strangler.gateway.shadow")).detachAppender(SHADOW_LOG);
    }

    @Test
    void the_client_gets_the_monolith_answer_while_a_marked_copy_reaches_the_function_and_matches() throws Exception {
        long matches = figure("shadowed", "shadowMatches");
        String id = requestId();

        HttpResponse<byte[]> response = env.send(env.request("/shadowed/items/7?q=1").header("X-Request-Id", id));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).contains("monolith");
        JsonNode seenByMonolith = JSON.readTree(response.body());
        assertThat(seenByMonolith.get("path").asString()).isEqualTo("/shadowed/items/7");
        assertThat(seenByMonolith.get("headers").has("x-strangler-shadow")).isFalse();
        awaitFigure("shadowed", "shadowMatches", matches + 1);
        JsonNode event = eventOf(id);
        assertThat(event.get("rawPath").asString()).isEqualTo("/shadowed/items/7");
        assertThat(event.get("rawQueryString").asString()).isEqualTo("q=1");
        assertThat(event.get("headers").get("x-strangler-shadow").asString()).isEqualTo("true");
        assertThat(event.get("requestContext").get("requestId").asString()).isEqualTo(id);
        assertThat(event.get("headers").get("traceparent").asString())
                .isEqualTo(seenByMonolith.get("headers").get("traceparent").get(0).asString());
    }

    @Test
    void a_differing_status_counts_a_mismatch_and_logs_what_differed() throws Exception {
        long mismatches = figure("shadowed", "shadowMismatches");
        String id = requestId();

        HttpResponse<byte[]> response = env.send(env.request("/shadowed/x").header("X-Request-Id", id)
                .header("x-sample-status", "201"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).contains("monolith");
        awaitFigure("shadowed", "shadowMismatches", mismatches + 1);
        assertThat(SHADOW_LOG.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("route=shadowed", "request_id=" + id, "status=200/201", "status 200 vs 201"));
        assertThat(scrape()).containsPattern("strangler_shadow_requests_total\\{outcome=\"mismatch\",route=\"shadowed\"} [1-9]")
                .containsPattern("strangler_shadow_latency_seconds_count\\{route=\"shadowed\"} [1-9]");
    }

    @Test
    void a_failing_function_counts_an_error_and_the_client_still_gets_the_monolith_answer() throws Exception {
        long errors = figure("shadowed", "shadowErrors");

        HttpResponse<byte[]> response = env.send(env.request("/shadowed/fails").header("x-sample-fail", "boom"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).contains("monolith");
        assertThat(response.headers().firstValue("X-Strangler-Fallback")).isEmpty();
        awaitFigure("shadowed", "shadowErrors", errors + 1);
        assertThat(figure("shadowed", "targetErrors")).isZero();
    }

    @Test
    void unsafe_methods_are_copied_only_where_the_route_opts_in_with_the_body_intact_for_both() throws Exception {
        long shadowedBefore = copies("shadowed");
        long unsafeMatches = figure("shadowed-unsafe", "shadowMatches");
        String refused = requestId();
        String copied = requestId();
        String body = "{\"order\":42}";

        HttpResponse<byte[]> notCopied = env.send(env.request("/shadowed/orders").header("X-Request-Id", refused)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<byte[]> optedIn = env.send(env.request("/shadowed-unsafe/orders").header("X-Request-Id", copied)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(JSON.readTree(notCopied.body()).get("bodyLength").asLong()).isEqualTo(body.length());
        assertThat(JSON.readTree(optedIn.body()).get("bodyLength").asLong()).isEqualTo(body.length());
        assertThat(JSON.readTree(optedIn.body()).get("bodySha256").asString()).isEqualTo(sha256(body.getBytes(StandardCharsets.UTF_8)));
        awaitFigure("shadowed-unsafe", "shadowMatches", unsafeMatches + 1);
        assertThat(eventOf(copied).get("body").asString()).isEqualTo(body);
        assertThat(eventOf(copied).get("requestContext").get("http").get("method").asString()).isEqualTo("POST");
        Thread.sleep(300);
        assertThat(copies("shadowed")).isEqualTo(shadowedBefore);
        assertThat(payloads()).noneMatch(payload -> payload.contains(refused));
    }

    @Test
    void a_body_over_the_limit_or_of_unknown_length_is_not_copied_and_reaches_the_monolith_whole() throws Exception {
        long skipped = figure("shadowed-unsafe", "shadowSkipped");
        byte[] large = new byte[300 * 1024];
        new Random(5).nextBytes(large);

        HttpResponse<byte[]> sized = env.send(env.request("/shadowed-unsafe/upload")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)));
        HttpResponse<byte[]> chunked = env.send(env.request("/shadowed-unsafe/upload").POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000]))));

        assertThat(JSON.readTree(sized.body()).get("bodySha256").asString()).isEqualTo(sha256(large));
        assertThat(JSON.readTree(chunked.body()).get("bodyLength").asLong()).isEqualTo(1000);
        awaitFigure("shadowed-unsafe", "shadowSkipped", skipped + 2);
    }

    @Test
    void percent_0_copies_nothing() throws Exception {
        String id = requestId();

        HttpResponse<byte[]> response = env.send(env.request("/shadow-off/a").header("X-Request-Id", id));
        Thread.sleep(500);

        assertThat(response.headers().firstValue("X-Backend")).contains("monolith");
        assertThat(copies("shadow-off")).isZero();
        assertThat(payloads()).noneMatch(payload -> payload.contains(id));
    }

    @Test
    void copies_to_an_http_target_with_the_marker_header_and_the_client_request_id() throws Exception {
        long matches = figure("shadowed-service", "shadowMatches");
        String id = requestId();

        HttpResponse<byte[]> response = env.send(env.request("/shadowed-svc/page").header("X-Request-Id", id));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("path").asString()).isEqualTo("/shadowed-svc/page");
        awaitFigure("shadowed-service", "shadowMatches", matches + 1);
        List<Map<String, List<String>>> received = env.monolith.received(id);
        assertThat(received).hasSize(2);
        assertThat(received).filteredOn(headers -> headers.containsKey("x-strangler-shadow"))
                .singleElement().satisfies(headers -> assertThat(headers.get("x-strangler-shadow")).containsExactly("true"));
    }

    @Test
    void the_admin_api_and_the_cli_set_the_shadow_live_write_it_to_the_file_and_audit_it() throws Exception {
        HttpResponse<byte[]> invalid = env.send(env.admin("/routes/shadow-later/shadow")
                .POST(HttpRequest.BodyPublishers.ofString("{\"percent\":150}")));
        HttpResponse<byte[]> set = env.send(env.admin("/routes/shadow-later/shadow").header("X-Strangler-Actor", "it-shadow")
                .POST(HttpRequest.BodyPublishers.ofString("{\"percent\":100,\"ignoreHeaders\":[\"x-backend\",\"x-multi\"]}")));
        String file = Files.readString(env.routesFile);
        env.send(env.request("/shadow-later/a"));
        awaitFigure("shadow-later", "shadowMatches", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> cli = Map.of("STRANGLER_ADMIN_URL", env.adminUri.toString(),
                "STRANGLER_ADMIN_TOKEN", TestEnvironment.TOKEN, "USER", "cli-user");
        int listed = RoutesCommand.run(new String[] {"list"}, cli, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        String table = out.toString(StandardCharsets.UTF_8);
        int off = RoutesCommand.run(new String[] {"shadow", "shadow-later", "0"}, cli,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(new String(invalid.body(), StandardCharsets.UTF_8)).contains("shadow percent must be between 0 and 100, but was 150");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).get("shadow").get("percent").asInt()).isEqualTo(100);
        assertThat(file).contains("id: \"shadow-later\"")
                .contains("shadow: {percent: 100, unsafe-methods: false, ignore-headers: [\"x-backend\", \"x-multi\"],"
                        + " ignore-body-paths: [\"\"]}");
        assertThat(listed).isZero();
        assertThat(table.lines().findFirst().orElseThrow()).contains("SHADOW", "SHADOW MATCHES");
        assertThat(table).containsPattern("(?m)^shadow-later\\s.*100 %\\s+1/1 \\(100\\.0 %\\)");
        assertThat(off).isZero();
        assertThat(env.gateway.getBean(dev.strangler.gateway.routefile.RouteStore.class).table().find("shadow-later")
                .orElseThrow().shadow().percent()).isZero();
        List<String> audit = Files.readAllLines(env.routesFile.resolveSibling("routes.yml.audit.log"));
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("\"who\":\"it-shadow\"", "\"action\":\"shadow\"",
                "\"route\":\"shadow-later\"", "\"after\":{\"target\":\"lambda:echo\",\"weight\":0,\"shadowPercent\":100}"));
    }

    @Test
    void an_equal_json_body_with_keys_in_another_order_and_numbers_written_otherwise_matches() throws Exception {
        long matches = figure("shadow-bodies", "shadowMatches");

        HttpResponse<byte[]> response = env.send(env.request("/bodies/reordered"));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"x\",\"b\":{\"c\":2,\"d\":[1,2]}}");
        awaitFigure("shadow-bodies", "shadowMatches", matches + 1);
    }

    @Test
    void a_differing_field_mismatches_with_its_pointer_in_the_ring_of_the_admin_api_and_the_cli() throws Exception {
        long mismatches = figure("shadow-bodies", "shadowMismatches");
        String id = requestId();

        env.send(env.request("/bodies/differs?n=1").header("X-Request-Id", id));
        awaitFigure("shadow-bodies", "shadowMismatches", mismatches + 1);
        JsonNode route = routeView("shadow-bodies");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int listed = RoutesCommand.run(new String[] {"list", "--json"}, Map.of("STRANGLER_ADMIN_URL", env.adminUri.toString(),
                "STRANGLER_ADMIN_TOKEN", TestEnvironment.TOKEN), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(SHADOW_LOG.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("route=shadow-bodies", "request_id=" + id, "body /total"));
        JsonNode shadow = route.get("shadow");
        assertThat(shadow.get("matchRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(shadow.get("ignoreBodyPaths").toString()).isEqualTo("[\"/id\",\"/items/*/createdAt\"]");
        JsonNode last = shadow.get("recentDifferences").get(shadow.get("recentDifferences").size() - 1);
        assertThat(last.get("method").asString()).isEqualTo("GET");
        assertThat(last.get("path").asString()).isEqualTo("/bodies/differs?n=1");
        assertThat(last.get("differences").toString()).isEqualTo("[\"body /total\"]");
        assertThat(last.get("monolithBody").asString()).isEqualTo("{\"sku\":\"A\",\"total\":10}");
        assertThat(last.get("targetBody").asString()).isEqualTo("{\"sku\":\"A\",\"total\":11}");
        assertThat(listed).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"recentDifferences\"", "body /total");
    }

    @Test
    void differences_under_ignored_paths_match() throws Exception {
        long matches = figure("shadow-bodies", "shadowMatches");
        long mismatches = figure("shadow-bodies", "shadowMismatches");

        env.send(env.request("/bodies/ignored"));

        awaitFigure("shadow-bodies", "shadowMatches", matches + 1);
        assertThat(figure("shadow-bodies", "shadowMismatches")).isEqualTo(mismatches);
    }

    @Test
    void a_field_the_monolith_varies_itself_is_learned_as_noise_not_a_mismatch() throws Exception {
        long matches = figure("shadow-bodies", "shadowMatches");
        String id = requestId();

        env.send(env.request("/bodies/noisy").header("X-Request-Id", id));

        awaitFigure("shadow-bodies", "shadowMatches", matches + 1);
        assertThat(env.gateway.getBean(dev.strangler.gateway.web.ShadowTraffic.class).noiseOf("shadow-bodies"))
                .extracting(p -> p.text()).contains("/token");
        assertThat(env.monolith.received(id)).as("the client's request, the second monolith copy, the target's copy")
                .hasSize(3);
    }

    private static JsonNode routeView(String id) throws Exception {
        for (JsonNode route : JSON.readTree(env.send(env.admin("/routes")).body()).get("routes")) {
            if (route.get("id").asString().equals(id)) {
                return route;
            }
        }
        throw new AssertionError("the admin API lists no route " + id);
    }

    private static String requestId() {
        return "shadow-it-" + UUID.randomUUID();
    }

    private static long figure(String route, String name) {
        return metrics.figuresOf(route).get(name);
    }

    private static long copies(String route) {
        Map<String, Long> figures = metrics.figuresOf(route);
        return figures.get("shadowMatches") + figures.get("shadowMismatches") + figures.get("shadowErrors")
                + figures.get("shadowSkipped");
    }

    private static void awaitFigure(String route, String name, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (figure(route, name) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(figure(route, name)).as("%s of route %s: %s", name, route, metrics.figuresOf(route)).isGreaterThanOrEqualTo(atLeast);
    }

    private static List<String> payloads() {
        return env.lambdaLocal.recentInvocations("echo").stream()
                .map(InvocationResult::payload).map(p -> new String(p, StandardCharsets.UTF_8)).toList();
    }

    /** The event the echo function received for this request id (its answer's body echoes it). */
    private static JsonNode eventOf(String requestId) {
        for (String payload : payloads()) {
            JsonNode reply = JSON.readTree(payload);
            if (reply.has("body") && reply.get("body").asString().contains(requestId)) {
                return JSON.readTree(reply.get("body").asString());
            }
        }
        throw new AssertionError("the echo function saw no request " + requestId);
    }

    private static String scrape() throws Exception {
        return new String(env.send(env.admin("/metrics")).body(), StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
