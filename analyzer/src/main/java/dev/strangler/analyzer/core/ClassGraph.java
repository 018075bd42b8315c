package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The class-level dependency graph of a codebase. Nested types are folded into their top-level type, which is the
 * unit that services are cut from. Holds three views: every dependency between units (for call sites and
 * explanations), the clustering weights (see {@link DependencyWeights}), and the call graph with raw call counts
 * (for the literature's metrics). Immutable and thread-safe.
 */
public final class ClassGraph {
    private final SortedSet<ClassName> units;
    private final Map<ClassName, ClassName> unitOf;
    private final List<Dependency> dependencies;
    private final SortedMap<ClassName, SortedMap<ClassName, Double>> weights;
    private final SortedMap<ClassName, SortedMap<ClassName, Long>> calls;
    private final boolean callGraphFromAllKinds;
    /**
     * The weights by source and by target, found by hash, made with the graph: each unit's neighbours are asked
     * for, and not on one thread.
     */
    private final Map<ClassName, SortedMap<ClassName, Double>> forward;
    private final Map<ClassName, SortedMap<ClassName, Double>> reverse;

    private ClassGraph(SortedSet<ClassName> units, Map<ClassName, ClassName> unitOf, List<Dependency> dependencies,
                       SortedMap<ClassName, SortedMap<ClassName, Double>> weights,
                       SortedMap<ClassName, SortedMap<ClassName, Long>> calls, boolean callGraphFromAllKinds) {
        this.units = units;
        this.unitOf = unitOf;
        this.dependencies = dependencies;
        this.weights = weights;
        this.calls = calls;
        this.callGraphFromAllKinds = callGraphFromAllKinds;
        this.forward = new HashMap<>(weights);
        this.reverse = reverse(weights);
    }

    public static ClassGraph of(Codebase codebase) {
        Set<ClassName> declared = new HashSet<>();
        codebase.types().forEach(type -> declared.add(type.name()));
        Map<ClassName, ClassName> unitOf = new HashMap<>();
        SortedSet<ClassName> units = new TreeSet<>();
        for (ClassName name : declared) {
            ClassName unit = topLevel(name, declared);
            unitOf.put(name, unit);
            units.add(unit);
        }
        List<Dependency> lifted = new ArrayList<>();
        // rows found by hash, sorted once at the end: a sorted map asked per dependency compares long names
        Map<ClassName, SortedMap<ClassName, Double>> weights = new HashMap<>();
        Map<ClassName, SortedMap<ClassName, Long>> calls = new HashMap<>();
        Map<ClassName, SortedMap<ClassName, Long>> anyKind = new HashMap<>();
        for (Dependency dependency : codebase.dependencies()) {
            ClassName from = unitOf.get(dependency.from());
            ClassName to = unitOf.get(dependency.to());
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            lifted.add(new Dependency(from, to, dependency.kind(), dependency.weight(), dependency.sites(),
                    dependency.guessed()));
            weights.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, DependencyWeights.weigh(dependency), Double::sum);
            anyKind.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, (long) dependency.weight(), Long::sum);
            if (DependencyWeights.isCall(dependency.kind())) {
                calls.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, (long) dependency.weight(), Long::sum);
            }
        }
        lifted.sort(DEPENDENCY_ORDER);
        // Without any call dependency (a scanner that only saw types) the metrics fall back to all kinds.
        boolean fallback = calls.isEmpty() && !anyKind.isEmpty();
        return new ClassGraph(Collections.unmodifiableSortedSet(units), unitOf, List.copyOf(lifted),
                new TreeMap<>(weights), new TreeMap<>(fallback ? anyKind : calls), fallback);
    }

    /** By from, to and kind; written out, as it sorts every dependency of the codebase. */
    static final java.util.Comparator<Dependency> DEPENDENCY_ORDER = (a, b) -> {
        int order = a.from().compareTo(b.from());
        if (order == 0) {
            order = a.to().compareTo(b.to());
        }
        return order != 0 ? order : a.kind().compareTo(b.kind());
    };

    private static ClassName topLevel(ClassName name, Set<ClassName> declared) {
        ClassName current = name;
        while (!current.packageName().isEmpty() && declared.contains(ClassName.of(current.packageName()))) {
            current = ClassName.of(current.packageName());
        }
        return current;
    }

    /** The top-level classes, sorted. */
    public SortedSet<ClassName> units() {
        return units;
    }

    /** The unit a declared type belongs to, or null when the type is not declared in the codebase. */
    public ClassName unitOf(ClassName name) {
        ClassName unit = unitOf.get(name);
        if (unit != null) {
            return unit;
        }
        // A method owner or accessor may name a nested type the scanner did not list; fold by prefix.
        String value = name.value();
        for (int dot = value.lastIndexOf('.'); dot > 0; dot = value.lastIndexOf('.', dot - 1)) {
            ClassName outer = unitOf.get(ClassName.of(value.substring(0, dot)));
            if (outer != null) {
                return outer;
            }
        }
        return null;
    }

    /** Dependencies between distinct units, sorted by from, to, kind. */
    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** Directed clustering weights, from → to → weight. */
    public SortedMap<ClassName, SortedMap<ClassName, Double>> weights() {
        return weights;
    }

    /** Directed call graph with raw counts v_xy, from → to → count, self-edges dropped. */
    public SortedMap<ClassName, SortedMap<ClassName, Long>> calls() {
        return calls;
    }

    /** Whether the call graph had to be built from all dependency kinds because the input had no calls. */
    public boolean isCallGraphFromAllKinds() {
        return callGraphFromAllKinds;
    }

    /** The undirected clustering weight between two units (both directions added). */
    public double tie(ClassName a, ClassName b) {
        return weights.getOrDefault(a, Collections.emptySortedMap()).getOrDefault(b, 0.0)
                + weights.getOrDefault(b, Collections.emptySortedMap()).getOrDefault(a, 0.0);
    }

    /** Undirected neighbours with their ties, sorted by name. */
    public SortedMap<ClassName, Double> neighbours(ClassName unit) {
        SortedMap<ClassName, Double> result = new TreeMap<>();
        forward.getOrDefault(unit, Collections.emptySortedMap()).forEach((to, w) -> result.merge(to, w, Double::sum));
        // Reverse direction: a linear scan per call would be slow on big graphs, so use the reverse index.
        reverse.getOrDefault(unit, Collections.emptySortedMap()).forEach((from, w) -> result.merge(from, w, Double::sum));
        return result;
    }

    /** to → from → weight; asked per unit only, so found by hash. */
    private static Map<ClassName, SortedMap<ClassName, Double>> reverse(
            SortedMap<ClassName, SortedMap<ClassName, Double>> weights) {
        Map<ClassName, SortedMap<ClassName, Double>> result = new HashMap<>();
        for (var from : weights.entrySet()) {
            for (var to : from.getValue().entrySet()) {
                result.computeIfAbsent(to.getKey(), k -> new TreeMap<>()).put(from.getKey(), to.getValue());
            }
        }
        return result;
    }
}
