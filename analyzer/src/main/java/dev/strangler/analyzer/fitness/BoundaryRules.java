package dev.strangler.analyzer.fitness;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.EntityMapping;
import dev.strangler.analyzer.core.RepositoryBinding;
import dev.strangler.analyzer.core.ServiceCandidate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the fitness functions enforce, taken from a decomposition: which candidate each top-level class is in, the
 * class-to-class edges between candidates the report lists (allowed), and the classes that stand for a table
 * (entities and repositories) with the tables behind them.
 *
 * @param codebase the analysed codebase's name
 * @param candidateOf each top-level class's candidate
 * @param sharedKernel the shared-kernel candidates (usable from everywhere)
 * @param listedEdges the cross-candidate dependencies the report lists, as from → to pairs of top-level classes
 * @param tablesOf each entity or repository class's tables, described with their owner
 */
record BoundaryRules(String codebase, SortedMap<String, String> candidateOf, SortedSet<String> sharedKernel,
                     SortedSet<Edge> listedEdges, SortedMap<String, String> tablesOf) {
    BoundaryRules {
        Objects.requireNonNull(codebase, "codebase");
        candidateOf = Collections.unmodifiableSortedMap(new TreeMap<>(candidateOf));
        sharedKernel = Collections.unmodifiableSortedSet(new TreeSet<>(sharedKernel));
        listedEdges = Collections.unmodifiableSortedSet(new TreeSet<>(listedEdges));
        tablesOf = Collections.unmodifiableSortedMap(new TreeMap<>(tablesOf));
    }

    /** A listed dependency between two top-level classes of different candidates. */
    record Edge(String from, String to) implements Comparable<Edge> {
        Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public int compareTo(Edge other) {
            int byFrom = from.compareTo(other.from);
            return byFrom != 0 ? byFrom : to.compareTo(other.to);
        }
    }

    static BoundaryRules of(Decomposition decomposition) {
        SortedMap<String, String> candidateOf = new TreeMap<>();
        SortedSet<String> kernel = new TreeSet<>();
        SortedSet<Edge> edges = new TreeSet<>();
        Map<String, String> ownerOfTable = new TreeMap<>();
        for (ServiceCandidate candidate : decomposition.candidates()) {
            candidate.classes().forEach(name -> candidateOf.put(name.value(), candidate.name()));
            if (candidate.sharedKernel()) {
                kernel.add(candidate.name());
            }
            for (ServiceCandidate.CandidateLink link : candidate.outbound()) {
                for (Dependency dependency : link.dependencies()) {
                    edges.add(new Edge(dependency.from().value(), dependency.to().value()));
                }
            }
            candidate.tables().stream().filter(ServiceCandidate.TableShare::owned)
                    .forEach(table -> ownerOfTable.put(table.table(), candidate.name()));
        }
        Map<String, SortedSet<String>> tables = new TreeMap<>();
        Map<ClassName, String> tableOfEntity = new TreeMap<>();
        for (EntityMapping entity : decomposition.codebase().entities()) {
            tableOfEntity.putIfAbsent(entity.entity(), entity.table());
            tables.computeIfAbsent(unit(decomposition, entity.entity()), k -> new TreeSet<>()).add(entity.table());
        }
        for (RepositoryBinding repository : decomposition.codebase().repositories()) {
            String table = tableOfEntity.get(repository.entity());
            if (table != null) {
                tables.computeIfAbsent(unit(decomposition, repository.repository()), k -> new TreeSet<>()).add(table);
            }
        }
        SortedMap<String, String> tablesOf = new TreeMap<>();
        tables.forEach((type, names) -> {
            if (candidateOf.containsKey(type) && !kernel.contains(candidateOf.get(type))) {
                List<String> described = new ArrayList<>();
                names.forEach(table -> described.add(table + " (owned by " + ownerOfTable.getOrDefault(table, "nobody") + ")"));
                tablesOf.put(type, String.join(", ", described));
            }
        });
        return new BoundaryRules(decomposition.codebase().name(), candidateOf, kernel, edges, tablesOf);
    }

    private static String unit(Decomposition decomposition, ClassName name) {
        try {
            ClassName unit = decomposition.graph().unitOf(name);
            return (unit != null ? unit : name).value();
        } catch (IllegalArgumentException e) {
            return name.value();
        }
    }

    /** The candidates in name order, with their classes. */
    SortedMap<String, SortedSet<String>> classesByCandidate() {
        SortedMap<String, SortedSet<String>> byCandidate = new TreeMap<>();
        candidateOf.forEach((type, candidate) -> byCandidate.computeIfAbsent(candidate, k -> new TreeSet<>()).add(type));
        return byCandidate;
    }

    /** The longest package all classes share, or the empty string. */
    String commonPackage() {
        String common = null;
        for (String type : candidateOf.keySet()) {
            int dot = type.lastIndexOf('.');
            String pkg = dot < 0 ? "" : type.substring(0, dot);
            common = common == null ? pkg : sharedPrefix(common, pkg);
        }
        return common == null ? "" : common;
    }

    private static String sharedPrefix(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < Math.min(left.length, right.length) && left[i].equals(right[i]); i++) {
            prefix.append(prefix.isEmpty() ? "" : ".").append(left[i]);
        }
        return prefix.toString();
    }
}
