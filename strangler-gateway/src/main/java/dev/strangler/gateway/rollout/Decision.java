package dev.strangler.gateway.rollout;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the judge made of one rollout at one moment, with its reasons and the figures that drove it. */
public sealed interface Decision permits Decision.Advance, Decision.Complete, Decision.Hold, Decision.RollBack {

    /** Why, in words with the figures. */
    List<String> reasons();

    /** The figures judged, by name. */
    SortedMap<String, Double> figures();

    /** {@code advance}, {@code complete}, {@code hold} or {@code rollback}; the metrics' and audit log's word. */
    String label();

    /**
     * The thresholds held for the hold time: go on to step {@code toStep}.
     *
     * @param toStep index of the next step
     * @param reasons why
     * @param figures the figures judged
     */
    record Advance(int toStep, List<String> reasons, SortedMap<String, Double> figures) implements Decision {
        public Advance {
            reasons = List.copyOf(reasons);
            figures = copy(figures);
        }

        @Override
        public String label() {
            return "advance";
        }
    }

    /**
     * The last step held for its hold time: the rollout is done and the route stays at that step's weight.
     *
     * @param reasons why
     * @param figures the figures judged
     */
    record Complete(List<String> reasons, SortedMap<String, Double> figures) implements Decision {
        public Complete {
            reasons = List.copyOf(reasons);
            figures = copy(figures);
        }

        @Override
        public String label() {
            return "complete";
        }
    }

    /**
     * Nothing to do yet: too few requests, the hold time not over, or paused.
     *
     * @param reasons why
     * @param figures the figures judged
     */
    record Hold(List<String> reasons, SortedMap<String, Double> figures) implements Decision {
        public Hold {
            reasons = List.copyOf(reasons);
            figures = copy(figures);
        }

        @Override
        public String label() {
            return "hold";
        }
    }

    /**
     * A threshold did not hold: the route goes back to the monolith (weight 0, shadow off).
     *
     * @param reasons the thresholds breached, with the figures
     * @param figures the figures judged
     */
    record RollBack(List<String> reasons, SortedMap<String, Double> figures) implements Decision {
        public RollBack {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a rollback needs at least one reason");
            }
            figures = copy(figures);
        }

        @Override
        public String label() {
            return "rollback";
        }
    }

    private static SortedMap<String, Double> copy(Map<String, Double> figures) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(figures, "figures")));
    }
}
