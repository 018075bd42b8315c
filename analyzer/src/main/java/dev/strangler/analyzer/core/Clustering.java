package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds communities of classes: builds the clustering graph (class ties, plus one synthetic node per table and per
 * use case), runs {@link Louvain}, then merges communities greedily by the largest modularity gain to get one cut
 * for every number of services up to Louvain's count. Synthetic nodes are dropped from the result.
 */
final class Clustering {
    /** Tie of a class to a table it writes, per write statement (at most 3 counted). */
    static final double TABLE_WRITE = 3;
    static final double TABLE_READ = 1;
    /** Tie of an entity to its table. */
    static final double TABLE_MAPPING = 6;
    /** Tie of a repository to the table of its entity. */
    static final double TABLE_REPOSITORY = 4;
    /** Tie of a use case to a class it reaches, divided by the number of use cases reaching that class. */
    static final double USE_CASE = 3;

    private final CodebaseFacts facts;

    Clustering(CodebaseFacts facts) {
        this.facts = facts;
    }

    /** The communities of the graph without the kernel, merged down level by level. */
    Hierarchy run(Set<ClassName> kernel, double resolution, int keepLevelsUpTo) {
        List<ClassName> units = new ArrayList<>();
        Map<ClassName, Integer> index = new HashMap<>();
        for (ClassName unit : facts.graph.units()) {
            if (!kernel.contains(unit)) {
                index.put(unit, units.size());
                units.add(unit);
            }
        }
        List<String> tables = new ArrayList<>(facts.tableUse.keySet());
        int size = units.size() + tables.size() + facts.useCases.size();
        WeightedGraph.Builder builder = new WeightedGraph.Builder(size);
        facts.graph.weights().forEach((from, row) -> row.forEach((to, weight) -> {
            Integer a = index.get(from);
            Integer b = index.get(to);
            if (a != null && b != null) {
                builder.add(a, b, weight);
            }
        }));
        for (int t = 0; t < tables.size(); t++) {
            int node = units.size() + t;
            for (var use : facts.tableUse.get(tables.get(t)).entrySet()) {
                Integer unit = index.get(use.getKey());
                if (unit != null) {
                    int[] counts = use.getValue();
                    builder.add(node, unit, TABLE_WRITE * Math.min(3, counts[CodebaseFacts.WRITES])
                            + TABLE_READ * Math.min(3, counts[CodebaseFacts.READS])
                            + (counts[CodebaseFacts.MAPPINGS] > 0 ? TABLE_MAPPING : 0)
                            + (counts[CodebaseFacts.REPOSITORIES] > 0 ? TABLE_REPOSITORY : 0));
                }
            }
        }
        Map<ClassName, Integer> reachedBy = new HashMap<>();
        for (UseCase useCase : facts.useCases) {
            useCase.classes().forEach(unit -> reachedBy.merge(unit, 1, Integer::sum));
        }
        for (int u = 0; u < facts.useCases.size(); u++) {
            int node = units.size() + tables.size() + u;
            for (ClassName unit : facts.useCases.get(u).classes()) {
                Integer i = index.get(unit);
                if (i != null) {
                    builder.add(node, i, USE_CASE / reachedBy.get(unit));
                }
            }
        }
        WeightedGraph graph = builder.build();
        int[] community = Louvain.communities(graph, resolution);
        return agglomerate(graph, community, units, resolution, keepLevelsUpTo);
    }

    private boolean isAnchored(ClassName unit) {
        return facts.useCaseLabels.containsKey(unit) || facts.touchesTables(unit);
    }

    private Hierarchy agglomerate(WeightedGraph graph, int[] community, List<ClassName> units, double resolution,
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
        // serving routes it is most tied to (it stays apart only when tied to none).
        for (int c = 0; c < count; c++) {
            if (!active[c] || classes.get(c).isEmpty() || classes.get(c).stream().anyMatch(facts.entryClasses::contains)) {
                continue;
            }
            int best = -1;
            for (int d = 0; d < count; d++) {
                if (d != c && active[d] && classes.get(d).stream().anyMatch(facts.entryClasses::contains)
                        && between[c][d] > 0 && (best < 0 || between[c][d] > between[c][best])) {
                    best = d;
                }
            }
            if (best >= 0 && merge(best, c, classes, inside, total, between, active)) {
                bearing--;
            }
        }
        bearing -= foldUntied(classes, inside, total, between, active);
        Hierarchy hierarchy = new Hierarchy(bearing, isolated);
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

    /** The cuts of one Louvain run, by number of class-bearing communities. */
    static final class Hierarchy {
        int louvainCommunities;
        final SortedSet<ClassName> isolated;
        /** repository → the entity it serves, to keep them in one service */
        final SortedMap<ClassName, ClassName> entityOfRepository = new TreeMap<>();
        /** classes sent to the shared kernel because nothing anchors them to a service */
        final SortedSet<ClassName> unanchored = new TreeSet<>();
        final SortedMap<Integer, List<SortedSet<ClassName>>> levels = new TreeMap<>();
        final SortedMap<Integer, Double> modularity = new TreeMap<>();

        Hierarchy(int louvainCommunities, SortedSet<ClassName> isolated) {
            this.louvainCommunities = louvainCommunities;
            this.isolated = isolated;
        }

        private static SortedSet<ClassName> groupOf(List<SortedSet<ClassName>> groups, ClassName unit) {
            for (SortedSet<ClassName> group : groups) {
                if (group.contains(unit)) {
                    return group;
                }
            }
            return null;
        }

        int maxServices() {
            return levels.isEmpty() ? (isolated.isEmpty() ? 0 : 1) : levels.lastKey();
        }

        /** The cut into {@code services} groups with isolated classes attached by package, or null if none. */
        Partition partition(int services, SortedSet<ClassName> givenKernel) {
            SortedSet<ClassName> kernel = new TreeSet<>(givenKernel);
            kernel.addAll(unanchored);
            List<SortedSet<ClassName>> level = levels.get(services);
            if (level == null) {
                if (levels.isEmpty() && !isolated.isEmpty() && services == 1) {
                    return new Partition(List.of(isolated), kernel);
                }
                return null;
            }
            List<SortedSet<ClassName>> groups = new ArrayList<>();
            level.forEach(group -> groups.add(new TreeSet<>(group)));
            groups.sort(java.util.Comparator.comparing(SortedSet::first));
            List<Packages> packages = new ArrayList<>();
            for (SortedSet<ClassName> group : groups) {
                Packages tally = new Packages();
                group.forEach(tally::add);
                packages.add(tally);
            }
            for (ClassName unit : isolated) {
                int closest = Packages.closest(unit, packages);
                groups.get(closest).add(unit);
                packages.get(closest).add(unit);
            }
            // A repository goes where its entity is, so a table's data access stays in one service.
            entityOfRepository.forEach((repository, entity) -> {
                SortedSet<ClassName> from = groupOf(groups, repository);
                SortedSet<ClassName> to = groupOf(groups, entity);
                if (from != null && to != null && from != to && from.size() > 1) {
                    from.remove(repository);
                    to.add(repository);
                }
            });
            return new Partition(groups, kernel);
        }
    }
}
