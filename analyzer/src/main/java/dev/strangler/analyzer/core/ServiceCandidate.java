package dev.strangler.analyzer.core;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One proposed service (or the shared kernel) with everything a team needs to judge and move it.
 *
 * @param name a name derived from its dominant tables, routes and entities, or given by a decision
 * @param sharedKernel whether this is the shared kernel (a library, not a service)
 * @param classes its top-level classes
 * @param routes the entry points it serves, sorted by path then method
 * @param tables the tables its classes touch, owned or shared
 * @param inbound dependencies of other candidates on it, by candidate
 * @param outbound its dependencies on other candidates, by candidate
 * @param risks serverless risks in its classes
 * @param difficulty how hard it is to extract, with reasons
 * @param fitness how well it suits a function runtime, with reasons
 * @param extractionOrder 1 for the first to extract; 0 for the shared kernel
 */
public record ServiceCandidate(String name, boolean sharedKernel, SortedSet<ClassName> classes, List<EntryPoint> routes,
                               List<TableShare> tables, List<CandidateLink> inbound, List<CandidateLink> outbound,
                               List<Risk> risks, Difficulty difficulty, Fitness fitness, int extractionOrder) {
    public ServiceCandidate {
        Objects.requireNonNull(name, "name");
        classes = Collections.unmodifiableSortedSet(new TreeSet<>(classes));
        routes = List.copyOf(routes);
        tables = List.copyOf(tables);
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
        risks = List.copyOf(risks);
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(fitness, "fitness");
    }

    /** A table a candidate touches. */
    public record TableShare(String table, boolean owned, List<String> sharedWith, int writes, int reads) {
        public TableShare {
            Objects.requireNonNull(table, "table");
            sharedWith = List.copyOf(sharedWith);
        }
    }

    /**
     * Dependencies between this candidate and another one.
     *
     * @param candidate the other candidate
     * @param weight the summed uses (dependency weights)
     * @param dependencies the class-level dependencies, with their call sites
     */
    public record CandidateLink(String candidate, long weight, List<Dependency> dependencies) {
        public CandidateLink {
            Objects.requireNonNull(candidate, "candidate");
            dependencies = List.copyOf(dependencies);
        }
    }

    /** Extraction difficulty from 0 (trivial) to 100, with the reasons that add up to it. */
    public record Difficulty(int score, List<String> reasons) {
        public Difficulty {
            if (score < 0 || score > 100) {
                throw new IllegalArgumentException("score must be within 0..100, but was " + score);
            }
            reasons = List.copyOf(reasons);
        }
    }

    /** Fitness for a function runtime from 0 to 100, rated good, fair or poor, with the reasons. */
    public record Fitness(int score, String rating, List<String> reasons) {
        public Fitness {
            Objects.requireNonNull(rating, "rating");
            reasons = List.copyOf(reasons);
        }
    }
}
