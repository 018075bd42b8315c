package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * A use of one class by another in the analysed codebase, aggregated over all its occurrences of one kind.
 *
 * @param from the using class
 * @param to the used class (in the codebase; uses of libraries and the JDK are not dependencies)
 * @param kind how it is used
 * @param weight how many times (members or expressions that use it), at least 1
 * @param sites some of the places it happens, sorted; may be fewer than {@code weight} to bound memory
 * @param guessed whether the target was found by name only because the symbol solver could not resolve it
 */
public record Dependency(ClassName from, ClassName to, DependencyKind kind, int weight,
                         List<SourceLocation> sites, boolean guessed) {
    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, but was " + weight);
        }
        sites = List.copyOf(sites);
    }
}
