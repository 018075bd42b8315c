package dev.strangler.analyzer.core;

import java.util.Arrays;

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

    /**
     * Collects edge weights; {@link #build()} adds up repeated edges in the order they were added, so the graph is
     * the same to the last bit whatever the builder's internals.
     */
    static final class Builder {
        private final int size;
        private final double[] selfLoops;
        private int[] from = new int[16];
        private int[] to = new int[16];
        private double[] weight = new double[16];
        private int edges;

        Builder(int size) {
            this.size = size;
            this.selfLoops = new double[size];
        }

        /** Adds weight to the undirected edge {a, b}; repeated calls add up. */
        Builder add(int a, int b, double weight) {
            if (weight <= 0) {
                return this;
            }
            if (a == b) {
                selfLoops[a] += weight;
                return this;
            }
            if (edges == from.length) {
                from = Arrays.copyOf(from, edges * 2);
                to = Arrays.copyOf(to, edges * 2);
                this.weight = Arrays.copyOf(this.weight, edges * 2);
            }
            from[edges] = a;
            to[edges] = b;
            this.weight[edges] = weight;
            edges++;
            return this;
        }

        WeightedGraph build() {
            // each node's row: the other ends of its edges in the order added
            int[] start = new int[size + 1];
            for (int e = 0; e < edges; e++) {
                start[from[e] + 1]++;
                start[to[e] + 1]++;
            }
            for (int node = 0; node < size; node++) {
                start[node + 1] += start[node];
            }
            int[] fill = Arrays.copyOf(start, size);
            int[] others = new int[2 * edges];
            double[] values = new double[2 * edges];
            for (int e = 0; e < edges; e++) {
                int a = fill[from[e]]++;
                others[a] = to[e];
                values[a] = weight[e];
                int b = fill[to[e]]++;
                others[b] = from[e];
                values[b] = weight[e];
            }
            int[][] neighbours = new int[size][];
            double[][] weights = new double[size][];
            double[] sum = new double[size];
            int[] lastRow = new int[size];
            Arrays.fill(lastRow, -1);
            int[] touched = new int[size];
            for (int node = 0; node < size; node++) {
                // a repeated edge's weights add up left to right in the order added
                int distinct = 0;
                for (int i = start[node]; i < start[node + 1]; i++) {
                    int other = others[i];
                    if (lastRow[other] != node) {
                        lastRow[other] = node;
                        sum[other] = values[i];
                        touched[distinct++] = other;
                    } else {
                        sum[other] += values[i];
                    }
                }
                int[] row = Arrays.copyOf(touched, distinct);
                Arrays.sort(row);
                double[] rowWeights = new double[distinct];
                for (int i = 0; i < distinct; i++) {
                    rowWeights[i] = sum[row[i]];
                }
                neighbours[node] = row;
                weights[node] = rowWeights;
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
