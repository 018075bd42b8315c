package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * Why a class is where it is.
 *
 * @param name the class
 * @param candidate the candidate it is in
 * @param reason the rule that placed it, in words
 * @param useCaseCount how many use cases reach it
 * @param useCases the first few of them, sorted
 * @param strongestTies its strongest ties in the clustering graph, strongest first
 * @param tieInside its total tie to classes of its own candidate
 * @param bestOtherCandidate the other candidate it is most tied to, or the empty string
 * @param tieToBestOther its total tie to that candidate
 */
public record Placement(ClassName name, String candidate, String reason, int useCaseCount, List<String> useCases,
                        List<Tie> strongestTies, double tieInside, String bestOtherCandidate, double tieToBestOther) {
    public Placement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(reason, "reason");
        useCases = List.copyOf(useCases);
        strongestTies = List.copyOf(strongestTies);
        Objects.requireNonNull(bestOtherCandidate, "bestOtherCandidate");
    }

    /** One tie of a class to another. */
    public record Tie(ClassName other, String candidate, double weight) {
    }
}
