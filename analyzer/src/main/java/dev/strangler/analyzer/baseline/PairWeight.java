package dev.strangler.analyzer.baseline;

import java.util.Objects;

/**
 * The summed weight of the dependencies from one candidate to another, in the baseline and now.
 *
 * @param from   the using candidate, by its current name
 * @param to     the used candidate, by its current name
 * @param before summed weight in the baseline, 0 when the pair had none
 * @param after  summed weight now, 0 when the pair has none left
 */
public record PairWeight(String from, String to, int before, int after) {
    public PairWeight {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("weights must be at least 0, but were " + before + " and " + after);
        }
    }

    /** {@code orders -> billing: 3 -> 5}. */
    @Override
    public String toString() {
        return from + " -> " + to + ": " + before + " -> " + after;
    }
}
