package dev.strangler.gateway.seeding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Orders seed entries so the gateway's first match is the most specific: an entry with a path more specific than an
 * overlapping path of another entry comes before it, and at the same path a one-method entry before an any-method
 * one. Otherwise entries keep their given order. When two entries need each other first (each has the more specific
 * of two overlapping paths), no order is right: one is chosen and the requests it takes wrongly are listed.
 */
final class FirstMatchOrder {

    private record Edge(int first, int then, String firstPath, String thenPath) {
    }

    private FirstMatchOrder() {
    }

    /** {@code entries} in first-match order; what no order can get right, and paths two entries share, go to {@code warnings}. */
    static List<SeedEntry> order(List<SeedEntry> entries, List<String> warnings) {
        List<Edge> edges = edges(entries, warnings);
        List<List<Edge>> outgoing = new ArrayList<>();
        int[] incoming = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            outgoing.add(new ArrayList<>());
        }
        for (Edge edge : edges) {
            outgoing.get(edge.first()).add(edge);
            incoming[edge.then()]++;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.naturalOrder());
        for (int i = 0; i < entries.size(); i++) {
            if (incoming[i] == 0) {
                ready.add(i);
            }
        }
        int[] position = new int[entries.size()];
        boolean[] placed = new boolean[entries.size()];
        List<SeedEntry> ordered = new ArrayList<>();
        while (ordered.size() < entries.size()) {
            Integer next = ready.poll();
            if (next == null) {
                next = firstUnplaced(placed); // a cycle: break it at the earliest entry
            }
            if (placed[next]) {
                continue;
            }
            placed[next] = true;
            position[next] = ordered.size();
            ordered.add(entries.get(next));
            for (Edge edge : outgoing.get(next)) {
                if (--incoming[edge.then()] == 0 && !placed[edge.then()]) {
                    ready.add(edge.then());
                }
            }
        }
        for (Edge edge : edges) {
            if (position[edge.then()] < position[edge.first()]) {
                SeedEntry first = entries.get(edge.first());
                SeedEntry then = entries.get(edge.then());
                warnings.add("'" + then.id() + "' comes before '" + first.id() + "' (other paths of theirs need that"
                        + " order), so a " + first.methodText() + " request for " + edge.firstPath() + " that also"
                        + " matches " + edge.thenPath() + " goes to '" + then.id() + "'; move " + edge.firstPath()
                        + " into a route of its own above '" + then.id() + "'");
            }
        }
        return ordered;
    }

    private static List<Edge> edges(List<SeedEntry> entries, List<String> warnings) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                SeedEntry a = entries.get(i);
                SeedEntry b = entries.get(j);
                if (!a.sharesMethodWith(b)) {
                    continue;
                }
                for (String pa : a.paths()) {
                    for (String pb : b.paths()) {
                        if (Specificity.overlap(pa, pb)) {
                            edge(i, j, a, b, pa, pb, edges, warnings);
                        }
                    }
                }
            }
        }
        return edges;
    }

    private static void edge(int i, int j, SeedEntry a, SeedEntry b, String pa, String pb, List<Edge> edges,
                             List<String> warnings) {
        int order = Specificity.ORDER.compare(pa, pb);
        if (order < 0) {
            edges.add(new Edge(i, j, pa, pb));
        } else if (order > 0) {
            edges.add(new Edge(j, i, pb, pa));
        } else if (!a.methods().isEmpty() && b.methods().isEmpty()) {
            edges.add(new Edge(i, j, pa, pb));
        } else if (a.methods().isEmpty() && !b.methods().isEmpty()) {
            edges.add(new Edge(j, i, pb, pa));
        } else {
            warnings.add("'" + a.id() + "' and '" + b.id() + "' both take " + a.methodText() + " " + pa
                    + (pa.equals(pb) ? "" : " (as " + pb + ")") + "; the first in the file serves it, so the"
                    + " analyzer's two handlers for it cannot be moved apart");
        }
    }

    private static int firstUnplaced(boolean[] placed) {
        for (int i = 0; i < placed.length; i++) {
            if (!placed[i]) {
                return i;
            }
        }
        throw new IllegalStateException("every entry is placed");
    }
}
