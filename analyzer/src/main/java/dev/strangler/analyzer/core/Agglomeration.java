package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Merges the communities {@link Louvain} found into fewer, level by level: folds communities that serve no entry
 * point into the serving ones they are tied to, sends unanchored ones to the shared kernel, then merges the pair with
 * the largest modularity gain until one is left, keeping each cut.
 */
final class Agglomeration {
    private final CodebaseFacts facts;

    Agglomeration(CodebaseFacts facts) {
        this.facts = facts;
    }

    private boolean isAnchored(ClassName unit) {
        return facts.useCaseLabels.containsKey(unit) || facts.touchesTables(unit);
    }

    Clustering.Hierarchy agglomerate(WeightedGraph graph, int[] community, List<ClassName> units, double resolution,
                                         int keepLevelsUpTo) {
        int count = Louvain.renumber(community).length == 0 ? 0 : java.util.Arrays.stream(community).max().getAsInt() + 1;
        SortedSet<ClassName> isolated = new TreeSet<>();
        List<SortedSet<ClassName>> classes = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            classes.add(new TreeSet<>());
        }
        for (int u = 0; u < units.size(); u++) {
            if (graph.degrees[u] == 0) {
                isolated.add(units.get(u));
            } else {
                classes.get(community[u]).add(units.get(u));
            }
        }
        // A community no use case reaches and that touches no table is no service: when all its classes could be
        // shared (no service role, no state, no data), it goes to the shared kernel instead of gluing services.
        SortedSet<ClassName> unanchored = new TreeSet<>();
        // Without any entry point or table nothing can anchor a class, and the rule would empty every service.
        boolean anchorsExist = !facts.useCases.isEmpty() || !facts.tableUse.isEmpty();
        for (SortedSet<ClassName> members : anchorsExist ? classes : List.<SortedSet<ClassName>>of()) {
            if (!members.isEmpty() && members.stream().noneMatch(this::isAnchored)
                    && members.stream().allMatch(facts::isKernelEligible)) {
                unanchored.addAll(members);
                members.clear();
            }
        }
        Set<String> packages = new java.util.HashSet<>();
        classes.forEach(members -> members.forEach(unit -> packages.add(unit.packageName())));
        for (ClassName unit : List.copyOf(isolated)) {
            if (anchorsExist && !isAnchored(unit) && facts.isKernelEligible(unit) && !packages.contains(unit.packageName())) {
                isolated.remove(unit);
                unanchored.add(unit);
            }
        }
        double m = graph.totalWeight;
        double[][] between = new double[count][count];
        double[] total = new double[count];
        double[] inside = new double[count];
        for (int node = 0; node < graph.size; node++) {
            int c = community[node];
            total[c] += graph.degrees[node];
            inside[c] += graph.selfLoops[node];
            for (int i = 0; i < graph.neighbours[node].length; i++) {
                int other = graph.neighbours[node][i];
                if (other > node) {
                    int d = community[other];
                    if (c == d) {
                        inside[c] += graph.weights[node][i];
                    } else {
                        between[c][d] += graph.weights[node][i];
                        between[d][c] += graph.weights[node][i];
                    }
                }
            }
        }
        boolean[] active = new boolean[count];
        int bearing = 0;
        for (int c = 0; c < count; c++) {
            // Communities of isolated classes or of synthetic nodes alone take no part.
            active[c] = total[c] > 0;
            if (active[c] && !classes.get(c).isEmpty()) {
                bearing++;
            }
        }
        // A community that serves no entry point cannot be moved out route by route: it joins the community
        // serving routes it is most tied to (it stays apart only when tied to none). Only serving communities
        // grow here, so which ones serve is known before the first merge.
        boolean[] serving = new boolean[count];
        for (int c = 0; c < count; c++) {
            serving[c] = classes.get(c).stream().anyMatch(facts.entryClasses::contains);
        }
        for (int c = 0; c < count; c++) {
            if (!active[c] || classes.get(c).isEmpty() || serving[c]) {
                continue;
            }
            int best = -1;
            for (int d = 0; d < count; d++) {
                if (d != c && active[d] && serving[d]
                        && between[c][d] > 0 && (best < 0 || between[c][d] > between[c][best])) {
                    best = d;
                }
            }
            if (best >= 0 && merge(best, c, classes, inside, total, between, active)) {
                bearing--;
            }
        }
        bearing -= foldUntied(classes, inside, total, between, active);
        Clustering.Hierarchy hierarchy = new Clustering.Hierarchy(bearing, isolated);
        hierarchy.unanchored.addAll(unanchored);
        for (RepositoryBinding binding : facts.codebase.repositories()) {
            ClassName repository = facts.graph.unitOf(binding.repository());
            ClassName entity = facts.graph.unitOf(binding.entity());
            if (repository != null && entity != null && !repository.equals(entity)) {
                hierarchy.entityOfRepository.putIfAbsent(repository, entity);
            }
        }
        int louvainCount = bearing;
        while (true) {
            if (bearing <= keepLevelsUpTo && !hierarchy.levels.containsKey(bearing) && bearing > 0) {
                List<SortedSet<ClassName>> level = new ArrayList<>();
                double q = 0;
                for (int c = 0; c < count; c++) {
                    if (active[c]) {
                        if (!classes.get(c).isEmpty()) {
                            level.add(Collections.unmodifiableSortedSet(new TreeSet<>(classes.get(c))));
                        }
                        double share = total[c] / (2 * m);
                        q += inside[c] / m - resolution * share * share;
                    }
                }
                hierarchy.levels.put(bearing, level);
                hierarchy.modularity.put(bearing, m == 0 ? 0 : q);
            }
            int bestA = -1;
            int bestB = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < count; a++) {
                if (!active[a]) {
                    continue;
                }
                for (int b = a + 1; b < count; b++) {
                    if (!active[b]) {
                        continue;
                    }
                    double gain = between[a][b] / m - resolution * total[a] * total[b] / (2 * m * m);
                    if (gain > bestGain + 1e-15) {
                        bestGain = gain;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) {
                break;
            }
            if (merge(bestA, bestB, classes, inside, total, between, active)) {
                bearing--;
            }
        }
        hierarchy.louvainCommunities = louvainCount;
        return hierarchy;
    }

    /**
     * A community that serves no route, job or message and is tied to none that does (its ties, if any, go through
     * the shared kernel) is no service either: it joins the serving community whose packages are closest to its
     * classes'. Without any serving community (no entry point at all) the communities stay as they are.
     *
     * @return how many class-bearing communities were folded away
     */
    private int foldUntied(List<SortedSet<ClassName>> classes, double[] inside, double[] total, double[][] between,
                           boolean[] active) {
        List<Integer> serving = new ArrayList<>();
        boolean[] isServing = new boolean[classes.size()];
        List<Packages> servingPackages = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (active[c] && classes.get(c).stream().anyMatch(facts.entryClasses::contains)) {
                serving.add(c);
                isServing[c] = true;
                Packages tally = new Packages();
                classes.get(c).forEach(tally::add);
                servingPackages.add(tally);
            }
        }
        int folded = 0;
        for (int c = 0; c < classes.size() && !serving.isEmpty(); c++) {
            if (!active[c] || classes.get(c).isEmpty() || isServing[c]) {
                continue;
            }
            long[] votes = new long[serving.size()];
            for (ClassName unit : classes.get(c)) {
                String[] segments = Packages.segments(unit.packageName());
                for (int s = 0; s < serving.size(); s++) {
                    votes[s] += servingPackages.get(s).score(unit.packageName(), segments);
                }
            }
            int best = 0;
            for (int s = 1; s < votes.length; s++) {
                if (votes[s] > votes[best]) {
                    best = s;
                }
            }
            classes.get(c).forEach(servingPackages.get(best)::add);
            if (merge(serving.get(best), c, classes, inside, total, between, active)) {
                folded++;
            }
        }
        return folded;
    }

    /** Merges community b into a; returns whether both held classes (so the number of candidates fell by one). */
    private static boolean merge(int a, int b, List<SortedSet<ClassName>> classes, double[] inside, double[] total,
                                 double[][] between, boolean[] active) {
        int count = active.length;
        boolean bothBear = !classes.get(a).isEmpty() && !classes.get(b).isEmpty();
        classes.get(a).addAll(classes.get(b));
        classes.get(b).clear();
        inside[a] += inside[b] + between[a][b];
        total[a] += total[b];
        for (int c = 0; c < count; c++) {
            if (c != a && c != b) {
                between[a][c] += between[b][c];
                between[c][a] = between[a][c];
            }
            between[b][c] = 0;
            between[c][b] = 0;
        }
        between[a][a] = 0;
        active[b] = false;
        return bothBear;
    }
}
