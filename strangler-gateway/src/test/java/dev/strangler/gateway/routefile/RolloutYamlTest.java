package dev.strangler.gateway.routefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutStatus;
import dev.strangler.gateway.rollout.RolloutStep;
import dev.strangler.gateway.routing.RouteTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RolloutYamlTest {

    private static final String ROUTES = """
            version: 1
            routes:
              - id: orders
                paths: ["/api/orders"]
                target: {lambda: "orders-fn"}
                weight: 10
                rollout:
                  steps: [shadow, 10, 50, 100]
                  hold: [1m, 5m, 5m, 30m]
                  min-requests: 50
                  max-error-rate-increase: 1%
                  max-p99-ratio: 1.5
                  min-match-rate: 99.5%
                  shadow-percent: 25
                  state: {step: 1, since: "2026-12-07T05:00:00Z", paused: true, status: running}
                  last:
                    decision: "advance"
                    at: "2026-12-07T05:00:00Z"
                    reasons: ["shadow match rate: 100% (60 of 60), at least 99.5%", "held 1m at step 1 of 4 (shadow)"]
                    figures: {match-rate: 1, target-requests: 60, monolith-p99-ms: 3.0844}
              - id: carts
                paths: ["/api/carts"]
                target: {url: "http://127.0.0.1:9000"}
                weight: 0
                rollout: {steps: [50, 100], hold: 90s}
            """;

    @Test
    void reads_a_plan_with_its_state_and_writes_it_back_unchanged() {
        RouteTable table = RouteFileReader.read(ROUTES, "routes.yml");
        String written = RouteFileWriter.toYaml(table);

        Rollout orders = table.find("orders").orElseThrow().rollout();
        assertThat(orders.plan()).isEqualTo(new RolloutPlan(List.of(new RolloutStep.Shadowing(), new RolloutStep.Weight(10),
                new RolloutStep.Weight(50), new RolloutStep.Weight(100)), List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofMinutes(30)), 50, 0.01, 1.5, 0.995, 25));
        assertThat(orders.state()).isEqualTo(new RolloutState(1, Instant.parse("2026-12-07T05:00:00Z"), true,
                RolloutStatus.RUNNING, new LastDecision("advance", Instant.parse("2026-12-07T05:00:00Z"),
                List.of("shadow match rate: 100% (60 of 60), at least 99.5%", "held 1m at step 1 of 4 (shadow)"),
                new TreeMap<>(Map.of("match-rate", 1.0, "target-requests", 60.0, "monolith-p99-ms", 3.0844)))));
        Rollout carts = table.find("carts").orElseThrow().rollout();
        assertThat(carts.isPending()).isTrue();
        assertThat(carts.plan().minRequests()).isEqualTo(RolloutPlan.DEFAULT_MIN_REQUESTS);
        assertThat(carts.plan().maxErrorRateIncrease()).isNull();
        assertThat(RouteFileReader.read(written, "written")).isEqualTo(table);
        assertThat(written).contains("""
                    rollout:
                      steps: [shadow, 10, 50, 100]
                      hold: [1m, 5m, 5m, 30m]
                      min-requests: 50
                      max-error-rate-increase: 1%
                      max-p99-ratio: 1.5
                      min-match-rate: 99.5%
                      shadow-percent: 25
                      state: {step: 1, since: "2026-12-07T05:00:00Z", paused: true, status: running}
                """).contains("figures: {match-rate: 1, monolith-p99-ms: 3.0844, target-requests: 60}");
    }

    @Test
    void lists_every_problem_of_a_rollout_block_with_its_line() {
        String yaml = """
                version: 1
                routes:
                  - id: orders
                    paths: ["/api/orders"]
                    target: {lambda: "orders-fn"}
                    rollout:
                      steps: [shadow, 10, fifty]
                      hold: 5 minutes
                      max-error-rate-increase: 0.01
                      max-p99: 2
                  - id: carts
                    paths: ["/api/carts"]
                    target: {lambda: "carts-fn"}
                    rollout: {steps: [50, 10], hold: 1m}
                  - id: users
                    paths: ["/api/users"]
                    target: monolith
                    rollout: {steps: [10], hold: 1m}
                """;

        assertThatThrownBy(() -> RouteFileReader.read(yaml, "routes.yml"))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("routes.yml:10: route 'orders': unknown key 'max-p99'")
                .hasMessageContaining("routes.yml:7: route 'orders': a rollout step must be 'shadow' or a weight 1-100, but was 'fifty'")
                .hasMessageContaining("routes.yml:8: route 'orders': a hold time must be a whole number with ms, s, m or h, like 30s or 5m, but was '5 minutes'")
                .hasMessageContaining("routes.yml:9: route 'orders': max-error-rate-increase must be a percentage like 1% or 99.5%, but was '0.01'")
                .hasMessageContaining("routes.yml:14: route 'carts': rollout: rollout weights must increase step by step, but [50, 10] does not")
                .hasMessageContaining("route 'users': route 'users' has a rollout to run, but its target is the monolith");
    }

    @Test
    void reads_a_plan_given_to_the_admin_api_as_json_or_yaml_and_refuses_state() {
        RolloutPlan fromJson = RolloutYaml.readPlan("{\"steps\": [\"shadow\", 10, 100], \"hold\": \"2s\", \"min-match-rate\": \"99%\"}",
                "rollout plan", "orders");
        RolloutPlan fromYaml = RolloutYaml.readPlan("steps: [shadow, 10, 100]\nhold: 2s\nmin-match-rate: 99%\n", "plan", "orders");

        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(fromJson.hold(2)).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> RolloutYaml.readPlan("{steps: [10], hold: 1s, state: {step: 0}}", "rollout plan", "orders"))
                .hasMessageContaining("rollout plan:1: route 'orders': unknown key 'state'");
        assertThatThrownBy(() -> RolloutYaml.readPlan("[10, 50]", "rollout plan", "orders"))
                .hasMessageContaining("the rollout plan must be a mapping like {steps: [shadow, 10, 50, 100], hold: 5m}");
    }
}
