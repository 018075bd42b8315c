package dev.strangler.analyzer.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Computes {@link DecompositionMetrics} for a partition, over the directed class-level call graph with raw call
 * counts {@code v_xy}. Shared-kernel classes are left out: they ship as a library inside every service, so calls
 * into them never cross a service boundary. Stateless and thread-safe.
 */
public final class MetricsCalculator {
    private MetricsCalculator() {
    }

    /**
     * @param calls from → to → v_xy, self-edges already dropped
     * @param partition the groups (kernel ignored)
     * @param useCaseLabels for each class, the labels of the use cases that reach it
     * @param tableTouchers for each table, the classes that touch it
     */
    public static DecompositionMetrics compute(SortedMap<ClassName, SortedMap<ClassName, Long>> calls, Partition partition,
                                               Map<ClassName, ? extends Collection<String>> useCaseLabels,
                                               Map<String, ? extends Collection<ClassName>> tableTouchers) {
        return compute(MetricsGraph.of(calls, useCaseLabels, tableTouchers), partition);
    }

    /** The metrics of one partition over a graph numbered once for all the partitions of a run. */
    static DecompositionMetrics compute(MetricsGraph graph, Partition partition) {
        int k = partition.size();
        if (k == 0) {
            return new DecompositionMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        }
        int[] group = graph.groupOf(partition);
        double logAll = 0;
        double logCross = 0;
        double rawAll = 0;
        double rawCross = 0;
        double[] inside = new double[k];
        double[] border = new double[k];
        for (int e = 0; e < graph.edgeFrom.length; e++) {
            int gFrom = group[graph.edgeFrom[e]];
            int gTo = group[graph.edgeTo[e]];
            if (gFrom < 0 || gTo < 0) {
                continue;
            }
            long v = graph.edgeCalls[e];
            double damped = graph.edgeDamped[e];
            logAll += damped;
            rawAll += v;
            if (gFrom == gTo) {
                inside[gFrom] += v;
            } else {
                logCross += damped;
                rawCross += v;
                border[gFrom] += v;
                border[gTo] += v;
            }
        }
        long[] mu = new long[k];
        long[][] sigma = new long[k][k];
        long crossPairs = 0;
        for (int p = 0; p < graph.pairA.length; p++) {
            int ga = group[graph.pairA[p]];
            int gb = group[graph.pairB[p]];
            if (ga < 0 || gb < 0) {
                continue;
            }
            if (ga == gb) {
                mu[ga]++;
            } else {
                sigma[ga][gb]++;
                sigma[gb][ga]++;
                crossPairs++;
            }
        }
        double cohesionSum = 0;
        double scoh = 0;
        for (int p = 0; p < k; p++) {
            double n = partition.groups().get(p).size();
            scoh += mu[p] / (n * n);
            double denominator = 2 * inside[p] + border[p];
            cohesionSum += denominator == 0 ? 0 : 2 * inside[p] / denominator;
        }
        double scop = 0;
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                if (p != q) {
                    double np = partition.groups().get(p).size();
                    double nq = partition.groups().get(q).size();
                    scop += sigma[p][q] / (2 * np * nq);
                }
            }
        }
        double sm = scoh / k - (k > 1 ? 2.0 / (k * (k - 1.0)) * scop : 0);
        double internal = 0;
        for (double weight : inside) {
            internal += weight;
        }
        double coupling = rawCross + internal == 0 ? 0 : rawCross / (rawCross + internal);
        return new DecompositionMetrics(k, sm, logAll == 0 ? 0 : logCross / logAll, rawAll == 0 ? 0 : rawCross / rawAll,
                (double) crossPairs / k, ned(partition), bcp(graph, group, k), cohesionSum / k, coupling,
                transactionalPurity(graph, group));
    }

    private static double ned(Partition partition) {
        double all = 0;
        double nonExtreme = 0;
        for (var g : partition.groups()) {
            all += g.size();
            if (g.size() >= 5 && g.size() <= 20) {
                nonExtreme += g.size();
            }
        }
        return all == 0 ? 0 : 1 - nonExtreme / all;
    }

    /** Groups reached by no use case contribute ln 1 = 0 (the logarithm of an empty set is undefined). */
    private static double bcp(MetricsGraph graph, int[] group, int k) {
        long[][] reaching = new long[k][graph.labelWords];
        for (int node = 0; node < group.length; node++) {
            long[] labels = graph.labels[node];
            if (group[node] >= 0 && labels != null) {
                long[] words = reaching[group[node]];
                for (int w = 0; w < words.length; w++) {
                    words[w] |= labels[w];
                }
            }
        }
        double sum = 0;
        for (long[] words : reaching) {
            int labels = 0;
            for (long word : words) {
                labels += Long.bitCount(word);
            }
            sum += Math.log(Math.max(1, labels));
        }
        return sum / k;
    }

    /**
     * 1 − mean natural-log entropy of each table's toucher distribution over groups; tables touched only by kernel
     * classes are skipped. The counts are summed in the order of a hash map of group numbers, as they always were,
     * so that the figures stay the same to the last bit.
     */
    private static double transactionalPurity(MetricsGraph graph, int[] group) {
        double entropySum = 0;
        int tables = 0;
        for (int[] touchers : graph.tableTouchers) {
            Map<Integer, Integer> counts = new HashMap<>();
            int total = 0;
            for (int toucher : touchers) {
                int g = group[toucher];
                if (g >= 0) {
                    counts.merge(g, 1, Integer::sum);
                    total++;
                }
            }
            if (total == 0) {
                continue;
            }
            double entropy = 0;
            for (int count : counts.values()) {
                double p = (double) count / total;
                entropy -= p * Math.log(p);
            }
            entropySum += entropy;
            tables++;
        }
        return tables == 0 ? 1 : 1 - entropySum / tables;
    }
}
