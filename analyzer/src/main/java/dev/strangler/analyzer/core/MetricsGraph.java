package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link MetricsCalculator} reads, numbered once per run: the call edges in the order the calculator adds them
 * up, the unordered class pairs they join, each class's use cases as a bit set, and each table's touchers. A run
 * scores many partitions (the chosen cut three ways, the neighbouring numbers of services, each decision), and each
 * is then a pass over int arrays instead of hash lookups of class names and label strings. Immutable and thread-safe.
 */
final class MetricsGraph {
    private static final long[] NONE = new long[0];
    private final Map<ClassName, Integer> index = new HashMap<>();
    /** Directed edges, self-edges dropped, sorted by from and then to. */
    final int[] edgeFrom;
    final int[] edgeTo;
    final long[] edgeCalls;
    /** ln v + 1 of each edge, for ICP */
    final double[] edgeDamped;
    /** Unordered pairs joined by an edge in either direction, for SM and IFN. */
    final int[] pairA;
    final int[] pairB;
    /** Each numbered class's use cases (distinct labels numbered), as bit set words; null when none reaches it. */
    final long[][] labels;
    final int labelWords;
    /** Each table's distinct touchers, tables and touchers in name order. */
    final int[][] tableTouchers;

    private MetricsGraph(SortedMap<ClassName, ? extends Map<ClassName, Long>> calls,
                         Map<ClassName, ? extends Collection<String>> useCaseLabels,
                         Map<String, ? extends Collection<ClassName>> touchers) {
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        List<Long> pairOrder = new ArrayList<>();
        calls.forEach((caller, row) -> new TreeMap<>(row).forEach((callee, v) -> {
            if (!caller.equals(callee)) {
                int a = number(caller);
                int b = number(callee);
                from.add(a);
                to.add(b);
                counts.add(v);
                long pair = (long) Math.min(a, b) << 32 | Math.max(a, b);
                if (pairs.add(pair)) {
                    pairOrder.add(pair);
                }
            }
        }));
        edgeFrom = from.stream().mapToInt(Integer::intValue).toArray();
        edgeTo = to.stream().mapToInt(Integer::intValue).toArray();
        edgeCalls = counts.stream().mapToLong(Long::longValue).toArray();
        edgeDamped = counts.stream().mapToDouble(v -> Math.log(v) + 1).toArray();
        pairA = pairOrder.stream().mapToInt(pair -> (int) (pair >>> 32)).toArray();
        pairB = pairOrder.stream().mapToInt(Long::intValue).toArray();
        // many classes share one collection of labels (the facts build each distinct one once): its bits are
        // worked out once too, and shared, as they are only read
        Map<Collection<String>, long[]> distinct = new IdentityHashMap<>();
        Map<String, Integer> labelNumbers = new HashMap<>();
        useCaseLabels.values().forEach(names -> {
            if (distinct.put(names, NONE) == null) {
                names.forEach(name -> labelNumbers.putIfAbsent(name, labelNumbers.size()));
            }
        });
        labelWords = (labelNumbers.size() + 63) / 64;
        Map<Integer, long[]> bits = new HashMap<>();
        useCaseLabels.forEach((unit, names) -> {
            long[] words = distinct.get(names);
            if (words == NONE) {
                words = new long[labelWords];
                for (String name : names) {
                    int label = labelNumbers.get(name);
                    words[label >>> 6] |= 1L << label;
                }
                distinct.put(names, words);
            }
            bits.put(number(unit), words);
        });
        List<int[]> tables = new ArrayList<>();
        new TreeMap<>(touchers).forEach((table, users) ->
                tables.add(new TreeSet<>(users).stream().mapToInt(this::number).toArray()));
        tableTouchers = tables.toArray(int[][]::new);
        labels = new long[index.size()][];
        bits.forEach((unit, words) -> labels[unit] = words);
    }

    /**
     * @param calls from → to → v_xy
     * @param useCaseLabels for each class, the labels of the use cases that reach it
     * @param touchers for each table, the classes that touch it
     */
    static MetricsGraph of(SortedMap<ClassName, ? extends Map<ClassName, Long>> calls,
                           Map<ClassName, ? extends Collection<String>> useCaseLabels,
                           Map<String, ? extends Collection<ClassName>> touchers) {
        return new MetricsGraph(calls, useCaseLabels, touchers);
    }

    private int number(ClassName unit) {
        return index.computeIfAbsent(unit, k -> index.size());
    }

    /** Each numbered class's group in the partition, -1 for the kernel and classes in no group. */
    int[] groupOf(Partition partition) {
        int[] group = new int[index.size()];
        Arrays.fill(group, -1);
        for (int g = 0; g < partition.size(); g++) {
            for (ClassName unit : partition.groups().get(g)) {
                Integer node = index.get(unit);
                if (node != null) {
                    group[node] = g;
                }
            }
        }
        return group;
    }
}
