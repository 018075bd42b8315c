package dev.strangler.extraction.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What extraction reads from the analyzer's {@code decomposition.json}: the candidates and the class graph.
 *
 * @param codebase the analysed codebase's name
 * @param candidates services in extraction order, then the shared kernel
 * @param edges class-to-class dependencies
 */
public record Report(String codebase, List<Candidate> candidates, List<ClassEdge> edges) {
    public Report {
        Objects.requireNonNull(codebase, "codebase");
        candidates = List.copyOf(candidates);
        edges = List.copyOf(edges);
    }

    public Optional<Candidate> candidate(String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names a {@code --service} may take: every candidate but the shared kernel. */
    public List<String> serviceNames() {
        return candidates.stream().filter(c -> !c.sharedKernel()).map(Candidate::name).toList();
    }

    /** Class name to the candidate it was placed in. */
    public Map<String, Candidate> owners() {
        Map<String, Candidate> owners = new TreeMap<>();
        for (Candidate candidate : candidates) {
            for (String type : candidate.classes()) {
                owners.put(type, candidate);
            }
        }
        return owners;
    }

    /**
     * One use of a class by another.
     *
     * @param from the using class
     * @param to the used class
     * @param kind the report's dependency kind ({@code CALL}, {@code FIELD}, ...)
     */
    public record ClassEdge(String from, String to, String kind) {
        public ClassEdge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
