package dev.strangler.gateway.autopilot;

import dev.strangler.gateway.rollout.Decision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutFigures;
import dev.strangler.gateway.rollout.RolloutJudge;
import dev.strangler.gateway.rollout.StepFigures;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every rollout of the route table on one thread, every {@code interval}: starts plans written into the
 * route file by hand, judges running ones on the figures of their current step, and applies advance, complete and
 * roll-back decisions through {@link RouteStore#change} (validated, written, audited as actor {@code rollout}).
 * A decision is applied only if the rollout's state is still the one judged. Thread-safe.
 */
public final class RolloutScheduler implements AutoCloseable {

    /** The audit log's actor of automatic decisions. */
    public static final String ACTOR = "rollout";

    private static final Logger log = LoggerFactory.getLogger(RolloutScheduler.class);

    private final RouteStore store;
    private final RolloutFigures figures;
    private final RolloutJudge judge = new RolloutJudge();
    private final RolloutMeters meters;
    private final Clock clock;
    private final Map<String, Evaluation> evaluations = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /**
     * The latest judgement of a route's rollout.
     *
     * @param decision what the judge decided
     * @param at when
     * @param figures the step's figures it judged
     */
    public record Evaluation(Decision decision, Instant at, StepFigures figures) {
        public Evaluation {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(figures, "figures");
        }
    }

    /** A scheduler of the rollouts of {@code store}'s table, judging on {@code figures}; not started. */
    public RolloutScheduler(RouteStore store, RolloutFigures figures, RolloutMeters meters, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Evaluates every {@code interval} on a daemon thread of its own until {@link #close()}. */
    public synchronized RolloutScheduler start(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("the rollout scheduler is running already");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "strangler-rollout");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::evaluateSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest judgement of the route's rollout in this gateway, or null. */
    public Evaluation evaluation(String route) {
        return evaluations.get(route);
    }

    /** The figures of the route's current step so far, or null when it has no running rollout. */
    public StepFigures currentFigures(String route) {
        return figures.current(route);
    }

    /** Evaluates every rollout once, now. */
    public void evaluate() {
        Set<String> running = new HashSet<>();
        for (Route route : store.table().routes()) {
            Rollout rollout = route.rollout();
            meters.state(route.id(), rollout);
            if (rollout == null) {
                continue;
            }
            if (rollout.isPending()) {
                apply(route.id(), "rollout-start", r -> RolloutChanges.startPending(r, clock.instant()));
            } else if (rollout.isRunning()) {
                running.add(route.id());
                if (!rollout.state().paused()) {
                    judge(route, rollout);
                }
            }
        }
        for (String route : figures.routes()) {
            if (!running.contains(route)) {
                figures.close(route);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void judge(Route route, Rollout rollout) {
        Instant now = clock.instant();
        String key = rollout.state().step() + "@" + rollout.state().since();
        StepFigures step = figures.figures(route.id(), key, rollout.state().step(), now);
        Decision decision = judge.judge(rollout, step, now);
        evaluations.put(route.id(), new Evaluation(decision, now, step));
        meters.judged(route.id(), decision, step, rollout.step().isShadow());
        log.debug("Rollout of {} at step {}: {} {}", route.id(), RolloutChanges.describeStep(rollout), decision.label(),
                decision.reasons());
        if (decision instanceof Decision.Advance advance) {
            applyIfUnchanged(route, "rollout-advance", r -> RolloutChanges.advance(r, advance, now));
        } else if (decision instanceof Decision.Complete complete) {
            applyIfUnchanged(route, "rollout-complete", r -> RolloutChanges.complete(r, complete, now));
        } else if (decision instanceof Decision.RollBack rollBack) {
            applyIfUnchanged(route, "rollout-rollback", r -> RolloutChanges.rollBack(r, rollBack, now));
        }
    }

    private void applyIfUnchanged(Route judged, String action, UnaryOperator<Route> change) {
        apply(judged.id(), action, current -> {
            if (current.rollout() == null || !current.rollout().equals(judged.rollout())) {
                throw new StaleRolloutException(judged.id());
            }
            return change.apply(current);
        });
    }

    private void apply(String id, String action, UnaryOperator<Route> change) {
        try {
            Route changed = store.change(id, ACTOR, action, change);
            Rollout rollout = changed.rollout();
            log.info("Rollout of route {}: {} -> weight {}%, shadow {}%, {}", id, action, changed.weight(),
                    changed.shadow().percent(), rollout.state().last() == null ? "" : rollout.state().last().reasons());
        } catch (StaleRolloutException e) {
            log.info("{}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Rollout of route {} could not apply {}: {}", id, action, e.getMessage(), e);
        }
    }

    private void evaluateSafely() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Evaluating the rollouts failed; trying again at the next tick", e);
        }
    }
}
