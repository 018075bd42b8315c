package dev.strangler.gateway.web;

import dev.strangler.gateway.dashboard.Breaker;
import dev.strangler.gateway.dashboard.DashboardView;
import dev.strangler.gateway.dashboard.LiveWindow;
import dev.strangler.gateway.dashboard.RouteRow;
import dev.strangler.gateway.dashboard.ShadowSummary;
import dev.strangler.gateway.routefile.RouteSnapshot;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the gateway's state into a {@link DashboardView}: the route table in force with its versions and the refused
 * edit, each route's running totals, live figures over the last {@value #WINDOW_SECONDS} seconds, shadow results and
 * its target's circuit. The same sources as {@code GET /routes}. Thread-safe.
 */
final class DashboardState {

    static final int WINDOW_SECONDS = 10;

    private final RouteStore store;
    private final RouteMetrics metrics;
    private final TargetBreakers breakers;
    private final LiveWindow window = new LiveWindow(Duration.ofSeconds(WINDOW_SECONDS), Duration.ofSeconds(1));
    private final Clock clock;

    DashboardState(RouteStore store, RouteMetrics metrics, TargetBreakers breakers) {
        this(store, metrics, breakers, Clock.systemUTC());
    }

    DashboardState(RouteStore store, RouteMetrics metrics, TargetBreakers breakers, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The view now. */
    DashboardView read() {
        LiveWindow.Figures live = window.observe(clock.instant(), metrics.live().snapshot());
        RouteSnapshot snapshot = store.snapshot();
        List<RouteRow> rows = new ArrayList<>();
        for (Route route : snapshot.table().routes()) {
            Map<String, Long> totals = metrics.figuresOf(route.id());
            ShadowSummary shadow = ShadowSummary.of(route.shadow().percent(), totals.get("shadowMatches"),
                    totals.get("shadowMismatches"), differences(metrics.shadowDifferencesOf(route.id())));
            Breaker breaker = breakers.stateOf(route.target()).map(DashboardState::breaker).orElse(null);
            rows.add(RouteRow.of(route, snapshot.version(route.id()), live.of(route.id()), totals, shadow, breaker));
        }
        return DashboardView.of(clock.instant(), store.location(), store.lastRefusal(), live.seconds(), rows,
                live.of(RouteMetrics.DEFAULT_ROUTE).monolith(),
                metrics.figuresOf(RouteMetrics.DEFAULT_ROUTE).get("monolithRequests"));
    }

    private static List<ShadowSummary.Difference> differences(List<ShadowDifference> ring) {
        return ring.stream().map(d -> new ShadowSummary.Difference(d.method(), d.path(), d.monolithStatus(),
                d.targetStatus(), d.differences())).toList();
    }

    private static Breaker breaker(Map<String, Object> state) {
        Object rate = state.get("failureRate");
        return new Breaker(String.valueOf(state.get("target")), String.valueOf(state.get("state")),
                rate instanceof Number n ? n.doubleValue() : null, (Boolean) state.get("healthy"));
    }
}
