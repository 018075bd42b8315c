package dev.strangler.gateway.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the dashboard shows at one moment, built from the gateway's state and rendered by {@link DashboardJson}.
 *
 * @param at when it was read
 * @param store where the routes are kept: the route file or the shared store (without credentials)
 * @param refusal why the last edit of the route file or store was refused (the routes shown are the last good
 *                ones), or null
 * @param windowSeconds how long the live figures' window is; 0 before the first rates
 * @param routes every route, in table order
 * @param unmatched the figures of requests no route matched (all to the monolith)
 * @param progress how far the migration has come
 */
public record DashboardView(Instant at, String store, String refusal, double windowSeconds, List<RouteRow> routes,
                            SideRates unmatched, Progress progress) {
    public DashboardView {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(store, "store");
        routes = List.copyOf(routes);
        Objects.requireNonNull(unmatched, "unmatched");
        Objects.requireNonNull(progress, "progress");
    }

    /** The view of {@code routes}, its progress computed from them and from {@code unmatched}. */
    public static DashboardView of(Instant at, String store, String refusal, double windowSeconds, List<RouteRow> routes,
                                   SideRates unmatched, long unmatchedSinceStart) {
        return new DashboardView(at, store, refusal, windowSeconds, routes, unmatched,
                Progress.of(routes, unmatched, unmatchedSinceStart));
    }
}
