package dev.strangler.gateway.dashboard;

import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTarget;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One route as the dashboard shows it.
 *
 * @param id the route's id
 * @param paths its path patterns
 * @param target where its moved share goes ({@code monolith}, {@code lambda:fn}, {@code url:http://...})
 * @param side what kind of target: {@code monolith}, {@code function} or {@code service}
 * @param weight percent of its requests sent to the target
 * @param version the route's version, for a change that must not undo someone else's
 * @param fallback whether the monolith answers safe requests when the target fails
 * @param rollout its rollout, or null for none
 * @param live per-side figures over the window
 * @param totals the admin API's running totals since startup ({@code monolithRequests}, {@code targetRequests}, …)
 * @param shadow its shadow traffic and latest differences
 * @param breaker its target's circuit, or null for the monolith
 */
public record RouteRow(String id, List<String> paths, String target, String side, int weight, long version,
                       boolean fallback, RolloutSummary rollout, RouteRates live, Map<String, Long> totals,
                       ShadowSummary shadow, Breaker breaker) {
    public RouteRow {
        Objects.requireNonNull(id, "id");
        paths = List.copyOf(paths);
        Objects.requireNonNull(target, "target");
        if (!List.of("monolith", "function", "service").contains(side)) {
            throw new IllegalArgumentException("side must be monolith, function or service, but was '" + side + "'");
        }
        Objects.requireNonNull(live, "live");
        totals = Map.copyOf(totals);
        Objects.requireNonNull(shadow, "shadow");
    }

    /** The row of {@code route} at {@code version}, with the figures and states read for it. */
    public static RouteRow of(Route route, long version, RouteRates live, Map<String, Long> totals, ShadowSummary shadow,
                              Breaker breaker) {
        RouteTarget target = route.target();
        String side = target instanceof RouteTarget.LambdaFunction ? "function"
                : target instanceof RouteTarget.HttpService ? "service" : "monolith";
        return new RouteRow(route.id(), route.paths().stream().map(PathPattern::pattern).toList(), target.describe(), side,
                route.weight(), version, route.fallback(), RolloutSummary.of(route.rollout()), live, totals, shadow,
                side.equals("monolith") ? null : breaker);
    }

    /** Whether some of its traffic goes to a function or service. */
    public boolean isOnTarget() {
        return !side.equals("monolith") && weight > 0;
    }

    /** A running total since startup, 0 when not counted. */
    public long total(String name) {
        return totals.getOrDefault(name, 0L);
    }
}
