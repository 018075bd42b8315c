package dev.strangler.gateway.autopilot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.rollout.RolloutFigures;
import dev.strangler.gateway.rollout.RolloutStatus;
import dev.strangler.gateway.routefile.AuditLog;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutSchedulerTest {

    private static final String ROUTES = """
            version: 1
            routes:
              - id: orders
                paths: ["/api/orders"]
                target: {lambda: "orders-fn"}
                weight: 0
                rollout: {steps: [10, 100], hold: 1m, min-requests: 3, max-error-rate-increase: 1%}
            """;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T05:00:00Z"));

    @Test
    void starts_a_hand_written_plan_advances_after_the_hold_and_starts_the_step_again_after_a_restart() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        AuditLog audit = new AuditLog(dir.resolve("audit.log"));
        RouteStore store = RouteStore.open(file, audit, clock);
        RolloutFigures figures = new RolloutFigures();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RolloutScheduler scheduler = new RolloutScheduler(store, figures, new RolloutMeters(registry), clock);

        scheduler.evaluate(); // starts the plan written by hand
        assertThat(orders(store).weight()).isEqualTo(10);
        scheduler.evaluate(); // opens the step's window
        serve(figures, 3);
        clock.advance(Duration.ofSeconds(30));
        scheduler.evaluate();
        String holding = scheduler.evaluation("orders").decision().reasons().toString();
        clock.advance(Duration.ofSeconds(31));
        scheduler.evaluate();

        assertThat(holding).contains("held 30s of 1m at step 1 of 2 (10)");
        Route advanced = orders(store);
        assertThat(advanced.weight()).isEqualTo(100);
        assertThat(advanced.rollout().state().step()).isEqualTo(1);
        assertThat(registry.get("strangler.rollout.step").tag("route", "orders").gauge().value()).isEqualTo(0.0);

        // a restart in the last step: a new store, scheduler and figures; the step starts its hold again
        clock.advance(Duration.ofSeconds(50));
        RouteStore reopened = RouteStore.open(file, audit, clock);
        RolloutFigures fresh = new RolloutFigures();
        RolloutScheduler restarted = new RolloutScheduler(reopened, fresh, new RolloutMeters(new SimpleMeterRegistry()), clock);
        restarted.evaluate();
        for (int i = 0; i < 3; i++) { // weight 100: the monolith serves nothing
            fresh.answered("orders", false, 200, 1_000_000);
        }
        clock.advance(Duration.ofSeconds(20));
        restarted.evaluate();
        String afterRestart = restarted.evaluation("orders").decision().reasons().toString();
        clock.advance(Duration.ofSeconds(41));
        restarted.evaluate();

        assertThat(afterRestart).contains("held 20s of 1m at step 2 of 2 (100)",
                "vs monolith 0% (no monolith figures since the restart)");
        assertThat(orders(reopened).rollout().state().status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).extracting(line -> line.replaceAll(".*\"action\":\"([^\"]+)\".*", "$1"))
                .containsExactly("rollout-start", "rollout-advance", "rollout-complete");
    }

    @Test
    void rolls_back_a_failing_step_before_its_hold_time() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        RouteStore store = RouteStore.open(file, new AuditLog(dir.resolve("audit.log")), clock);
        RolloutFigures figures = new RolloutFigures();
        RolloutScheduler scheduler = new RolloutScheduler(store, figures, new RolloutMeters(new SimpleMeterRegistry()), clock);
        scheduler.evaluate();
        scheduler.evaluate();

        for (int i = 0; i < 3; i++) {
            figures.answered("orders", true, 200, 1_000_000);
            figures.answered("orders", false, 502, 1_000_000);
        }
        clock.advance(Duration.ofSeconds(1));
        scheduler.evaluate();

        Route back = orders(store);
        assertThat(back.weight()).isZero();
        assertThat(back.rollout().state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(back.rollout().state().last().reasons())
                .containsExactly("error rate: target 100% (3 of 3) vs monolith 0% (0 of 3), at most +1%");
        assertThat(figures.routes()).contains("orders");
        scheduler.evaluate();
        assertThat(figures.routes()).doesNotContain("orders");
    }

    private static void serve(RolloutFigures figures, int each) {
        for (int i = 0; i < each; i++) {
            figures.answered("orders", true, 200, 1_000_000);
            figures.answered("orders", false, 200, 1_000_000);
        }
    }

    private static Route orders(RouteStore store) {
        return store.table().find("orders").orElseThrow();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
