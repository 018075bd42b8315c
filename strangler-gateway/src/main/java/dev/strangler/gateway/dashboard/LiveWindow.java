package dev.strangler.gateway.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Rates over the last {@code span}, from readings of running totals ({@link LiveTotals#snapshot()}) taken whenever
 * the dashboard asks: each reading is compared with the oldest one kept, which is at most about {@code span} old.
 * Readings are kept at most one per {@code step}, so many open pages cost no more than one. Nothing is read while no
 * page asks; the first figures come with the second reading. Thread-safe.
 */
public final class LiveWindow {

    private final Duration span;
    private final Duration step;
    private final Deque<Reading> readings = new ArrayDeque<>();

    /** Rates over {@code span} (at least {@code step}), keeping one reading per {@code step}. */
    public LiveWindow(Duration span, Duration step) {
        this.span = Objects.requireNonNull(span, "span");
        this.step = Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero() || span.compareTo(step) < 0) {
            throw new IllegalArgumentException("step must be above 0 and at most the span (" + span + "), but was " + step);
        }
    }

    /** Takes the reading {@code totals} made at {@code now} and answers the rates since the oldest reading kept. */
    public synchronized Figures observe(Instant now, Map<String, RouteCounts> totals) {
        Reading last = readings.peekLast();
        if (last == null || !Duration.between(last.at, now).minus(step).isNegative()) {
            readings.addLast(new Reading(now, Map.copyOf(totals)));
        }
        // keep one reading at least span old as the baseline, none older
        while (readings.size() > 1 && !Duration.between(second().at, now).minus(span).isNegative()) {
            readings.removeFirst();
        }
        Reading base = readings.peekFirst();
        double seconds = Duration.between(base.at, now).toNanos() / 1e9;
        if (seconds <= 0) {
            return new Figures(0, Map.of());
        }
        Map<String, RouteRates> rates = new HashMap<>();
        totals.forEach((route, counts) -> {
            RouteCounts since = counts.minus(base.totals.getOrDefault(route, RouteCounts.NONE));
            rates.put(route, new RouteRates(SideRates.of(since.monolith(), seconds), SideRates.of(since.target(), seconds)));
        });
        return new Figures(seconds, rates);
    }

    private Reading second() {
        Iterator<Reading> it = readings.iterator();
        it.next();
        return it.next();
    }

    private record Reading(Instant at, Map<String, RouteCounts> totals) {
    }

    /**
     * The rates of one reading.
     *
     * @param seconds how long the window is; 0 at the first reading, when there are no rates yet
     * @param routes each route's rates
     */
    public record Figures(double seconds, Map<String, RouteRates> routes) {
        public Figures {
            routes = Map.copyOf(routes);
        }

        /** The rates of {@code route}, none when it had no requests or no window yet. */
        public RouteRates of(String route) {
            return routes.getOrDefault(route, RouteRates.NONE);
        }
    }
}
