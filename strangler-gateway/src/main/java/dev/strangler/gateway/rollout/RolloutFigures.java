package dev.strangler.gateway.rollout;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step windows of the routes in a rollout, fed by the gateway's request metrics. Only routes with an open window
 * are counted, so a route without a rollout costs one map lookup per request. Thread-safe.
 *
 * <p>Errors: a target answer with status 5xx, or 429 (the gateway's answer to a throttled function), a request that
 * fell back to the monolith because the target failed, and a shadow copy the target failed; a monolith answer with
 * status 5xx.
 */
public final class RolloutFigures {

    private final Map<String, StepWindow> windows = new ConcurrentHashMap<>();

    /**
     * Records one answered request: by the monolith or the target, or by the monolith in the target's place after
     * the target failed ({@code fellBack}), which counts for the target, as an error.
     */
    public void answered(String route, boolean monolithSide, boolean fellBack, int status, long nanos) {
        StepWindow window = windows.get(route);
        if (window == null) {
            return;
        }
        if (fellBack) {
            window.target.record(true, nanos);
        } else if (monolithSide) {
            window.monolith.record(status >= 500, nanos);
        } else {
            window.target.record(status >= 500 || status == 429, nanos);
        }
    }

    /** Records one request answered by the side that was chosen for it. */
    public void answered(String route, boolean monolithSide, int status, long nanos) {
        answered(route, monolithSide, false, status, nanos);
    }

    /** Records a shadow copy the target answered; {@code matched} when like the monolith. */
    public void shadowCompared(String route, boolean matched) {
        StepWindow window = windows.get(route);
        if (window != null) {
            window.shadowTarget.record(false, -1);
            (matched ? window.shadowMatches : window.shadowMismatches).increment();
        }
    }

    /** Records a shadow copy the target failed (function error, timeout, throttle, no connection). */
    public void shadowFailed(String route) {
        StepWindow window = windows.get(route);
        if (window != null) {
            window.shadowTarget.record(true, -1);
        }
    }

    /** Records how long the target took to answer a shadow copy. */
    public void shadowAnswered(String route, long nanos) {
        StepWindow window = windows.get(route);
        if (window != null) {
            window.shadowTarget.latency.record(nanos);
        }
    }

    /**
     * The figures of the route's window for the step {@code key} (any text naming the step, such as its index and
     * start), opening a new window at {@code now} when the route has none or one of another step. A new window for a
     * later step keeps the old window's monolith figures as its {@link StepFigures#previousMonolith() baseline}.
     */
    public StepFigures figures(String route, String key, int stepIndex, Instant now) {
        Objects.requireNonNull(key, "key");
        StepWindow window = windows.compute(route, (id, old) -> {
            if (old != null && old.key.equals(key)) {
                return old;
            }
            SideFigures baseline = old == null ? null : baseline(old, stepIndex);
            return new StepWindow(key, now, baseline);
        });
        return window.figures();
    }

    /** The route's current window's figures, if it has one (for the admin API). */
    public StepFigures current(String route) {
        StepWindow window = windows.get(route);
        return window == null ? null : window.figures();
    }

    /** Stops counting the route (its rollout ended or was paused). */
    public void close(String route) {
        windows.remove(route);
    }

    /** The routes being counted. */
    public Set<String> routes() {
        return Set.copyOf(windows.keySet());
    }

    private static SideFigures baseline(StepWindow old, int stepIndex) {
        SideFigures monolith = old.monolith.figures();
        // the old window's own monolith figures, or the baseline it carried when it had none
        SideFigures chosen = monolith.requests() > 0 || old.previousMonolith == null ? monolith : old.previousMonolith;
        return stepIndex > 0 && chosen.requests() > 0 ? chosen : null;
    }
}
