package dev.strangler.gateway.rollout;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway saw of one route since its current step began (or since the gateway started, when later).
 *
 * @param since when these figures started being collected
 * @param monolith the monolith's answers of the route
 * @param target the target's answers to users (weight steps); a request that fell back to the monolith counts here, as
 *               an error
 * @param shadowTarget the target's answers to shadow copies (shadow step)
 * @param shadowMatches copies answered like the monolith
 * @param shadowMismatches copies answered otherwise
 * @param previousMonolith the monolith's figures of the step before, or null: the baseline when a step sends it no
 *                         traffic (weight 100)
 */
public record StepFigures(Instant since, SideFigures monolith, SideFigures target, SideFigures shadowTarget,
                          long shadowMatches, long shadowMismatches, SideFigures previousMonolith) {
    public StepFigures {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(monolith, "monolith");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(shadowTarget, "shadowTarget");
        if (shadowMatches < 0 || shadowMismatches < 0) {
            throw new IllegalArgumentException("shadow counts must be 0 or more, but were " + shadowMatches + " and "
                    + shadowMismatches);
        }
    }

    /** Figures of a step with no traffic yet. */
    public static StepFigures empty(Instant since) {
        return new StepFigures(since, SideFigures.NONE, SideFigures.NONE, SideFigures.NONE, 0, 0, null);
    }

    /** Matches of compared copies, NaN before any. */
    public double matchRate() {
        long compared = shadowMatches + shadowMismatches;
        return compared == 0 ? Double.NaN : (double) shadowMatches / compared;
    }
}
