package dev.strangler.gateway.autopilot;

import dev.strangler.gateway.rollout.Decision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.SideFigures;
import dev.strangler.gateway.rollout.StepFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rollouts' Micrometer meters: {@code strangler.rollout.decisions} (counter; tags {@code route}, {@code decision}),
 * and gauges per route of the current step ({@code strangler.rollout.step}, index from 0, -1 when no rollout runs),
 * {@code strangler.rollout.paused} (0 or 1) and the current step's figures as last judged:
 * {@code strangler.rollout.step.requests}, {@code strangler.rollout.step.error.rate} and
 * {@code strangler.rollout.step.p99.seconds} (tag {@code side}: monolith or target) and
 * {@code strangler.rollout.step.match.rate}. Thread-safe.
 */
public final class RolloutMeters {

    private final MeterRegistry registry;
    private final Map<String, RouteGauges> gauges = new ConcurrentHashMap<>();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

    /** Meters registered in {@code registry}. */
    public RolloutMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Records one judgement of the route's rollout. */
    void judged(String route, Decision decision, StepFigures figures, boolean shadowStep) {
        decisions.computeIfAbsent(route + '\0' + decision.label(), k -> Counter.builder("strangler.rollout.decisions")
                .description("Decisions of the automated rollout, by route and decision")
                .tags("route", route, "decision", decision.label())
                .register(registry)).increment();
        RouteGauges g = gauges(route);
        SideFigures target = shadowStep ? figures.shadowTarget() : figures.target();
        g.monolith = figures.monolith();
        g.target = target;
        g.matchRate = figures.matchRate();
    }

    /** Shows the route's rollout step and pause (or none). */
    void state(String route, Rollout rollout) {
        RouteGauges g = gauges(route);
        boolean running = rollout != null && rollout.isRunning();
        g.step = running ? rollout.state().step() : -1;
        g.paused = running && rollout.state().paused() ? 1 : 0;
        if (!running) {
            g.monolith = SideFigures.NONE;
            g.target = SideFigures.NONE;
            g.matchRate = Double.NaN;
        }
    }

    private RouteGauges gauges(String route) {
        return gauges.computeIfAbsent(route, r -> new RouteGauges(registry, r));
    }

    /** One route's gauge values; the gauges read them. */
    private static final class RouteGauges {
        volatile double step = -1;
        volatile double paused;
        volatile SideFigures monolith = SideFigures.NONE;
        volatile SideFigures target = SideFigures.NONE;
        volatile double matchRate = Double.NaN;

        RouteGauges(MeterRegistry registry, String route) {
            Gauge.builder("strangler.rollout.step", this, g -> g.step).tags("route", route)
                    .description("Index of the rollout's current step, -1 when none runs").register(registry);
            Gauge.builder("strangler.rollout.paused", this, g -> g.paused).tags("route", route)
                    .description("1 while the route's rollout is paused").register(registry);
            Gauge.builder("strangler.rollout.step.match.rate", this, g -> g.matchRate).tags("route", route)
                    .description("Shadow match rate over the current step").register(registry);
            side(registry, route, "monolith", true);
            side(registry, route, "target", false);
        }

        private void side(MeterRegistry registry, String route, String side, boolean monolithSide) {
            Gauge.builder("strangler.rollout.step.requests", this, g -> (monolithSide ? g.monolith : g.target).requests())
                    .tags("route", route, "side", side).description("Requests over the current step").register(registry);
            Gauge.builder("strangler.rollout.step.error.rate", this, g -> (monolithSide ? g.monolith : g.target).errorRate())
                    .tags("route", route, "side", side).description("Error rate over the current step").register(registry);
            Gauge.builder("strangler.rollout.step.p99", this, g -> (monolithSide ? g.monolith : g.target).p99Millis() / 1000)
                    .tags("route", route, "side", side).baseUnit("seconds")
                    .description("p99 latency over the current step").register(registry);
        }
    }
}
