package dev.strangler.analyzer.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packages of one group's classes, counted: what placing a class by its package asks of the group. */
final class Packages {
    private final Map<String, Integer> classes = new HashMap<>();
    private final Map<String, String[]> segments = new HashMap<>();

    void add(ClassName unit) {
        String pkg = unit.packageName();
        if (classes.merge(pkg, 1, Integer::sum) == 1) {
            segments.put(pkg, segments(pkg));
        }
    }

    /** 1000 per class of the group in the package, plus the most leading package names shared with one. */
    long score(String pkg, String[] pkgSegments) {
        int prefix = 0;
        for (String[] other : segments.values()) {
            prefix = Math.max(prefix, commonPrefix(pkgSegments, other));
        }
        return classes.getOrDefault(pkg, 0) * 1000L + prefix;
    }

    static String[] segments(String pkg) {
        return pkg.split("\\.");
    }

    private static int commonPrefix(String[] left, String[] right) {
        int n = 0;
        while (n < left.length && n < right.length && left[n].equals(right[n])) {
            n++;
        }
        return n;
    }

    /** The group with most classes in the unit's package, else the one sharing the longest package prefix. */
    static int closest(ClassName unit, List<Packages> groups) {
        int best = 0;
        long bestScore = -1;
        String pkg = unit.packageName();
        String[] segments = Packages.segments(pkg);
        for (int g = 0; g < groups.size(); g++) {
            long score = groups.get(g).score(pkg, segments);
            if (score > bestScore) {
                bestScore = score;
                best = g;
            }
        }
        return best;
    }
}
