package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.cli.RoutesCommand;
import dev.strangler.lambdalocal.execution.InvocationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routes with {@code invocation: event}: the real SDK hands the event to lambda-local (InvocationType Event), the client gets 202. */
class FireAndForgetIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = TestEnvironment.get();
    }

    @Test
    void answers_202_with_an_empty_body_and_the_request_id_and_the_function_runs_the_event() throws Exception {
        String path = "/events/orders/" + UUID.randomUUID();

        HttpResponse<byte[]> response = env.send(env.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\":7}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode event = awaitEvent(path);
        assertThat(event.get("requestContext").get("requestId").asString()).isEqualTo(requestId);
        assertThat(event.get("requestContext").get("http").get("method").asString()).isEqualTo("POST");
        assertThat(event.get("body").asString()).isEqualTo("{\"order\":7}");
    }

    @Test
    void does_not_wait_for_the_function() throws Exception {
        String path = "/events/slow/" + UUID.randomUUID();
        long start = System.nanoTime();

        HttpResponse<byte[]> response = env.send(env.request(path).header("x-sample-sleep-ms", "3000")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        long answeredAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(answeredAfter).as("answered after %d ms, while the function sleeps 3000 ms", answeredAfter).isLessThan(2500);
        assertThat(awaitEvent(path).get("rawPath").asString()).isEqualTo(path);
    }

    @Test
    void the_admin_api_and_routes_list_show_the_invocation() throws Exception {
        JsonNode routes = JSON.readTree(env.send(env.admin("/routes")).body()).get("routes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int listed = RoutesCommand.run(new String[] {"list"}, Map.of("STRANGLER_ADMIN_URL", env.adminUri.toString(),
                "STRANGLER_ADMIN_TOKEN", TestEnvironment.TOKEN), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(routes).filteredOn(r -> r.get("id").asString().equals("events"))
                .singleElement().satisfies(r -> assertThat(r.get("invocation").asString()).isEqualTo("event"));
        assertThat(routes).filteredOn(r -> r.get("id").asString().equals("items"))
                .singleElement().satisfies(r -> assertThat(r.get("invocation").asString()).isEqualTo("request-response"));
        assertThat(listed).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("events\\s+lambda:echo \\(event\\)");
    }

    /** The event the echo function ran for {@code path}, from lambda-local's record of its invocations (its reply echoes it). */
    private static JsonNode awaitEvent(String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> event = env.lambdaLocal.recentInvocations("echo").stream()
                    .map(InvocationResult::payload).map(p -> new String(p, StandardCharsets.UTF_8))
                    .filter(p -> p.contains(path))
                    .map(p -> JSON.readTree(JSON.readTree(p).get("body").asString()))
                    .findFirst();
            if (event.isPresent()) {
                return event.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("lambda-local ran no invocation of 'echo' for " + path + " within 20 s");
    }
}
