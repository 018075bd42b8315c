package dev.strangler.gateway.rollout;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The latest change a rollout made or was told to make, kept with the route (so it survives a restart and reaches
 * the audit log).
 *
 * @param decision {@code start}, {@code advance}, {@code complete}, {@code rollback}, {@code pause}, {@code resume} or
 *                 {@code abort}
 * @param at when it was made
 * @param reasons why, in words with the figures
 * @param figures the figures that drove it, by name ({@code target-error-rate}, {@code monolith-p99-ms}, …), sorted
 */
public record LastDecision(String decision, Instant at, List<String> reasons, SortedMap<String, Double> figures) {
    public LastDecision {
        Objects.requireNonNull(decision, "decision");
        if (decision.isBlank()) {
            throw new IllegalArgumentException("decision must not be blank, but was '" + decision + "'");
        }
        Objects.requireNonNull(at, "at");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        figures = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(figures, "figures")));
    }

    /** A decision made by hand or without figures. */
    public static LastDecision of(String decision, Instant at, String reason) {
        return new LastDecision(decision, at, List.of(reason), new TreeMap<>());
    }

    /** A decision of the judge. */
    public static LastDecision of(Decision decision, Instant at) {
        return new LastDecision(decision.label(), at, decision.reasons(), new TreeMap<>(decision.figures()));
    }
}
