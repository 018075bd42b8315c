package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Arrays;
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
 * use case), runs {@link Louvain}, then lets {@link Agglomeration} merge communities greedily by the largest
 * modularity gain to get one cut for every number of services up to Louvain's count. Synthetic nodes are dropped from
 * the result.
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
    /** Every unit of the graph, in name order: the first nodes of every clustering graph, those in the kernel left out. */
    private final List<ClassName> allUnits;
    private final int tableCount;
    /**
     * Every tie of the clustering graph of an empty kernel, in the order they are added: unit ties, then table ties,
     * then use-case ties. Nodes are numbered units, then tables, then use cases; a kernel's graph drops the ties of
     * its classes and numbers the rest again, which gives the graph the ties would give if added for that kernel.
     */
    private final int[] tieFrom;
    private final int[] tieTo;
    private final double[] tieWeight;
    /** The graph of the last kernel asked for: a search over resolutions clusters the same graph again and again. */
    private Set<ClassName> builtFor;
    private List<ClassName> builtUnits;
    private WeightedGraph built;

    /** Not thread-safe: it keeps the graph of the last kernel it was run with. */
    Clustering(CodebaseFacts facts) {
        this.facts = facts;
        this.allUnits = List.copyOf(facts.graph.units());
        Map<ClassName, Integer> index = new HashMap<>();
        for (ClassName unit : allUnits) {
            index.put(unit, index.size());
        }
        Ties ties = new Ties();
        facts.graph.weights().forEach((from, row) -> {
            Integer a = index.get(from);
            if (a != null) {
                row.forEach((to, weight) -> {
                    Integer b = index.get(to);
                    if (b != null) {
                        ties.add(a, b, weight);
                    }
                });
            }
        });
        List<String> tables = new ArrayList<>(facts.tableUse.keySet());
        this.tableCount = tables.size();
        for (int t = 0; t < tables.size(); t++) {
            int node = allUnits.size() + t;
            for (var use : facts.tableUse.get(tables.get(t)).entrySet()) {
                Integer unit = index.get(use.getKey());
                if (unit != null) {
                    int[] counts = use.getValue();
                    ties.add(node, unit, TABLE_WRITE * Math.min(3, counts[CodebaseFacts.WRITES])
                            + TABLE_READ * Math.min(3, counts[CodebaseFacts.READS])
                            + (counts[CodebaseFacts.MAPPINGS] > 0 ? TABLE_MAPPING : 0)
                            + (counts[CodebaseFacts.REPOSITORIES] > 0 ? TABLE_REPOSITORY : 0));
                }
            }
        }
        // each use case's units numbered once; a use case's classes are all units of the graph
        int[][] reaches = new int[facts.useCases.size()][];
        int[] reachedBy = new int[allUnits.size()];
        for (int u = 0; u < reaches.length; u++) {
            SortedSet<ClassName> classes = facts.useCases.get(u).classes();
            int[] nodes = new int[classes.size()];
            int count = 0;
            for (ClassName unit : classes) {
                Integer i = index.get(unit);
                if (i != null) {
                    nodes[count++] = i;
                    reachedBy[i]++;
                }
            }
            reaches[u] = Arrays.copyOf(nodes, count);
        }
        for (int u = 0; u < reaches.length; u++) {
            int node = allUnits.size() + tables.size() + u;
            for (int i : reaches[u]) {
                ties.add(node, i, USE_CASE / reachedBy[i]);
            }
        }
        this.tieFrom = Arrays.copyOf(ties.from, ties.count);
        this.tieTo = Arrays.copyOf(ties.to, ties.count);
        this.tieWeight = Arrays.copyOf(ties.weight, ties.count);
    }

    /** The communities of the graph without the kernel, merged down level by level. */
    Hierarchy run(Set<ClassName> kernel, double resolution, int keepLevelsUpTo) {
        if (!kernel.equals(builtFor)) {
            build(kernel);
        }
        int[] community = Louvain.communities(built, resolution);
        return new Agglomeration(facts).agglomerate(built, community, builtUnits, resolution, keepLevelsUpTo);
    }

    private void build(Set<ClassName> kernel) {
        int[] node = new int[allUnits.size() + tableCount + facts.useCases.size()];
        List<ClassName> units = new ArrayList<>();
        for (int u = 0; u < allUnits.size(); u++) {
            if (kernel.contains(allUnits.get(u))) {
                node[u] = -1;
            } else {
                node[u] = units.size();
                units.add(allUnits.get(u));
            }
        }
        for (int synthetic = allUnits.size(); synthetic < node.length; synthetic++) {
            node[synthetic] = units.size() + synthetic - allUnits.size();
        }
        WeightedGraph.Builder builder = new WeightedGraph.Builder(units.size() + tableCount + facts.useCases.size());
        for (int t = 0; t < tieFrom.length; t++) {
            int a = node[tieFrom[t]];
            int b = node[tieTo[t]];
            if (a >= 0 && b >= 0) {
                builder.add(a, b, tieWeight[t]);
            }
        }
        builtFor = Set.copyOf(kernel);
        builtUnits = units;
        built = builder.build();
    }

    /** Ties in the order added. */
    private static final class Ties {
        int[] from = new int[1024];
        int[] to = new int[1024];
        double[] weight = new double[1024];
        int count;

        void add(int a, int b, double w) {
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2);
                to = Arrays.copyOf(to, count * 2);
                weight = Arrays.copyOf(weight, count * 2);
            }
            from[count] = a;
            to[count] = b;
            weight[count++] = w;
        }
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
