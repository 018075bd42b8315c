package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Cuts a codebase into candidate services: traces use cases, keeps pure utilities and widely used value types in a
 * shared kernel, clusters the rest with Louvain seeded by use cases and tables, chooses the number of services from
 * the modularity of the merge levels, applies the team's decisions, and computes metrics and explanations.
 * Deterministic: the same codebase and options give an equal result. Stateless and thread-safe.
 */
public final class Decomposer {
    public static final String SHARED_KERNEL = "shared-kernel";
    /** The largest number of services chosen without being asked: "a handful rather than dozens". */
    static final int MAX_CHOSEN = 12;
    /** A near-tie rule: the chosen number is the smallest whose modularity is within this share of the best one. */
    static final double MODULARITY_TOLERANCE = 0.005;
    static final double DEFAULT_RESOLUTION = 1.0;
    /** Below this modularity a graph has no significant community structure (Clauset, Newman and Moore 2004). */
    static final double SIGNIFICANT_MODULARITY = 0.3;

    public Decomposition decompose(Codebase codebase, DecompositionOptions options, ProgressListener progress) {
        ClassGraph graph = ClassGraph.of(codebase);
        List<EntryPoint> entryPoints = new ArrayList<>(codebase.entryPoints());
        entryPoints.sort(Comparator.comparing(EntryPoint::path).thenComparing(EntryPoint::httpMethod)
                .thenComparing(EntryPoint::handler));
        progress.started("tracing use cases", entryPoints.size());
        UseCaseTracer tracer = new UseCaseTracer(codebase, graph);
        // each use case is traced on its own: on every core, kept in the order of the entry points
        List<UseCase> useCases = entryPoints.parallelStream().map(entryPoint -> {
            UseCase useCase = tracer.trace(entryPoint);
            progress.advanced(1);
            return useCase;
        }).toList();
        progress.finished();
        CodebaseFacts facts = new CodebaseFacts(codebase, graph, useCases);
        progress.started("finding service boundaries", 3);
        Map<ClassName, String> reasons = new HashMap<>();
        SortedSet<ClassName> utilities = new TreeSet<>();
        for (ClassName unit : graph.units()) {
            if (facts.is(unit, Stereotype.UTILITY) && facts.isKernelEligible(unit)) {
                utilities.add(unit);
                reasons.put(unit, "shared kernel: a stateless utility without table access");
            }
        }
        Cutter unconstrained = new Cutter(facts, utilities, options, reasons);
        progress.advanced(1);
        List<Problem> problems = new ArrayList<>();
        List<Decision> decisions = options.decisions();
        SortedSet<ClassName> marked = new TreeSet<>();
        List<Decision.SharedKernel> marks = new ArrayList<>();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.SharedKernel mark) {
                marks.add(mark);
                for (ClassName unit : graph.units()) {
                    if (mark.patterns().stream().anyMatch(p -> p.matches(unit))) {
                        marked.add(unit);
                        reasons.put(unit, "shared kernel: marked by the decision on line " + mark.line());
                    }
                }
            }
        }
        Cutter constrained = unconstrained;
        if (!marks.isEmpty()) {
            SortedSet<ClassName> kernel = new TreeSet<>(utilities);
            kernel.addAll(marked);
            constrained = new Cutter(facts, kernel, options, reasons);
        }
        progress.advanced(1);
        problems.addAll(constrained.problems);
        Partition cut = constrained.partition;
        LinkedHashMap<String, SortedSet<ClassName>> named = new LinkedHashMap<>();
        List<String> names = CandidateNamer.name(cut.groups(), facts);
        for (int g = 0; g < cut.size(); g++) {
            named.put(names.get(g), new TreeSet<>(cut.groups().get(g)));
        }
        SortedSet<ClassName> kernel = new TreeSet<>(cut.kernel());
        List<Decomposition.DecisionEffect> effects = new ArrayList<>();
        DecompositionMetrics before = metrics(facts, unconstrained.partition);
        for (Decision.SharedKernel mark : marks) {
            DecompositionMetrics after = metrics(facts, cut);
            effects.add(new Decomposition.DecisionEffect(mark, true, countMarked(mark, graph) + " class(es) kept out of "
                    + "the clustering", before, after));
            before = after;
        }
        DecisionApplier applier = new DecisionApplier(graph.units(), named, kernel, reasons);
        for (Decision decision : decisions) {
            if (decision instanceof Decision.SharedKernel) {
                continue;
            }
            String note = applier.apply(decision);
            boolean applied = note.startsWith("applied");
            if (!applied) {
                problems.add(new Problem("decisions", decision.line(), 0, Severity.WARNING,
                        decision.describe() + ": " + note));
            }
            DecompositionMetrics after = metrics(facts, toPartition(named, kernel));
            effects.add(new Decomposition.DecisionEffect(decision, applied, note, before, after));
            before = after;
        }
        named.values().removeIf(SortedSet::isEmpty);
        int kernelClasses = kernel.size();
        KernelFold fold = KernelFold.of(graph, named, kernel);
        Partition kept = toPartition(named, kernel);
        Partition folded = fold.apply(named, kernel);
        if (options.kernel() == KernelMode.FOLD) {
            fold.targets().forEach((unit, target) -> {
                named.get(target).add(unit);
                kernel.remove(unit);
                reasons.put(unit, "folded into " + target + " (--kernel fold): " + fold.reasons().get(unit)
                        + "; it would be in the shared kernel (" + reasons.getOrDefault(unit, "shared kernel")
                        .replaceFirst("^shared kernel: ", "") + ")");
            });
        }
        Partition finalCut = toPartition(named, kernel);
        // The neighbouring numbers of services only read the unconstrained cut: worked out on a second core meanwhile.
        FutureTask<List<Decomposition.Neighbour>> neighbours = new FutureTask<>(() -> unconstrained.neighbours(facts));
        Thread neighbourThread = new Thread(neighbours, "neighbouring-cuts");
        neighbourThread.setDaemon(true);
        neighbourThread.start();
        List<ServiceCandidate> candidates = new CandidateBuilder(facts).build(named, kernel);
        List<Placement> placements = placements(facts, candidates, reasons, unconstrained.attached);
        DecompositionMetrics finalMetrics = metrics(facts, finalCut);
        boolean folding = options.kernel() == KernelMode.FOLD;
        DecompositionMetrics leftOut = folding ? metrics(facts, kept) : finalMetrics;
        boolean noKernel = kept.kernel().isEmpty();
        MetricsByKernel byKernel = new MetricsByKernel(options.kernel(), kernelClasses, leftOut,
                noKernel ? leftOut : metrics(facts, kept.withKernelAsGroup()),
                folding ? finalMetrics : noKernel ? leftOut : metrics(facts, folded));
        progress.advanced(1);
        progress.finished();
        String source = options.withBytecode() ? "static, from sources and compiled classes" : "static, from sources";
        String metricsGraph = graph.isCallGraphFromAllKinds()
                ? "class-level dependency graph of all dependency kinds (" + source
                        + "; the input had no call dependencies)"
                : "class-level call graph (" + source + "; CALL and INSTANTIATION dependencies, v = number of uses)";
        return new Decomposition(codebase, graph, useCases, candidates, placements, finalMetrics,
                metricsGraph, byKernel, constrained.choice, result(neighbours), effects, problems, null);
    }

    private static <T> T result(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing neighbouring numbers of services", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static int countMarked(Decision.SharedKernel mark, ClassGraph graph) {
        return (int) graph.units().stream().filter(unit -> mark.patterns().stream().anyMatch(p -> p.matches(unit))).count();
    }

    static Partition toPartition(LinkedHashMap<String, SortedSet<ClassName>> named, SortedSet<ClassName> kernel) {
        return new Partition(new ArrayList<>(named.values()), kernel);
    }

    static DecompositionMetrics metrics(CodebaseFacts facts, Partition partition) {
        return MetricsCalculator.compute(facts.graph.calls(), partition, facts.useCaseLabels, facts.tableTouchers());
    }

    private static List<Placement> placements(CodebaseFacts facts, List<ServiceCandidate> candidates,
                                              Map<ClassName, String> reasons, Set<ClassName> attached) {
        Map<ClassName, String> candidateOf = new HashMap<>();
        candidates.forEach(c -> c.classes().forEach(unit -> candidateOf.put(unit, c.name())));
        List<Placement> result = new ArrayList<>();
        for (ClassName unit : facts.graph.units()) {
            String candidate = candidateOf.get(unit);
            SortedMap<String, Double> byCandidate = new TreeMap<>();
            List<Placement.Tie> ties = new ArrayList<>();
            facts.graph.neighbours(unit).forEach((other, weight) -> {
                String otherCandidate = candidateOf.get(other);
                byCandidate.merge(otherCandidate, weight, Double::sum);
                ties.add(new Placement.Tie(other, otherCandidate, round(weight)));
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
            SortedSet<String> useCases = facts.useCaseLabels.getOrDefault(unit, new TreeSet<>());
            String reason = reasons.get(unit);
            if (reason != null && reason.startsWith("shared kernel") && !SHARED_KERNEL.equals(candidate)) {
                reason = null;
            }
            if (reason == null) {
                if (attached.contains(unit)) {
                    reason = "no dependency ties: placed with the classes of its package";
                } else {
                    reason = String.format(Locale.ROOT, "clustered: tie %.1f inside %s", inside, candidate)
                            + (bestOther.isEmpty() ? ", none to other candidates"
                            : String.format(Locale.ROOT, " against %.1f to %s", bestOtherWeight, bestOther))
                            + (useCases.isEmpty() ? "" : "; reached by " + useCases.size() + " use case(s)");
                }
            }
            result.add(new Placement(unit, candidate, reason, useCases.size(),
                    useCases.stream().limit(5).toList(), ties.stream().limit(3).toList(), round(inside), bestOther,
                    round(bestOtherWeight)));
        }
        return result;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
