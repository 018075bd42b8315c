package dev.strangler.gateway.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-route, per-side figures: Micrometer meters ({@code strangler.requests} timer with a latency histogram,
 * {@code strangler.errors} and {@code strangler.fallbacks} counters) and live totals for the admin API.
 * Thread-safe; meters are created once per tag combination and cached.
 */
public final class RouteMetrics {

    /** The route id used for requests no route matched. */
    public static final String DEFAULT_ROUTE = "default";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Figures> figures = new ConcurrentHashMap<>();

    /** Figures recorded into {@code registry}. */
    public RouteMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Records one answered request. */
    void recordRequest(String route, String side, int status, long nanos) {
        String statusClass = (status / 100) + "xx";
        timers.computeIfAbsent(route + '\0' + side + '\0' + statusClass, k -> Timer.builder("strangler.requests")
                .description("Requests answered, by route, side and status class")
                .tags("route", route, "side", side, "status", statusClass)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        Figures f = figures(route);
        (side.equals("monolith") ? f.monolith : f.target).increment();
        if (status >= 500) {
            f.serverErrors.increment();
        }
    }

    /** Records a failure of the target, by kind ({@code function_error}, {@code throttled}, {@code timeout}, …). */
    void recordError(String route, String kind) {
        counter("strangler.errors", route, kind).increment();
        figures(route).targetErrors.increment();
    }

    /** Records a request answered by the monolith because the target failed. */
    void recordFallback(String route, String kind) {
        counter("strangler.fallbacks", route, kind).increment();
        figures(route).fallbacks.increment();
    }

    /** The live totals of one route since startup. */
    public Map<String, Long> figuresOf(String route) {
        Figures f = figures(route);
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("monolithRequests", f.monolith.sum());
        out.put("targetRequests", f.target.sum());
        out.put("targetErrors", f.targetErrors.sum());
        out.put("fallbacks", f.fallbacks.sum());
        out.put("serverErrors", f.serverErrors.sum());
        return out;
    }

    private Counter counter(String name, String route, String kind) {
        return counters.computeIfAbsent(name + '\0' + route + '\0' + kind, k -> Counter.builder(name)
                .tags("route", route, "kind", kind)
                .register(registry));
    }

    private Figures figures(String route) {
        return figures.computeIfAbsent(route, r -> new Figures());
    }

    private static final class Figures {
        final LongAdder monolith = new LongAdder();
        final LongAdder target = new LongAdder();
        final LongAdder targetErrors = new LongAdder();
        final LongAdder fallbacks = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
    }
}
