package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.concurrent.FutureTask;

/**
 * Cuts a codebase into candidate services: traces use cases, keeps pure utilities and widely used value types in a
 * shared kernel, clusters the rest with Louvain seeded by use cases and tables, chooses the number of services from
 * the modularity of the merge levels, applies the team's decisions, and computes metrics and explanations.
 * Deterministic: the same codebase and options give an equal result. Stateless and thread-safe.
 *
 * <p>A pipeline of values: use cases are traced ({@link UseCase}), the kernel rules give a {@link Kernel}, each
 * clustering run a {@link Cutter.Cut}, the decisions a {@link Decided} cut (each decision a {@link DecisionOutcome}
 * on an immutable {@link NamedCut}), the kernel stage a {@link Folded} cut with its metrics counted three ways; the
 * candidates and {@link Placements} are built from that. No stage changes what an earlier one returned.
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
        // the class graph and what it says of each unit on a second core while the tracer numbers every method:
        // neither needs the other
        FutureTask<CodebaseFacts.Units> unitsTask = Background.start("class-graph",
                () -> new CodebaseFacts.Units(codebase, ClassGraph.of(codebase)));
        UseCaseTracer tracer = new UseCaseTracer(codebase);
        CodebaseFacts.Units units = Background.join(unitsTask, "building the class graph");
        ClassGraph graph = units.graph();
        CodebaseFacts facts = new CodebaseFacts(units, trace(codebase, tracer, graph, progress));
        progress.started("finding service boundaries", 3);
        Kernel utilities = Kernel.of(graph.units().stream().filter(unit -> facts.is(unit, Stereotype.UTILITY)
                && facts.isKernelEligible(unit)).toList(), Kernel.Rule.UTILITY, "a stateless utility without table access");
        Cutter unconstrained = new Cutter(facts, utilities, options);
        // The neighbouring numbers of services only read the unconstrained cutter, which nothing else uses from here
        // on (its cut is an immutable value): worked out on a second core meanwhile.
        FutureTask<List<Decomposition.Neighbour>> neighbours = Background.start("neighbouring-cuts",
                () -> unconstrained.neighbours(facts));
        progress.advanced(1);
        List<Decision.SharedKernel> marks = options.decisions().stream()
                .filter(Decision.SharedKernel.class::isInstance).map(Decision.SharedKernel.class::cast).toList();
        Kernel marked = Kernel.EMPTY;
        for (Decision.SharedKernel mark : marks) {
            marked = marked.with(Kernel.of(graph.units().stream().filter(unit -> mark.patterns().stream()
                    .anyMatch(p -> p.matches(unit))).toList(), Kernel.Rule.DECISION,
                    "marked by the decision on line " + mark.line()));
        }
        Cutter.Cut cut = marks.isEmpty() ? unconstrained.cut() : new Cutter(facts, marked.with(utilities), options).cut();
        progress.advanced(1);
        Decided decided = decide(facts, unconstrained.cut(), cut, marks, options.decisions());
        Folded folded = Folded.of(facts, decided.cut(), options.kernel());
        NamedCut result = folded.cut();
        List<ServiceCandidate> candidates = new CandidateBuilder(facts).build(
                new LinkedHashMap<>(result.services()), result.kernel().classes());
        List<Placement> placements = Placements.of(facts, candidates, result, cut.attached());
        progress.advanced(1);
        progress.finished();
        List<Problem> problems = new ArrayList<>(cut.problems());
        problems.addAll(decided.problems());
        return new Decomposition(codebase, graph, facts.useCases, candidates, placements, metricsOf(folded),
                metricsGraph(graph, options), folded.metrics(), cut.choice(),
                Background.join(neighbours, "comparing neighbouring numbers of services"), decided.effects(), problems,
                null, null);
    }

    private static DecompositionMetrics metricsOf(Folded folded) {
        return folded.metrics().kernel() == KernelMode.FOLD ? folded.metrics().folded() : folded.metrics().leftOut();
    }

    /** Each use case traced on its own: on every core, kept in the order of the entry points. */
    private static List<UseCase> trace(Codebase codebase, UseCaseTracer tracer, ClassGraph graph,
                                       ProgressListener progress) {
        List<EntryPoint> entryPoints = new ArrayList<>(codebase.entryPoints());
        entryPoints.sort(Comparator.comparing(EntryPoint::path).thenComparing(EntryPoint::httpMethod)
                .thenComparing(EntryPoint::handler));
        progress.started("tracing use cases", entryPoints.size());
        List<UseCase> useCases = entryPoints.parallelStream().map(entryPoint -> {
            UseCase useCase = tracer.trace(entryPoint, graph);
            progress.advanced(1);
            return useCase;
        }).toList();
        progress.finished();
        return useCases;
    }

    /**
     * The cut after the team's decisions, with what each cost.
     *
     * @param cut the named cut after the last decision, services emptied by decisions dropped
     * @param effects each decision's effect on the metrics, in the order applied
     * @param problems the decisions that could not be applied
     */
    record Decided(NamedCut cut, List<Decomposition.DecisionEffect> effects, List<Problem> problems) {
        Decided {
            Objects.requireNonNull(cut, "cut");
            effects = List.copyOf(effects);
            problems = List.copyOf(problems);
        }
    }

    private static Decided decide(CodebaseFacts facts, Cutter.Cut unconstrained, Cutter.Cut constrained,
                                  List<Decision.SharedKernel> marks, List<Decision> decisions) {
        List<String> names = CandidateNamer.name(constrained.partition().groups(), facts);
        LinkedHashMap<String, SortedSet<ClassName>> services = new LinkedHashMap<>();
        for (int g = 0; g < constrained.partition().size(); g++) {
            services.put(names.get(g), constrained.partition().groups().get(g));
        }
        NamedCut cut = new NamedCut(services, constrained.kernel(), Map.of());
        List<Decomposition.DecisionEffect> effects = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        // the metrics before the first decision, worked out only when there is one
        DecompositionMetrics before = decisions.isEmpty() ? null : metrics(facts, unconstrained.partition());
        for (Decision.SharedKernel mark : marks) {
            DecompositionMetrics after = metrics(facts, constrained.partition());
            long count = facts.graph.units().stream().filter(unit -> mark.patterns().stream().anyMatch(p -> p.matches(unit))).count();
            effects.add(new Decomposition.DecisionEffect(mark, true, count + " class(es) kept out of the clustering",
                    before, after));
            before = after;
        }
        DecisionApplier applier = new DecisionApplier(facts.graph.units());
        for (Decision decision : decisions) {
            if (decision instanceof Decision.SharedKernel) {
                continue;
            }
            DecisionOutcome outcome = applier.apply(cut, decision);
            if (outcome instanceof DecisionOutcome.Applied applied) {
                cut = applied.after();
            } else {
                problems.add(new Problem("decisions", decision.line(), 0, Severity.WARNING,
                        decision.describe() + ": " + outcome.note()));
            }
            DecompositionMetrics after = metrics(facts, cut.partition());
            effects.add(new Decomposition.DecisionEffect(decision, outcome instanceof DecisionOutcome.Applied,
                    outcome.note(), before, after));
            before = after;
        }
        return new Decided(cut.withoutEmptyServices(), effects, problems);
    }

    private static String metricsGraph(ClassGraph graph, DecompositionOptions options) {
        String source = options.withBytecode() ? "static, from sources and compiled classes" : "static, from sources";
        return graph.isCallGraphFromAllKinds()
                ? "class-level dependency graph of all dependency kinds (" + source
                        + "; the input had no call dependencies)"
                : "class-level call graph (" + source + "; CALL and INSTANTIATION dependencies, v = number of uses)";
    }

    static DecompositionMetrics metrics(CodebaseFacts facts, Partition partition) {
        return MetricsCalculator.compute(facts.metricsGraph, partition);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
