package dev.strangler.analyzer.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How coupling between service candidates changed from a baseline report to a new one. Candidates are matched by name
 * and, when renamed, by the classes they share; a dependency is identified by its two classes and its kind, so a
 * dependency is new only when no cross-candidate dependency of that kind linked those classes in the baseline.
 * Coupling got worse when a new cross-candidate dependency appears or the total cross-candidate weight rose.
 *
 * @param baseline             the baseline's label (its file name) for messages
 * @param newDependencies      cross-candidate dependencies the baseline did not have, by first site
 * @param removedDependencies  the baseline's cross-candidate dependencies that are gone, by first site
 * @param pairWeights          candidate pairs whose summed weight changed, by name
 * @param candidatesAdded      current candidates that match none in the baseline
 * @param candidatesRemoved    baseline candidates that match none now
 * @param renamed              {@code old -> new} for candidates matched by their classes
 * @param totalBefore          summed weight of the baseline's cross-candidate dependencies
 * @param totalAfter           the same, now
 */
public record BaselineDiff(String baseline, List<CrossDependency> newDependencies,
                           List<CrossDependency> removedDependencies, List<PairWeight> pairWeights,
                           List<String> candidatesAdded, List<String> candidatesRemoved, List<String> renamed,
                           int totalBefore, int totalAfter) {
    private static final Comparator<CrossDependency> BY_SITE = Comparator.comparing(BaselineDiff::sitePath)
            .thenComparingInt(BaselineDiff::siteLine).thenComparing(CrossDependency::key);

    public BaselineDiff {
        Objects.requireNonNull(baseline, "baseline");
        newDependencies = List.copyOf(newDependencies);
        removedDependencies = List.copyOf(removedDependencies);
        pairWeights = List.copyOf(pairWeights);
        candidatesAdded = List.copyOf(candidatesAdded);
        candidatesRemoved = List.copyOf(candidatesRemoved);
        renamed = List.copyOf(renamed);
    }

    /**
     * Compares two {@code decomposition.json} texts.
     *
     * @throws BaselineException when either is not a report of schema version 1
     */
    public static BaselineDiff compare(String baselineLabel, String baselineJson, String currentJson) {
        ReportEdges before = ReportEdges.parse(baselineJson, "baseline " + baselineLabel);
        ReportEdges after = ReportEdges.parse(currentJson, "the new report");
        Map<String, String> currentByOld = match(before.candidates(), after.candidates());
        Set<String> keysBefore = before.dependencies().stream().map(CrossDependency::key).collect(Collectors.toSet());
        Set<String> keysAfter = after.dependencies().stream().map(CrossDependency::key).collect(Collectors.toSet());
        List<CrossDependency> added = after.dependencies().stream().filter(d -> !keysBefore.contains(d.key()))
                .sorted(BY_SITE).toList();
        List<CrossDependency> removed = before.dependencies().stream().filter(d -> !keysAfter.contains(d.key()))
                .sorted(BY_SITE).toList();
        List<String> renamed = new ArrayList<>();
        currentByOld.forEach((old, now) -> {
            if (!old.equals(now)) {
                renamed.add(old + " -> " + now);
            }
        });
        List<String> candidatesAdded = new ArrayList<>(after.candidates().keySet());
        candidatesAdded.removeAll(currentByOld.values());
        List<String> candidatesRemoved = new ArrayList<>(before.candidates().keySet());
        candidatesRemoved.removeAll(currentByOld.keySet());
        return new BaselineDiff(baselineLabel, added, removed, pairWeights(before, after, currentByOld),
                sorted(candidatesAdded), sorted(candidatesRemoved), sorted(renamed), before.totalWeight(),
                after.totalWeight());
    }

    /**
     * Checks that a baseline can be compared before an analysis is spent on it.
     *
     * @throws BaselineException when it is not a report of schema version 1
     */
    public static void requireComparable(String baselineLabel, String baselineJson) {
        ReportEdges.parse(baselineJson, "baseline " + baselineLabel);
    }

    /** True when a new cross-candidate dependency appeared or the total cross-candidate weight rose. */
    public boolean isWorse() {
        return !newDependencies.isEmpty() || totalAfter > totalBefore;
    }

    /** The difference as lines for a terminal or a build log: a verdict, then one line per change. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Compared with baseline " + baseline + ": " + newDependencies.size()
                + " new cross-candidate dependenc" + (newDependencies.size() == 1 ? "y" : "ies") + ", "
                + removedDependencies.size() + " removed; cross-candidate weight " + totalBefore + " -> " + totalAfter
                + " (" + verdict() + ")");
        newDependencies.forEach(d -> lines.add(d.toCompilerStyle("new")));
        removedDependencies.forEach(d -> lines.add(d.toCompilerStyle("removed")));
        pairWeights.forEach(p -> lines.add("  weight " + p));
        renamed.forEach(r -> lines.add("  candidate renamed " + r));
        candidatesAdded.forEach(c -> lines.add("  candidate added " + c));
        candidatesRemoved.forEach(c -> lines.add("  candidate removed " + c));
        return lines;
    }

    private String verdict() {
        if (isWorse()) {
            return "worse";
        }
        return totalAfter < totalBefore || !removedDependencies.isEmpty() ? "better" : "unchanged";
    }

    /** Old name to current name: same names first, then the remaining pairs by most shared classes. */
    private static Map<String, String> match(Map<String, Set<String>> before, Map<String, Set<String>> after) {
        Map<String, String> currentByOld = new TreeMap<>();
        before.keySet().stream().filter(after::containsKey).forEach(name -> currentByOld.put(name, name));
        record Overlap(String old, String now, int shared) {
        }
        List<Overlap> overlaps = new ArrayList<>();
        for (var old : before.entrySet()) {
            for (var now : after.entrySet()) {
                if (!currentByOld.containsKey(old.getKey()) && !currentByOld.containsValue(now.getKey())) {
                    Set<String> shared = new HashSet<>(old.getValue());
                    shared.retainAll(now.getValue());
                    // more than half of the smaller candidate: a rename, not a reshuffle
                    if (2 * shared.size() > Math.min(old.getValue().size(), now.getValue().size())) {
                        overlaps.add(new Overlap(old.getKey(), now.getKey(), shared.size()));
                    }
                }
            }
        }
        overlaps.sort(Comparator.comparingInt(Overlap::shared).reversed().thenComparing(Overlap::old)
                .thenComparing(Overlap::now));
        for (Overlap overlap : overlaps) {
            if (!currentByOld.containsKey(overlap.old()) && !currentByOld.containsValue(overlap.now())) {
                currentByOld.put(overlap.old(), overlap.now());
            }
        }
        return currentByOld;
    }

    private static List<PairWeight> pairWeights(ReportEdges before, ReportEdges after, Map<String, String> currentByOld) {
        Map<String, int[]> weights = new TreeMap<>();
        for (CrossDependency d : before.dependencies()) {
            String pair = currentByOld.getOrDefault(d.fromCandidate(), d.fromCandidate()) + " -> "
                    + currentByOld.getOrDefault(d.toCandidate(), d.toCandidate());
            weights.computeIfAbsent(pair, p -> new int[2])[0] += d.weight();
        }
        for (CrossDependency d : after.dependencies()) {
            weights.computeIfAbsent(d.fromCandidate() + " -> " + d.toCandidate(), p -> new int[2])[1] += d.weight();
        }
        List<PairWeight> changed = new ArrayList<>();
        weights.forEach((pair, w) -> {
            if (w[0] != w[1]) {
                String[] names = pair.split(" -> ", 2);
                changed.add(new PairWeight(names[0], names[1], w[0], w[1]));
            }
        });
        return changed;
    }

    /** {@code a/B.java} of {@code a/B.java:41}. */
    private static String sitePath(CrossDependency dependency) {
        String site = dependency.firstSite();
        int colon = site.lastIndexOf(':');
        return colon < 0 ? site : site.substring(0, colon);
    }

    /** 41 of {@code a/B.java:41}, 0 when the site has no line, so that line 9 comes before line 10. */
    private static int siteLine(CrossDependency dependency) {
        String site = dependency.firstSite();
        try {
            return Integer.parseInt(site.substring(site.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

        private static List<String> sorted(List<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
