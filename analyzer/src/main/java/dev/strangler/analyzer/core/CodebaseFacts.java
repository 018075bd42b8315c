package dev.strangler.analyzer.core;

import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the decomposition needs to know about each unit, folded from nested types, computed once per run. */
final class CodebaseFacts {
    final Codebase codebase;
    final ClassGraph graph;
    final List<UseCase> useCases;
    final Map<ClassName, Set<Stereotype>> stereotypes;
    /** Asked only whether they hold a unit, never iterated: hash sets, so order cannot leak into the report. */
    final Set<ClassName> entryClasses;
    final Set<ClassName> statefulClasses;
    final Set<ClassName> boundRepositories;
    /** table → unit → [writes, reads, mappings, repositories] */
    final SortedMap<String, SortedMap<ClassName, int[]>> tableUse;
    /** Every unit in {@link #tableUse}, for the per-unit question asked for each unit of the graph. */
    private final Set<ClassName> tableUsers;
    /** Each unit's use case labels, sorted and distinct. */
    final SortedMap<ClassName, List<String>> useCaseLabels = new TreeMap<>();
    /** Asked per unit, never iterated by key: hash maps. */
    final Map<ClassName, SortedSet<ClassName>> dependents;
    final Map<ClassName, SortedSet<ClassName>> dependees;
    /** The call graph, use cases and tables numbered for the metrics of every partition of the run. */
    final MetricsGraph metricsGraph;

    /**
     * Risks that mean a class runs state or work of its own, so it cannot be shared as a library. An HTTP session is
     * the request's state, and a static field is often configuration: such classes may still be shared (their risks
     * stay in the shared kernel's fitness).
     */
    private static final Set<RiskKind> STATE_RISKS = EnumSet.of(RiskKind.IN_MEMORY_CACHE,
            RiskKind.LOCAL_FILE_WRITE, RiskKind.THREADS_AND_EXECUTORS);

    static final int WRITES = 0;
    static final int READS = 1;
    static final int MAPPINGS = 2;
    static final int REPOSITORIES = 3;

    CodebaseFacts(Codebase codebase, ClassGraph graph, List<UseCase> useCases) {
        this(new Units(codebase, graph), useCases);
    }

    CodebaseFacts(Units units, List<UseCase> useCases) {
        this.codebase = units.codebase;
        this.graph = units.graph;
        this.useCases = useCases;
        this.stereotypes = units.stereotypes;
        this.entryClasses = units.entryClasses;
        this.statefulClasses = units.statefulClasses;
        this.boundRepositories = units.boundRepositories;
        this.tableUse = units.tableUse;
        this.tableUsers = units.tableUsers;
        this.dependents = units.dependents;
        this.dependees = units.dependees;
        useCaseLabels.putAll(labelsByUnit(useCases));
        metricsGraph = MetricsGraph.of(graph.calls(), useCaseLabels, tableTouchers());
    }

    /**
     * What is known of each unit before any use case is traced, from the codebase and its class graph alone: worked
     * out on a second core while the use-case tracer is built. Not changed once built.
     */
    static final class Units {
        private final Codebase codebase;
        private final ClassGraph graph;
        private final Map<ClassName, Set<Stereotype>> stereotypes = new HashMap<>();
        private final Set<ClassName> entryClasses = new HashSet<>();
        private final Set<ClassName> statefulClasses = new HashSet<>();
        private final Set<ClassName> boundRepositories = new HashSet<>();
        private final SortedMap<String, SortedMap<ClassName, int[]>> tableUse = new TreeMap<>();
        private final Set<ClassName> tableUsers = new HashSet<>();
        private final Map<ClassName, SortedSet<ClassName>> dependents = new HashMap<>();
        private final Map<ClassName, SortedSet<ClassName>> dependees = new HashMap<>();

        Units(Codebase codebase, ClassGraph graph) {
            this.codebase = codebase;
            this.graph = graph;
            for (TypeInfo type : codebase.types()) {
                ClassName unit = graph.unitOf(type.name());
                stereotypes.computeIfAbsent(unit, k -> EnumSet.noneOf(Stereotype.class)).addAll(type.stereotypes());
            }
            for (EntryPoint entryPoint : codebase.entryPoints()) {
                ClassName unit = graph.unitOf(entryPoint.handler().owner());
                if (unit != null) {
                    entryClasses.add(unit);
                }
            }
            for (Risk risk : codebase.risks()) {
                ClassName unit = graph.unitOf(risk.owner());
                if (unit != null && STATE_RISKS.contains(risk.kind())) {
                    statefulClasses.add(unit);
                }
            }
            for (TableAccess access : codebase.tableAccesses()) {
                use(access.table(), access.accessor(), access.mode() == AccessMode.WRITE ? WRITES : READS);
            }
            Map<ClassName, SortedSet<String>> tablesOfEntity = new HashMap<>();
            for (EntityMapping mapping : codebase.entities()) {
                use(mapping.table(), mapping.entity(), MAPPINGS);
                tablesOfEntity.computeIfAbsent(mapping.entity(), k -> new TreeSet<>()).add(mapping.table());
            }
            for (RepositoryBinding binding : codebase.repositories()) {
                ClassName repository = graph.unitOf(binding.repository());
                if (repository != null) {
                    boundRepositories.add(repository);
                }
                for (String table : tablesOfEntity.getOrDefault(binding.entity(), Collections.emptySortedSet())) {
                    use(table, binding.repository(), REPOSITORIES);
                }
            }
            for (Dependency dependency : graph.dependencies()) {
                dependents.computeIfAbsent(dependency.to(), k -> new TreeSet<>()).add(dependency.from());
                dependees.computeIfAbsent(dependency.from(), k -> new TreeSet<>()).add(dependency.to());
            }
        }

        ClassGraph graph() {
            return graph;
        }

        private void use(String table, ClassName type, int column) {
            ClassName unit = graph.unitOf(type);
            if (unit != null) {
                tableUse.computeIfAbsent(table, k -> new TreeMap<>()).computeIfAbsent(unit, k -> new int[4])[column]++;
                tableUsers.add(unit);
            }
        }
    }

    /**
     * Each unit's use case labels, sorted and distinct. The distinct labels are sorted once and each unit's set is
     * a bit set of their ranks; many units are reached by the same use cases, so each distinct list is built once
     * and shared (read-only).
     */
    private static Map<ClassName, List<String>> labelsByUnit(List<UseCase> useCases) {
        String[] sorted = useCases.stream().map(UseCase::label).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> rankOf = new HashMap<>();
        for (String label : sorted) {
            rankOf.put(label, rankOf.size());
        }
        Map<ClassName, BitSet> reachedBy = new HashMap<>();
        for (UseCase useCase : useCases) {
            int rank = rankOf.get(useCase.label());
            for (ClassName unit : useCase.classes()) {
                reachedBy.computeIfAbsent(unit, k -> new BitSet(sorted.length)).set(rank);
            }
        }
        Map<BitSet, List<String>> distinct = new HashMap<>();
        Map<ClassName, List<String>> result = new HashMap<>();
        reachedBy.forEach((unit, ranks) -> result.put(unit, distinct.computeIfAbsent(ranks,
                bits -> bits.stream().mapToObj(rank -> sorted[rank]).toList())));
        return result;
    }

    boolean is(ClassName unit, Stereotype stereotype) {
        return stereotypes.getOrDefault(unit, Set.of()).contains(stereotype);
    }

    boolean touchesTables(ClassName unit) {
        return tableUsers.contains(unit);
    }

    /**
     * Classes that may go into the shared kernel: no behaviour of a service, no data, no state. Roles weigh against
     * facts: a repository role counts only with data behind it (a bound entity or a table access), an entry point
     * role only with a route handled (an abstract base servlet handles none).
     */
    boolean isKernelEligible(ClassName unit) {
        for (Stereotype role : List.of(Stereotype.SERVICE, Stereotype.ENTITY, Stereotype.BACKGROUND_JOB)) {
            if (is(unit, role)) {
                return false;
            }
        }
        if (is(unit, Stereotype.REPOSITORY) && boundRepositories.contains(unit)) {
            return false;
        }
        return !entryClasses.contains(unit) && !statefulClasses.contains(unit) && !touchesTables(unit);
    }

    /** For metrics: table → units touching it. */
    private SortedMap<String, SortedSet<ClassName>> tableTouchers() {
        SortedMap<String, SortedSet<ClassName>> result = new TreeMap<>();
        tableUse.forEach((table, users) -> result.put(table, new TreeSet<>(users.keySet())));
        return result;
    }
}
