package dev.strangler.gateway.dashboard;

import dev.strangler.gateway.rollout.LatencyHistogram;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals per route and side since startup, fed by the gateway's request metrics and read by the dashboard,
 * which turns two readings into rates ({@link LiveWindow}). Errors are counted as the rollouts count them: a monolith
 * answer with status 5xx; a target answer with status 5xx or 429, or a request that fell back to the monolith after
 * the target failed. Thread-safe; recording allocates nothing once a route has been seen.
 */
public final class LiveTotals {

    private final Map<String, Sides> routes = new ConcurrentHashMap<>();

    /** Records one answered request of {@code route}, served by the monolith or the target, or fallen back. */
    public void answered(String route, boolean monolithSide, boolean fellBack, int status, long nanos) {
        Sides sides = routes.get(route);
        if (sides == null) {
            sides = routes.computeIfAbsent(route, r -> new Sides());
        }
        if (fellBack) {
            sides.target.record(true, nanos);
        } else if (monolithSide) {
            sides.monolith.record(status >= 500, nanos);
        } else {
            sides.target.record(status >= 500 || status == 429, nanos);
        }
    }

    /** Every route's totals now. */
    public Map<String, RouteCounts> snapshot() {
        Map<String, RouteCounts> out = new HashMap<>();
        routes.forEach((route, sides) -> out.put(route, new RouteCounts(sides.monolith.counts(), sides.target.counts())));
        return Map.copyOf(out);
    }

    private static final class Sides {
        final Side monolith = new Side();
        final Side target = new Side();
    }

    private static final class Side {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();

        void record(boolean failed, long nanos) {
            latency.record(Math.max(0, nanos));
            if (failed) {
                errors.increment();
            }
            requests.increment();
        }

        SideCounts counts() {
            long errorCount = errors.sum();
            // read one after the other while recording: never fewer requests than errors
            return new SideCounts(Math.max(requests.sum(), errorCount), errorCount, latency.counts());
        }
    }
}
