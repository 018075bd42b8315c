package dev.strangler.gateway.autopilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.rollout.Decision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutStatus;
import dev.strangler.gateway.routefile.AuditLog;
import dev.strangler.gateway.routefile.RolloutYaml;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutChangesTest {

    private static final String ROUTES = """
            version: 1
            routes:
              - id: orders
                paths: ["/api/orders"]
                target: {lambda: "orders-fn"}
                weight: 0
                shadow: {percent: 0, ignore-headers: [x-backend]}
              - id: carts
                paths: ["/api/carts"]
                target: monolith
            """;
    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_started_rollout_survives_a_restart_and_each_decision_is_audited_with_its_figures() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        AuditLog audit = new AuditLog(dir.resolve("audit.log"));
        RouteStore store = RouteStore.open(file, audit, Clock.fixed(T0, ZoneOffset.UTC));
        var plan = RolloutYaml.readPlan("{steps: [shadow, 10, 100], hold: 2s, min-match-rate: 99%}", "plan", "orders");

        Route started = store.change("orders", "ada", "rollout-start", r -> RolloutChanges.start(r, plan, T0, "ada"));
        Decision.Advance advance = new Decision.Advance(1, List.of("held 2s at step 1 of 3 (shadow)"),
                new TreeMap<>(Map.of("match-rate", 1.0, "target-requests", 25.0)));
        store.change("orders", RolloutScheduler.ACTOR, "rollout-advance",
                r -> RolloutChanges.advance(r, advance, T0.plusSeconds(2)));
        store.change("orders", "bob", "rollout-pause", r -> RolloutChanges.pause(r, T0.plusSeconds(3), "bob"));
        RouteStore reopened = RouteStore.open(file, audit, Clock.systemUTC());

        assertThat(started.weight()).isZero();
        assertThat(started.shadow().percent()).isEqualTo(100);
        Route after = reopened.table().find("orders").orElseThrow();
        assertThat(after).isEqualTo(store.table().find("orders").orElseThrow());
        assertThat(after.weight()).isEqualTo(10);
        assertThat(after.shadow().percent()).isZero();
        assertThat(after.shadow().ignoreHeaders()).containsExactly("x-backend");
        Rollout rollout = after.rollout();
        assertThat(rollout.state().step()).isEqualTo(1);
        assertThat(rollout.state().since()).isEqualTo(T0.plusSeconds(2));
        assertThat(rollout.state().paused()).isTrue();
        List<String> lines = Files.readAllLines(dir.resolve("audit.log"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("\"who\":\"rollout\",\"action\":\"rollout-advance\"")
                .contains("\"after\":{\"target\":\"lambda:orders-fn\",\"weight\":10,\"rollout\":{\"steps\":\"[shadow, 10, 100]\","
                        + "\"status\":\"running\",\"step\":1,\"stepLabel\":\"10\",\"paused\":false,\"since\":\"2026-12-07T05:00:02Z\","
                        + "\"decision\":\"advance\",\"reasons\":[\"held 2s at step 1 of 3 (shadow)\"],"
                        + "\"figures\":{\"match-rate\":1,\"target-requests\":25}}}");
        assertThat(lines.get(2)).contains("\"decision\":\"pause\",\"reasons\":[\"paused by bob at step 2 of 3 (10)\"]");
    }

    @Test
    void a_rollback_sends_the_route_to_the_monolith_with_shadow_off() {
        Route route = RolloutChanges.start(orders(), plan(), T0, "ada");
        Decision.RollBack rollBack = new Decision.RollBack(List.of("error rate: target 50% (10 of 20)"), new TreeMap<>());

        Route back = RolloutChanges.rollBack(route, rollBack, T0.plusSeconds(1));

        assertThat(back.weight()).isZero();
        assertThat(back.shadow().isOn()).isFalse();
        assertThat(back.rollout().state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(back.rollout().state().last().reasons()).containsExactly("error rate: target 50% (10 of 20)");
    }

    @Test
    void refuses_what_does_not_apply_with_what_to_do_instead() {
        Route running = RolloutChanges.start(orders(), plan(), T0, "ada");

        assertThatThrownBy(() -> RolloutChanges.start(carts(), plan(), T0, "ada"))
                .hasMessageContaining("route 'carts' targets the monolith; set a target first: ./strangler routes set carts");
        assertThatThrownBy(() -> RolloutChanges.start(running, plan(), T0, "ada"))
                .hasMessageContaining("route 'orders' is already in a rollout, at step 1 of 3 (shadow); abort it first");
        assertThatThrownBy(() -> RolloutChanges.pause(orders(), T0, "ada"))
                .hasMessageContaining("route 'orders' has no running rollout to pause");
        assertThatThrownBy(() -> RolloutChanges.resume(running, T0, "ada"))
                .hasMessageContaining("the rollout of route 'orders' is not paused");
    }

    @Test
    void an_operators_change_during_a_running_rollout_is_refused_unless_paused_and_a_rollback_aborts_it() {
        Route running = RolloutChanges.start(orders(), plan(), T0, "ada");
        Route paused = RolloutChanges.pause(running, T0, "ada");

        assertThatThrownBy(() -> RolloutChanges.byHand(running, running.withWeight(100), "promote", T0, "bob"))
                .hasMessageContaining("route 'orders' is in a rollout, at step 1 of 3 (shadow), which would undo this change;"
                        + " pause it first");
        assertThat(RolloutChanges.byHand(paused, paused.withWeight(30), "set", T0, "bob").weight()).isEqualTo(30);
        Route rolledBack = RolloutChanges.byHand(running, running.withWeight(0), "rollback", T0, "bob");
        assertThat(rolledBack.rollout().state().status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(rolledBack.shadow().isOn()).isFalse();
        assertThat(RolloutChanges.byHand(orders(), orders().withWeight(5), "set", T0, "bob").weight()).isEqualTo(5);
    }

    private static dev.strangler.gateway.rollout.RolloutPlan plan() {
        return RolloutYaml.readPlan("{steps: [shadow, 10, 100], hold: 2s}", "plan", "orders");
    }

    private static Route orders() {
        return dev.strangler.gateway.routefile.RouteFileReader.read(ROUTES, "routes.yml").find("orders").orElseThrow();
    }

    private static Route carts() {
        return dev.strangler.gateway.routefile.RouteFileReader.read(ROUTES, "routes.yml").find("carts").orElseThrow();
    }
}
