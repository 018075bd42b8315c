package dev.strangler.analyzer.core;

import java.util.Arrays;

/**
 * The Louvain method (Blondel et al., "Fast unfolding of communities in large networks", J. Stat. Mech. 2008) with a
 * resolution parameter γ (Reichardt and Bornholdt 2006). Deterministic: nodes are visited in index order, a node
 * moves only for a strictly better gain, ties go to the lowest community id, and communities are renumbered by
 * their first node. No randomness, so the same graph always gives the same partition.
 */
final class Louvain {
    private static final double EPSILON = 1e-12;
    private static final int MAX_PASSES = 100;
    private static final int MAX_LEVELS = 50;

    private Louvain() {
    }

    /** Community of each node, numbered 0.. in order of each community's lowest node. */
    static int[] communities(WeightedGraph graph, double resolution) {
        int[] membership = new int[graph.size];
        for (int node = 0; node < graph.size; node++) {
            membership[node] = node;
        }
        WeightedGraph level = graph;
        for (int round = 0; round < MAX_LEVELS; round++) {
            int[] local = moveNodes(level, resolution);
            int count = Arrays.stream(local).max().orElse(-1) + 1;
            for (int node = 0; node < graph.size; node++) {
                membership[node] = local[membership[node]];
            }
            if (count == level.size) {
                break;
            }
            level = aggregate(level, local, count);
        }
        return renumber(membership);
    }

    private static int[] moveNodes(WeightedGraph graph, double resolution) {
        int n = graph.size;
        int[] community = new int[n];
        double[] total = new double[n];
        for (int node = 0; node < n; node++) {
            community[node] = node;
            total[node] = graph.degrees[node];
        }
        double m2 = 2 * graph.totalWeight;
        if (m2 == 0) {
            return renumber(community);
        }
        double[] toCommunity = new double[n];
        int[] touched = new int[n];
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean moved = false;
            for (int node = 0; node < n; node++) {
                int own = community[node];
                int touchedCount = 0;
                for (int i = 0; i < graph.neighbours[node].length; i++) {
                    int c = community[graph.neighbours[node][i]];
                    if (toCommunity[c] == 0) {
                        touched[touchedCount++] = c;
                    }
                    toCommunity[c] += graph.weights[node][i];
                }
                double degree = graph.degrees[node];
                total[own] -= degree;
                int best = own;
                double bestGain = toCommunity[own] - resolution * total[own] * degree / m2;
                for (int t = 0; t < touchedCount; t++) {
                    int c = touched[t];
                    double gain = toCommunity[c] - resolution * total[c] * degree / m2;
                    if (gain > bestGain + EPSILON || (Math.abs(gain - bestGain) <= EPSILON && c < best && best != own)) {
                        best = c;
                        bestGain = gain;
                    }
                }
                total[best] += degree;
                if (best != own) {
                    community[node] = best;
                    moved = true;
                }
                for (int t = 0; t < touchedCount; t++) {
                    toCommunity[touched[t]] = 0;
                }
                toCommunity[own] = 0;
            }
            if (!moved) {
                break;
            }
        }
        return renumber(community);
    }

    private static WeightedGraph aggregate(WeightedGraph graph, int[] community, int count) {
        WeightedGraph.Builder builder = new WeightedGraph.Builder(count);
        for (int node = 0; node < graph.size; node++) {
            int c = community[node];
            builder.add(c, c, graph.selfLoops[node]);
            for (int i = 0; i < graph.neighbours[node].length; i++) {
                int other = graph.neighbours[node][i];
                if (other > node) {
                    builder.add(c, community[other], graph.weights[node][i]);
                }
            }
        }
        return builder.build();
    }

    static int[] renumber(int[] community) {
        int[] mapping = new int[community.length + 1];
        Arrays.fill(mapping, -1);
        int next = 0;
        int[] result = new int[community.length];
        for (int node = 0; node < community.length; node++) {
            int c = community[node];
            if (mapping[c] < 0) {
                mapping[c] = next++;
            }
            result[node] = mapping[c];
        }
        return result;
    }
}
