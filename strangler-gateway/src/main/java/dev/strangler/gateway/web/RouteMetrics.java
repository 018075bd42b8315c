package dev.strangler.gateway.web;

import dev.strangler.gateway.dashboard.LiveTotals;
import dev.strangler.gateway.rollout.RolloutFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-route, per-side figures: Micrometer meters ({@code strangler.requests} timer with a latency histogram,
 * {@code strangler.errors} and {@code strangler.fallbacks} counters, {@code strangler.shadow.requests} by outcome and
 * the {@code strangler.shadow.latency} timer of shadow copies) and live totals for the admin API and the dashboard.
 * Thread-safe; meters are created once per tag combination and cached.
 */
public final class RouteMetrics {

    /** The route id used for requests no route matched. */
    public static final String DEFAULT_ROUTE = "default";

    /** How many recent shadow differences each route keeps. */
    static final int RECENT_DIFFERENCES = 20;

    private final MeterRegistry registry;
    private final Map<String, RouteMeters> routes = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final RolloutFigures rollouts;
    private final LiveTotals live = new LiveTotals();

    /** Figures recorded into {@code registry}. */
    public RouteMetrics(MeterRegistry registry) {
        this(registry, new RolloutFigures());
    }

    /** Figures recorded into {@code registry}, and into the step windows of routes in a rollout. */
    public RouteMetrics(MeterRegistry registry, RolloutFigures rollouts) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts");
    }

    /**
     * Records one answered request; {@code side} is {@code monolith} or {@code target}, and {@code fellBack} says that
     * the monolith answered in place of a failed target.
     */
    void recordRequest(String route, String side, boolean fellBack, int status, long nanos) {
        RouteMeters meters = meters(route);
        boolean monolith = side.equals("monolith");
        int statusClass = status >= 100 && status < 600 ? status / 100 : 0;
        int slot = (monolith ? 0 : 6) + statusClass;
        Timer timer = meters.timers.get(slot);
        if (timer == null) {
            Timer created = timer(route, side, statusClass);
            timer = meters.timers.updateAndGet(slot, existing -> existing != null ? existing : created);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        (monolith ? meters.monolith : meters.target).increment();
        if (status >= 500) {
            meters.serverErrors.increment();
        }
        rollouts.answered(route, monolith, fellBack, status, nanos);
        live.answered(route, monolith, fellBack, status, nanos);
    }

    /** Every route's running totals per side, for the dashboard's live figures. */
    LiveTotals live() {
        return live;
    }

    /** Records a failure of the target, by kind ({@code function_error}, {@code throttled}, {@code timeout}, …). */
    void recordError(String route, String kind) {
        counter("strangler.errors", route, kind).increment();
        meters(route).targetErrors.increment();
    }

    /** Records a request answered by the monolith because the target failed. */
    void recordFallback(String route, String kind) {
        counter("strangler.fallbacks", route, kind).increment();
        meters(route).fallbacks.increment();
    }

    /** Records what became of one sampled shadow copy. */
    void recordShadow(String route, ShadowOutcome outcome) {
        counters.computeIfAbsent("strangler.shadow.requests\0" + route + '\0' + outcome.label(),
                k -> Counter.builder("strangler.shadow.requests")
                        .description("Sampled shadow copies of monolith-served requests, by route and outcome")
                        .tags("route", route, "outcome", outcome.label())
                        .register(registry)).increment();
        meters(route).shadow[outcome.ordinal()].increment();
        switch (outcome) {
            case MATCH, MISMATCH -> rollouts.shadowCompared(route, outcome == ShadowOutcome.MATCH);
            case ERROR -> rollouts.shadowFailed(route);
            case SKIPPED -> { }
        }
    }

    /** Keeps {@code difference} in the route's ring of the {@link #RECENT_DIFFERENCES} latest. */
    void recordShadowDifference(String route, ShadowDifference difference) {
        java.util.ArrayDeque<ShadowDifference> ring = meters(route).differences;
        synchronized (ring) {
            if (ring.size() == RECENT_DIFFERENCES) {
                ring.removeFirst();
            }
            ring.addLast(difference);
        }
    }

    /** The route's latest shadow differences, oldest first. */
    java.util.List<ShadowDifference> shadowDifferencesOf(String route) {
        java.util.ArrayDeque<ShadowDifference> ring = meters(route).differences;
        synchronized (ring) {
            return java.util.List.copyOf(ring);
        }
    }

    /** Records how long the target took to answer a shadow copy (answers only, not failures). */
    void recordShadowLatency(String route, long nanos) {
        RouteMeters meters = meters(route);
        Timer timer = meters.shadowLatency;
        if (timer == null) {
            timer = Timer.builder("strangler.shadow.latency")
                    .description("Time the target took to answer a shadow copy, by route")
                    .tags("route", route)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
            meters.shadowLatency = timer; // the registry returns the same timer for the same tags
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        rollouts.shadowAnswered(route, nanos);
    }

    /** The live totals of one route since startup. */
    public Map<String, Long> figuresOf(String route) {
        RouteMeters f = meters(route);
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("monolithRequests", f.monolith.sum());
        out.put("targetRequests", f.target.sum());
        out.put("targetErrors", f.targetErrors.sum());
        out.put("fallbacks", f.fallbacks.sum());
        out.put("serverErrors", f.serverErrors.sum());
        out.put("shadowMatches", f.shadow[ShadowOutcome.MATCH.ordinal()].sum());
        out.put("shadowMismatches", f.shadow[ShadowOutcome.MISMATCH.ordinal()].sum());
        out.put("shadowErrors", f.shadow[ShadowOutcome.ERROR.ordinal()].sum());
        out.put("shadowSkipped", f.shadow[ShadowOutcome.SKIPPED.ordinal()].sum());
        return out;
    }

    private Timer timer(String route, String side, int statusClass) {
        return Timer.builder("strangler.requests")
                .description("Requests answered, by route, side and status class")
                .tags("route", route, "side", side, "status", statusClass == 0 ? "other" : statusClass + "xx")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private Counter counter(String name, String route, String kind) {
        return counters.computeIfAbsent(name + '\0' + route + '\0' + kind, k -> Counter.builder(name)
                .tags("route", route, "kind", kind)
                .register(registry));
    }

    private RouteMeters meters(String route) {
        RouteMeters meters = routes.get(route);
        return meters != null ? meters : routes.computeIfAbsent(route, r -> new RouteMeters());
    }

    /**
     * One route's meters and live totals. Timers sit in an array by side (monolith 0–5, target 6–11) and status
     * class (1xx to 5xx, 0 for any other), so that recording a request builds no key; the Micrometer registry returns
     * the same timer for the same tags, so two threads creating one at once get the same.
     */
    private static final class RouteMeters {
        final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(12);
        final LongAdder monolith = new LongAdder();
        final LongAdder target = new LongAdder();
        final LongAdder targetErrors = new LongAdder();
        final LongAdder fallbacks = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final LongAdder[] shadow = java.util.stream.Stream.generate(LongAdder::new)
                .limit(ShadowOutcome.values().length).toArray(LongAdder[]::new);
        volatile Timer shadowLatency;
        final java.util.ArrayDeque<ShadowDifference> differences = new java.util.ArrayDeque<>(RECENT_DIFFERENCES);
    }
}
