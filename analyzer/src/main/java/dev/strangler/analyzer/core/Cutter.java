package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One clustering run (two passes: the second without the widely used classes the first revealed). Keeps its
 * clusterings so that other numbers of services can be cut from them; its result is {@link #cut()}.
 */
final class Cutter {
    static final String UNANCHORED = "reached by no use case, touches no table, and ties to no service";

    /**
     * What a clustering run gives.
     *
     * @param partition the services and the shared kernel
     * @param kernel the shared kernel with the rule that put each class there
     * @param choice how the number of services was chosen
     * @param attached classes without any tie, placed with the classes of their package
     * @param problems what the cut could not do as asked (more services than the evidence supports)
     */
    record Cut(Partition partition, Kernel kernel, Decomposition.Choice choice, Set<ClassName> attached,
               List<Problem> problems) {
        Cut {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(choice, "choice");
            attached = Set.copyOf(attached);
            problems = List.copyOf(problems);
        }
    }

    final CodebaseFacts facts;
    final DecompositionOptions options;
    final double resolution;
    final Map<Double, Clustering.Hierarchy> hierarchies = new TreeMap<>();
    private final Clustering clustering;
    /** The classes kept out of the clustering. */
    private final SortedSet<ClassName> kernel;
    private final Cut cut;

    Cutter(CodebaseFacts facts, Kernel baseKernel, DecompositionOptions options) {
        this.facts = facts;
        this.options = options;
        this.clustering = new Clustering(facts);
        this.resolution = options.resolution() > 0 ? options.resolution() : Decomposer.DEFAULT_RESOLUTION;
        SortedSet<ClassName> base = baseKernel.classes();
        Clustering.Hierarchy first = clustering.run(base, resolution, levelsToKeep());
        // The first pass only reveals widely used classes, so it cuts at the modularity peak even when that is weak.
        Partition firstCut = first.partition(Math.max(1, Math.min(choose(first, false).services(),
                first.maxServices())), base);
        Kernel found = firstCut == null ? baseKernel : baseKernel.with(widelyUsed(firstCut));
        Clustering.Hierarchy second = clustering.run(found.classes(), resolution, levelsToKeep());
        hierarchies.put(resolution, second);
        found = found.with(Kernel.of(second.unanchored, Kernel.Rule.UNANCHORED, UNANCHORED));
        this.kernel = found.classes();
        Decomposition.Choice chosen = choose(second, true);
        Partition partition = partitionFor(chosen.services());
        if (partition == null) {
            partition = new Partition(List.of(), kernel);
        }
        String reason = chosen.reason();
        List<Problem> problems = new ArrayList<>();
        if (options.services() > partition.size()) {
            reason = beyondEvidence(partition.size());
            problems.add(new Problem(".", 0, 0, Severity.WARNING, reason));
        }
        Decomposition.Choice choice = new Decomposition.Choice(partition.size(), resolution,
                second.louvainCommunities, second.modularity.getOrDefault(partition.size(), 0.0), reason);
        // a clustering at a higher resolution may leave more classes unanchored than the one at the base resolution
        Kernel kernelOfCut = found.with(Kernel.of(partition.kernel(), Kernel.Rule.UNANCHORED, UNANCHORED));
        this.cut = new Cut(partition, kernelOfCut, choice, second.isolated, problems);
    }

    Cut cut() {
        return cut;
    }

    /** Why fewer services than asked: each must serve a route, job or message, and the graph splits no further. */
    private String beyondEvidence(int supported) {
        long serving = facts.entryClasses.stream().filter(unit -> !kernel.contains(unit)).count();
        double highest = hierarchies.keySet().stream().mapToDouble(Double::doubleValue).max().orElse(resolution);
        return String.format(Locale.ROOT, "--services %d asks for more services than the evidence supports: every "
                        + "service must serve a route, a job or a message, %d classes handle them, and Louvain (at "
                        + "resolutions up to %.2f) finds only %d communities that serve one; proposing %d "
                        + "services (a decision can split one further: split or pin)", options.services(), serving,
                highest, supported, supported);
    }

    private int levelsToKeep() {
        return Math.max(Decomposer.MAX_CHOSEN + 3, options.services() + 3);
    }

    private Decomposition.Choice choose(Clustering.Hierarchy hierarchy, boolean requireSignificance) {
        int max = hierarchy.maxServices();
        if (options.services() > 0) {
            return new Decomposition.Choice(options.services(), resolution, hierarchy.louvainCommunities, 0,
                    "set with --services " + options.services());
        }
        if (options.resolution() > 0) {
            return new Decomposition.Choice(max, resolution, hierarchy.louvainCommunities, 0,
                    String.format(Locale.ROOT, "set with --resolution %.2f: Louvain's %d communities as they are",
                            resolution, max));
        }
        if (max <= 1) {
            return new Decomposition.Choice(max, resolution, hierarchy.louvainCommunities, 0,
                    "the graph holds only " + max + " connected group of classes");
        }
        int best = 2;
        for (int n = 2; n <= Math.min(max, Decomposer.MAX_CHOSEN); n++) {
            if (hierarchy.modularity.get(n) > hierarchy.modularity.get(best)) {
                best = n;
            }
        }
        double peak = hierarchy.modularity.get(best);
        if (requireSignificance && peak < Decomposer.SIGNIFICANT_MODULARITY && hierarchy.levels.containsKey(1)) {
            return new Decomposition.Choice(1, resolution, hierarchy.louvainCommunities,
                    hierarchy.modularity.get(1), String.format(Locale.ROOT, "the best cut (%d services) has modularity "
                            + "Q = %.3f, below %.1f, the level above which a graph is taken to have real community "
                            + "structure (Clauset, Newman and Moore 2004): the codebase is kept as one service; "
                            + "use --services N to cut it anyway", best, peak, Decomposer.SIGNIFICANT_MODULARITY));
        }
        int chosen = best;
        for (int n = 2; n < best; n++) {
            if (hierarchy.modularity.get(n) >= peak - Decomposer.MODULARITY_TOLERANCE * Math.abs(peak)) {
                chosen = n;
                break;
            }
        }
        StringBuilder table = new StringBuilder();
        for (int n = 2; n <= Math.min(max, Decomposer.MAX_CHOSEN); n++) {
            table.append(table.isEmpty() ? "" : ", ").append(n).append(": ")
                    .append(String.format(Locale.ROOT, "%.3f", hierarchy.modularity.get(n)));
        }
        String reason = String.format(Locale.ROOT, "Louvain (resolution %.2f) found %d communities serving entry points; merging the most "
                        + "tied ones step by step, modularity peaks at %d services (Q = %.3f) within the %d allowed; "
                        + "%d is the fewest within %.1f %% of that peak (Q = %.3f): a near-tie goes to fewer services, "
                        + "and without --services at most %d are proposed. Modularity by number of services: %s",
                resolution, hierarchy.louvainCommunities, best, peak, Decomposer.MAX_CHOSEN, chosen, 100 * Decomposer.MODULARITY_TOLERANCE,
                hierarchy.modularity.get(chosen), Decomposer.MAX_CHOSEN, table);
        return new Decomposition.Choice(chosen, resolution, hierarchy.louvainCommunities,
                hierarchy.modularity.get(chosen), reason);
    }

    /**
     * The cut into n services; raises the resolution when Louvain found fewer communities than asked for, and falls
     * back to the most services found when no resolution gives n (each service must serve an entry point, so
     * there can be no more services than classes serving one).
     */
    Partition partitionFor(int n) {
        long serving = facts.entryClasses.stream().filter(unit -> !kernel.contains(unit)).count();
        double gamma = resolution;
        Clustering.Hierarchy most = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            Clustering.Hierarchy hierarchy = hierarchies.get(gamma);
            if (hierarchy == null) {
                hierarchy = clustering.run(kernel, gamma, Math.max(levelsToKeep(), n));
                hierarchies.put(gamma, hierarchy);
            }
            Partition cut = hierarchy.partition(n, kernel);
            if (cut != null) {
                return cut;
            }
            if (most == null || hierarchy.maxServices() > most.maxServices()) {
                most = hierarchy;
            }
            if (hierarchy.maxServices() < n && hierarchy.maxServices() > 0
                    && (serving == 0 || hierarchy.maxServices() < serving)) {
                gamma *= 1.5;
            } else {
                break;
            }
        }
        return most == null ? null : most.partition(most.maxServices(), kernel);
    }

    /** Classes used from three or more groups (or all, with fewer groups) that may be shared: not services, no data, no state. */
    private Kernel widelyUsed(Partition cut) {
        SortedMap<ClassName, Kernel.Reason> result = new TreeMap<>();
        if (cut.size() < 2) {
            return Kernel.EMPTY;
        }
        Map<ClassName, Integer> group = cut.groupIndex();
        int needed = Math.min(3, cut.size());
        for (ClassName unit : facts.graph.units()) {
            Integer own = group.get(unit);
            if (own == null || !facts.isKernelEligible(unit)) {
                continue;
            }
            SortedSet<Integer> users = new TreeSet<>();
            users.add(own);
            for (ClassName dependent : facts.dependents.getOrDefault(unit, new TreeSet<>())) {
                Integer g = group.get(dependent);
                if (g != null) {
                    users.add(g);
                }
            }
            boolean configuration = facts.is(unit, Stereotype.CONFIGURATION);
            if (configuration) {
                for (ClassName dependee : facts.dependees.getOrDefault(unit, new TreeSet<>())) {
                    Integer g = group.get(dependee);
                    if (g != null) {
                        users.add(g);
                    }
                }
            }
            // What is shared must not pull in service code: its own dependencies stay within one group.
            SortedSet<Integer> uses = new TreeSet<>();
            for (ClassName dependee : facts.dependees.getOrDefault(unit, new TreeSet<>())) {
                Integer g = group.get(dependee);
                if (g != null && !g.equals(own)) {
                    uses.add(g);
                }
            }
            if (users.size() >= needed && (configuration || uses.size() <= 1)) {
                result.put(unit, new Kernel.Reason(Kernel.Rule.WIDELY_USED, (configuration ? "configuration wired to "
                        : "used by ") + users.size() + " of " + cut.size()
                        + " first-pass candidates, without state or table access"));
            }
        }
        return new Kernel(result);
    }

    List<Decomposition.Neighbour> neighbours(CodebaseFacts facts) {
        List<Decomposition.Neighbour> result = new ArrayList<>();
        int chosen = cut.partition().size();
        for (int n = Math.max(1, chosen - 2); n <= chosen + 2; n++) {
            Partition cut = n == chosen ? this.cut.partition() : partitionFor(n);
            if (cut == null || cut.size() != n) {
                continue;
            }
            Clustering.Hierarchy base = hierarchies.get(resolution);
            double q = base.modularity.getOrDefault(n, Double.NaN);
            result.add(new Decomposition.Neighbour(n, q, Decomposer.metrics(facts, cut), n == chosen));
        }
        return result;
    }
}
