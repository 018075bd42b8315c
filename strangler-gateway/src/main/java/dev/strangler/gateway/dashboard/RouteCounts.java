package dev.strangler.gateway.dashboard;

import java.util.Objects;

/**
 * One route's running totals per side.
 *
 * @param monolith requests the monolith answered as the side chosen for them
 * @param target requests sent to the route's target (a function or service), with those that fell back to the
 *               monolith after the target failed counted here, as errors
 */
public record RouteCounts(SideCounts monolith, SideCounts target) {

    /** Nothing counted on either side. */
    public static final RouteCounts NONE = new RouteCounts(SideCounts.NONE, SideCounts.NONE);

    public RouteCounts {
        Objects.requireNonNull(monolith, "monolith");
        Objects.requireNonNull(target, "target");
    }

    /** What was counted after {@code earlier}, per side. */
    public RouteCounts minus(RouteCounts earlier) {
        return new RouteCounts(monolith.minus(earlier.monolith), target.minus(earlier.target));
    }
}
