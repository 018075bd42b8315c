package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Why each class is where it is: the decision or fold that moved it, the kernel rule that kept it apart, its
 * package (for classes without any tie), or its clustering tie inside its candidate against the strongest to another.
 */
final class Placements {
    private Placements() {
    }

    static List<Placement> of(CodebaseFacts facts, List<ServiceCandidate> candidates, NamedCut cut,
                              Set<ClassName> attached) {
        Map<ClassName, String> candidateOf = new HashMap<>();
        candidates.forEach(c -> c.classes().forEach(unit -> candidateOf.put(unit, c.name())));
        // each class on its own: placed on every core, kept in the order of the units
        return new ArrayList<>(facts.graph.units()).parallelStream()
                .map(unit -> place(facts, unit, candidateOf, cut, attached)).toList();
    }

    private static Placement place(CodebaseFacts facts, ClassName unit, Map<ClassName, String> candidateOf,
                                   NamedCut cut, Set<ClassName> attached) {
        String candidate = candidateOf.get(unit);
        SortedMap<String, Double> byCandidate = new TreeMap<>();
        List<Placement.Tie> ties = new ArrayList<>();
        facts.graph.neighbours(unit).forEach((other, weight) -> {
            String otherCandidate = candidateOf.get(other);
            byCandidate.merge(otherCandidate, weight, Double::sum);
            ties.add(new Placement.Tie(other, otherCandidate, Decomposer.round(weight)));
        });
        ties.sort(Comparator.comparingDouble((Placement.Tie t) -> -t.weight()).thenComparing(Placement.Tie::other));
        double inside = byCandidate.getOrDefault(candidate, 0.0);
        String bestOther = "";
        double bestOtherWeight = 0;
        for (var entry : byCandidate.entrySet()) {
            if (!entry.getKey().equals(candidate) && entry.getValue() > bestOtherWeight) {
                bestOther = entry.getKey();
                bestOtherWeight = entry.getValue();
            }
        }
        List<String> useCases = facts.useCaseLabels.getOrDefault(unit, List.of());
        String reason = reason(unit, cut, attached, inside, candidate, bestOther, bestOtherWeight, useCases);
        return new Placement(unit, candidate, reason, useCases.size(),
                useCases.stream().limit(5).toList(), ties.stream().limit(3).toList(), Decomposer.round(inside),
                bestOther, Decomposer.round(bestOtherWeight));
    }

    private static String reason(ClassName unit, NamedCut cut, Set<ClassName> attached, double inside,
                                 String candidate, String bestOther, double bestOtherWeight, List<String> useCases) {
        String moved = cut.moved().get(unit);
        if (moved != null) {
            return moved;
        }
        Kernel.Reason kept = cut.kernel().members().get(unit);
        if (kept != null) {
            return kept.describe();
        }
        if (attached.contains(unit)) {
            return "no dependency ties: placed with the classes of its package";
        }
        return String.format(Locale.ROOT, "clustered: tie %.1f inside %s", inside, candidate)
                + (bestOther.isEmpty() ? ", none to other candidates"
                : String.format(Locale.ROOT, " against %.1f to %s", bestOtherWeight, bestOther))
                + (useCases.isEmpty() ? "" : "; reached by " + useCases.size() + " use case(s)");
    }
}
