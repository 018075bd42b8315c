package dev.strangler.gateway.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a route moves from the monolith to its target: the steps, how long each must hold, and the thresholds the
 * target's figures must keep relative to the monolith's over the same step. A threshold that is null is not judged.
 *
 * @param steps {@code shadow} (first only) then weights, strictly increasing
 * @param holds one hold time for every step, or one per step
 * @param minRequests requests each side must have answered in the step before it is judged (and copies compared in a
 *                    shadow step)
 * @param maxErrorRateIncrease how far the target's error rate may exceed the monolith's, as a fraction (0.01 = one
 *                             percentage point), or null
 * @param maxP99Ratio how many times the monolith's p99 latency the target's may be, or null
 * @param minMatchRate the share of compared shadow copies that must match (a fraction), judged in the shadow step;
 *                     or null
 * @param shadowPercent share of the monolith's requests copied to the target during the shadow step (1–100)
 */
public record RolloutPlan(List<RolloutStep> steps, List<Duration> holds, int minRequests, Double maxErrorRateIncrease,
                          Double maxP99Ratio, Double minMatchRate, int shadowPercent) {

    /** Requests per side before judging, when the plan does not say. */
    public static final int DEFAULT_MIN_REQUESTS = 20;

    public RolloutPlan {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        holds = List.copyOf(Objects.requireNonNull(holds, "holds"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a rollout needs at least one step, like [shadow, 10, 50, 100]");
        }
        int previous = -1;
        for (int i = 0; i < steps.size(); i++) {
            RolloutStep step = steps.get(i);
            if (step.isShadow() && i > 0) {
                throw new IllegalArgumentException("'shadow' can only be the first rollout step, but was step " + (i + 1)
                        + " of " + labels(steps));
            }
            if (!step.isShadow() && step.weight() <= previous) {
                throw new IllegalArgumentException("rollout weights must increase step by step, but " + labels(steps)
                        + " does not");
            }
            previous = step.weight();
        }
        if (holds.size() != 1 && holds.size() != steps.size()) {
            throw new IllegalArgumentException("give one hold time for every step or one per step (" + steps.size()
                    + "), but " + holds.size() + " were given");
        }
        for (Duration hold : holds) {
            if (hold.isNegative() || hold.isZero()) {
                throw new IllegalArgumentException("a hold time must be above 0, but was " + RolloutText.duration(hold));
            }
        }
        if (minRequests < 1) {
            throw new IllegalArgumentException("min-requests must be at least 1, but was " + minRequests);
        }
        fraction(maxErrorRateIncrease, "max-error-rate-increase");
        fraction(minMatchRate, "min-match-rate");
        if (maxP99Ratio != null && !(maxP99Ratio > 0 && maxP99Ratio < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("max-p99-ratio must be a number above 0, like 1.5, but was " + maxP99Ratio);
        }
        if (minMatchRate != null && !steps.get(0).isShadow()) {
            throw new IllegalArgumentException("min-match-rate is judged in the shadow step, but " + labels(steps)
                    + " has none; start the steps with shadow or leave min-match-rate out");
        }
        if (shadowPercent < 1 || shadowPercent > 100) {
            throw new IllegalArgumentException("shadow-percent must be between 1 and 100, but was " + shadowPercent);
        }
    }

    /** How long step {@code index} must hold before the next one. */
    public Duration hold(int index) {
        return holds.size() == 1 ? holds.get(0) : holds.get(index);
    }

    /** Whether {@code index} is the plan's last step. */
    public boolean isLast(int index) {
        return index == steps.size() - 1;
    }

    /** The steps as the route file writes them: {@code [shadow, 10, 50, 100]}. */
    public static String labels(List<RolloutStep> steps) {
        return steps.stream().map(RolloutStep::label).toList().toString();
    }

    private static void fraction(Double value, String name) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a percentage between 0% and 100%, but was "
                    + RolloutText.percent(value));
        }
    }
}
