package dev.strangler.gateway.rollout;

import java.util.Objects;

/**
 * A route's rollout: its plan and, once started, its state.
 *
 * @param plan the steps, hold times and thresholds
 * @param state how far it has come, or null when the plan was written into the route file by hand and the gateway
 *              has not started it yet
 */
public record Rollout(RolloutPlan plan, RolloutState state) {
    public Rollout {
        Objects.requireNonNull(plan, "plan");
        if (state != null && state.step() >= plan.steps().size()) {
            throw new IllegalArgumentException("rollout step must be below the plan's " + plan.steps().size()
                    + " steps, but was " + state.step());
        }
    }

    /** Whether the plan waits to be started. */
    public boolean isPending() {
        return state == null;
    }

    /** Whether a started rollout moves through its steps (paused or not). */
    public boolean isRunning() {
        return state != null && state.status() == RolloutStatus.RUNNING;
    }

    /** The current step; the first one before the start. */
    public RolloutStep step() {
        return plan.steps().get(state == null ? 0 : state.step());
    }

    /** This plan with another state. */
    public Rollout withState(RolloutState newState) {
        return new Rollout(plan, newState);
    }
}
