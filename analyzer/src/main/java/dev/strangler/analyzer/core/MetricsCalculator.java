package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

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
        Map<ClassName, Integer> group = partition.groupIndex();
        int k = partition.size();
        if (k == 0) {
            return new DecompositionMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        }
        // Unordered pairs joined by an edge in either direction (presence), for SM and IFN.
        Set<List<ClassName>> pairs = new HashSet<>();
        double logAll = 0;
        double logCross = 0;
        double rawAll = 0;
        double rawCross = 0;
        double[] inside = new double[k];
        double[] border = new double[k];
        for (var from : calls.entrySet()) {
            Integer gFrom = group.get(from.getKey());
            if (gFrom == null) {
                continue;
            }
            for (var to : from.getValue().entrySet()) {
                Integer gTo = group.get(to.getKey());
                if (gTo == null || from.getKey().equals(to.getKey())) {
                    continue;
                }
                long v = to.getValue();
                double damped = Math.log(v) + 1;
                logAll += damped;
                rawAll += v;
                if (gFrom.equals(gTo)) {
                    inside[gFrom] += v;
                } else {
                    logCross += damped;
                    rawCross += v;
                    border[gFrom] += v;
                    border[gTo] += v;
                }
                ClassName a = from.getKey();
                ClassName b = to.getKey();
                pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
            }
        }
        long[] mu = new long[k];
        long[][] sigma = new long[k][k];
        long crossPairs = 0;
        for (List<ClassName> pair : pairs) {
            int ga = group.get(pair.get(0));
            int gb = group.get(pair.get(1));
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
                (double) crossPairs / k, ned(partition), bcp(partition, useCaseLabels), cohesionSum / k, coupling,
                transactionalPurity(group, tableTouchers));
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
    private static double bcp(Partition partition, Map<ClassName, ? extends Collection<String>> useCaseLabels) {
        double sum = 0;
        for (var g : partition.groups()) {
            Set<String> labels = new HashSet<>();
            for (ClassName name : g) {
                Collection<String> reaching = useCaseLabels.get(name);
                if (reaching != null) {
                    labels.addAll(reaching);
                }
            }
            sum += Math.log(Math.max(1, labels.size()));
        }
        return sum / partition.size();
    }

    /** 1 − mean natural-log entropy of each table's toucher distribution over groups; tables touched only by kernel classes are skipped. */
    private static double transactionalPurity(Map<ClassName, Integer> group, Map<String, ? extends Collection<ClassName>> tableTouchers) {
        double entropySum = 0;
        int tables = 0;
        for (var entry : new TreeMap<>(tableTouchers).entrySet()) {
            Map<Integer, Integer> counts = new HashMap<>();
            int total = 0;
            for (ClassName toucher : new TreeSet<>(entry.getValue())) {
                Integer g = group.get(toucher);
                if (g != null) {
                    counts.merge(g, 1, Integer::sum);
                    total++;
                }
            }
            if (total == 0) {
                continue;
            }
            double entropy = 0;
            for (int count : new ArrayList<>(counts.values())) {
                double p = (double) count / total;
                entropy -= p * Math.log(p);
            }
            entropySum += entropy;
            tables++;
        }
        return tables == 0 ? 1 : 1 - entropySum / tables;
    }
}
