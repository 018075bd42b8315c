package dev.strangler.gateway.rollout;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a started rollout has come; written to the route file beside the plan so that it survives a restart.
 *
 * @param step index of the current step in the plan (for a finished rollout, the step it ended in)
 * @param since when the current step began
 * @param paused whether automatic decisions are suspended (an operator is in control)
 * @param status running, completed, rolled back or aborted
 * @param last the latest decision, or null before any
 */
public record RolloutState(int step, Instant since, boolean paused, RolloutStatus status, LastDecision last) {
    public RolloutState {
        if (step < 0) {
            throw new IllegalArgumentException("rollout step must be 0 or more, but was " + step);
        }
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(status, "status");
        if (paused && status != RolloutStatus.RUNNING) {
            throw new IllegalArgumentException("only a running rollout can be paused, but this one is " + status.label());
        }
    }

    /** The same step and status, paused or not. */
    public RolloutState withPaused(boolean nowPaused, LastDecision decision) {
        return new RolloutState(step, since, nowPaused, status, decision);
    }
}
