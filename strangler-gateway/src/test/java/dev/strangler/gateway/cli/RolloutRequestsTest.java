package dev.strangler.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutRequestsTest {

    private static final URI ADMIN = URI.create("http://127.0.0.1:8081");

    @TempDir
    Path dir;

    @Test
    void sends_the_plan_files_text_or_the_inline_plan_to_the_rollout_endpoint() throws Exception {
        Path plan = dir.resolve("plan.yml");
        Files.writeString(plan, "steps: [10, 100]\nhold: 5m\n");

        HttpRequest fromFile = RolloutRequests.request(List.of("rollout", "orders"), ADMIN, plan.toString()).build();
        HttpRequest inline = RolloutRequests.request(List.of("rollout", "orders"), ADMIN, "{steps: [10], hold: 1m}").build();
        HttpRequest abort = RolloutRequests.request(List.of("abort", "orders"), ADMIN, null).build();

        assertThat(fromFile.uri()).hasToString("http://127.0.0.1:8081/routes/orders/rollout");
        assertThat(fromFile.bodyPublisher().orElseThrow().contentLength()).isEqualTo("steps: [10, 100]\nhold: 5m\n".length());
        assertThat(inline.bodyPublisher().orElseThrow().contentLength()).isEqualTo("{steps: [10], hold: 1m}".length());
        assertThat(abort.uri()).hasToString("http://127.0.0.1:8081/routes/orders/rollout/abort");
        assertThat(abort.method()).isEqualTo("POST");
    }

    @Test
    void a_rollout_without_a_plan_or_a_pause_with_one_is_a_usage_error() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("STRANGLER_ADMIN_TOKEN", "0123456789abcdef");

        int noPlan = RoutesCommand.run(new String[] {"rollout", "orders"}, env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int planOnPause = RoutesCommand.run(new String[] {"pause", "orders", "--plan", "x"}, env,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(noPlan).isEqualTo(2);
        assertThat(planOnPause).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("'rollout' needs --plan FILE or --plan '{steps: [shadow, 10, 50, 100], hold: 5m}'")
                .contains("--plan belongs to 'rollout', not to 'pause'");
    }
}
