package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * An undirected weighted graph over nodes {@code 0..n-1} with optional self-loops, the input of {@link Louvain}.
 * Built once through {@link Builder}; neighbour lists are sorted so every traversal is deterministic.
 */
final class WeightedGraph {
    final int size;
    final int[][] neighbours;
    final double[][] weights;
    final double[] selfLoops;
    /** weighted degree: sum of incident edge weights, self-loops counted twice */
    final double[] degrees;
    /** total edge weight m, each edge once */
    final double totalWeight;

    private WeightedGraph(int size, int[][] neighbours, double[][] weights, double[] selfLoops) {
        this.size = size;
        this.neighbours = neighbours;
        this.weights = weights;
        this.selfLoops = selfLoops;
        this.degrees = new double[size];
        double total = 0;
        for (int node = 0; node < size; node++) {
            double degree = 2 * selfLoops[node];
            for (double weight : weights[node]) {
                degree += weight;
            }
            degrees[node] = degree;
            total += degree;
        }
        this.totalWeight = total / 2;
    }

    static final class Builder {
        private final int size;
        private final List<TreeMap<Integer, Double>> edges = new ArrayList<>();
        private final double[] selfLoops;

        Builder(int size) {
            this.size = size;
            this.selfLoops = new double[size];
            for (int node = 0; node < size; node++) {
                edges.add(new TreeMap<>());
            }
        }

        /** Adds weight to the undirected edge {a, b}; repeated calls add up. */
        Builder add(int a, int b, double weight) {
            if (weight <= 0) {
                return this;
            }
            if (a == b) {
                selfLoops[a] += weight;
            } else {
                edges.get(a).merge(b, weight, Double::sum);
                edges.get(b).merge(a, weight, Double::sum);
            }
            return this;
        }

        WeightedGraph build() {
            int[][] neighbours = new int[size][];
            double[][] weights = new double[size][];
            for (int node = 0; node < size; node++) {
                TreeMap<Integer, Double> row = edges.get(node);
                neighbours[node] = row.keySet().stream().mapToInt(Integer::intValue).toArray();
                weights[node] = row.values().stream().mapToDouble(Double::doubleValue).toArray();
            }
            return new WeightedGraph(size, neighbours, weights, Arrays.copyOf(selfLoops, size));
        }
    }

    /** Modularity of a partition ({@code community[node]}) with resolution γ: Σ_c in_c/m − γ (tot_c / 2m)². */
    double modularity(int[] community, double resolution) {
        if (totalWeight == 0) {
            return 0;
        }
        int count = Arrays.stream(community).max().orElse(-1) + 1;
        double[] inside = new double[count];
        double[] total = new double[count];
        for (int node = 0; node < size; node++) {
            int c = community[node];
            total[c] += degrees[node];
            inside[c] += selfLoops[node];
            for (int i = 0; i < neighbours[node].length; i++) {
                if (community[neighbours[node][i]] == c && neighbours[node][i] > node) {
                    inside[c] += weights[node][i];
                }
            }
        }
        double q = 0;
        for (int c = 0; c < count; c++) {
            double share = total[c] / (2 * totalWeight);
            q += inside[c] / totalWeight - resolution * share * share;
        }
        return q;
    }
}
