package dev.strangler.gateway.dashboard;

import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutStep;
import dev.strangler.gateway.rollout.RolloutState;
import java.util.List;
import java.util.Objects;

/**
 * Where a route's rollout stands, as the dashboard shows it.
 *
 * @param status {@code pending}, {@code running}, {@code completed}, {@code rolled-back} or {@code aborted}
 * @param step index of the current step (the one it ended in, for a finished rollout)
 * @param steps the plan's steps ({@code shadow}, {@code 10}, …)
 * @param paused whether an operator suspended its automatic decisions
 * @param lastDecision the latest decision with its reasons, or null before any
 */
public record RolloutSummary(String status, int step, List<String> steps, boolean paused, String lastDecision) {
    public RolloutSummary {
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
        if (step < 0 || step >= steps.size()) {
            throw new IllegalArgumentException("step must be one of the " + steps.size() + " steps, but was " + step);
        }
    }

    /** The summary of {@code rollout}; null for none. */
    public static RolloutSummary of(Rollout rollout) {
        if (rollout == null) {
            return null;
        }
        List<String> steps = rollout.plan().steps().stream().map(RolloutStep::label).toList();
        RolloutState state = rollout.state();
        if (state == null) {
            return new RolloutSummary("pending", 0, steps, false, null);
        }
        String last = state.last() == null ? null : state.last().decision()
                + (state.last().reasons().isEmpty() ? "" : ": " + String.join("; ", state.last().reasons()));
        return new RolloutSummary(state.status().label(), state.step(), steps, state.paused(), last);
    }

    /** Whether an operator stopped it (the route went back to the monolith). */
    public boolean isAborted() {
        return status.equals("aborted");
    }
}
