package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * One decision of a team about the cut, read from a decisions file. Candidate names refer to the names the analyzer
 * gives without decisions, or to names that earlier decisions created.
 */
public sealed interface Decision permits Decision.Pin, Decision.Merge, Decision.Split, Decision.Rename, Decision.SharedKernel {

    /** The line in the decisions file, for messages; 0 when unknown. */
    int line();

    /** A one-line description for the report. */
    String describe();

    /**
     * Puts every class matching the patterns into the named service, creating it when needed.
     *
     * @param service the service name
     * @param patterns classes or packages
     * @param line where it was declared
     */
    record Pin(String service, List<ClassPattern> patterns, int line) implements Decision {
        public Pin {
            Objects.requireNonNull(service, "service");
            patterns = List.copyOf(patterns);
        }

        @Override
        public String describe() {
            return "pin " + patterns.stream().map(ClassPattern::glob).toList() + " to " + service;
        }
    }

    /**
     * Merges candidates into one, named {@code into}.
     *
     * @param into the merged service's name
     * @param candidates the candidates to merge
     * @param line where it was declared
     */
    record Merge(String into, List<String> candidates, int line) implements Decision {
        public Merge {
            Objects.requireNonNull(into, "into");
            candidates = List.copyOf(candidates);
        }

        @Override
        public String describe() {
            return "merge " + candidates + " into " + into;
        }
    }

    /**
     * Moves the classes of a candidate that match the patterns into a new service.
     *
     * @param candidate the candidate to split
     * @param into the new service's name
     * @param patterns the classes that move
     * @param line where it was declared
     */
    record Split(String candidate, String into, List<ClassPattern> patterns, int line) implements Decision {
        public Split {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(into, "into");
            patterns = List.copyOf(patterns);
        }

        @Override
        public String describe() {
            return "split " + patterns.stream().map(ClassPattern::glob).toList() + " out of " + candidate + " into " + into;
        }
    }

    /**
     * Renames a candidate.
     *
     * @param from the current name
     * @param to the new name
     * @param line where it was declared
     */
    record Rename(String from, String to, int line) implements Decision {
        public Rename {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String describe() {
            return "rename " + from + " to " + to;
        }
    }

    /**
     * Marks classes as shared kernel: kept out of every service and out of the clustering.
     *
     * @param patterns the classes
     * @param line where it was declared
     */
    record SharedKernel(List<ClassPattern> patterns, int line) implements Decision {
        public SharedKernel {
            patterns = List.copyOf(patterns);
        }

        @Override
        public String describe() {
            return "shared kernel " + patterns.stream().map(ClassPattern::glob).toList();
        }
    }
}
