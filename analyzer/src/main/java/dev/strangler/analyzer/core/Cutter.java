package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** One clustering run (two passes: the second without the widely used classes the first revealed). */
final class Cutter {
    final CodebaseFacts facts;
    final DecompositionOptions options;
    final double resolution;
    final Map<Double, Clustering.Hierarchy> hierarchies = new TreeMap<>();
    final SortedSet<ClassName> kernel;
    final Partition partition;
    final Decomposition.Choice choice;
    final Set<ClassName> attached;
    /** What the cut could not do as asked (more services than the evidence supports). */
    final List<Problem> problems = new ArrayList<>();

    Cutter(CodebaseFacts facts, SortedSet<ClassName> baseKernel, DecompositionOptions options,
           Map<ClassName, String> reasons) {
        this.facts = facts;
        this.options = options;
        this.resolution = options.resolution() > 0 ? options.resolution() : Decomposer.DEFAULT_RESOLUTION;
        Clustering.Hierarchy first = new Clustering(facts).run(baseKernel, resolution, levelsToKeep());
        // The first pass only reveals widely used classes, so it cuts at the modularity peak even when that is weak.
        Partition firstCut = first.partition(Math.max(1, Math.min(choose(first, false).services(),
                first.maxServices())), baseKernel);
        SortedSet<ClassName> kernel = new TreeSet<>(baseKernel);
        if (firstCut != null) {
            kernel.addAll(widelyUsed(firstCut, reasons));
        }
        this.kernel = kernel;
        Clustering.Hierarchy second = new Clustering(facts).run(kernel, resolution, levelsToKeep());
        hierarchies.put(resolution, second);
        for (ClassName unit : second.unanchored) {
            kernel.add(unit);
            reasons.put(unit, "shared kernel: reached by no use case, touches no table, and ties to no service");
        }
        Decomposition.Choice chosen = choose(second, true);
        Partition cut = partitionFor(chosen.services());
        if (cut == null) {
            cut = new Partition(List.of(), kernel);
        }
        String reason = chosen.reason();
        if (options.services() > cut.size()) {
            reason = beyondEvidence(cut.size());
            problems.add(new Problem(".", 0, 0, Severity.WARNING, reason));
        }
        this.choice = new Decomposition.Choice(cut.size(), resolution, second.louvainCommunities,
                second.modularity.getOrDefault(cut.size(), 0.0), reason);
        this.partition = cut;
        this.attached = second.isolated;
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
                hierarchy = new Clustering(facts).run(kernel, gamma, Math.max(levelsToKeep(), n));
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
    private SortedSet<ClassName> widelyUsed(Partition cut, Map<ClassName, String> reasons) {
        SortedSet<ClassName> result = new TreeSet<>();
        if (cut.size() < 2) {
            return result;
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
                result.add(unit);
                reasons.put(unit, "shared kernel: " + (configuration ? "configuration wired to " : "used by ")
                        + users.size() + " of " + cut.size() + " first-pass candidates, without state or table access");
            }
        }
        return result;
    }

    List<Decomposition.Neighbour> neighbours(CodebaseFacts facts) {
        List<Decomposition.Neighbour> result = new ArrayList<>();
        int chosen = partition.size();
        for (int n = Math.max(1, chosen - 2); n <= chosen + 2; n++) {
            Partition cut = n == chosen ? partition : partitionFor(n);
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
