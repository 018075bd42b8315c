package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How well a cut agrees with a known decomposition, over the classes both place.
 *
 * @param source where the known decomposition came from, for the report
 * @param classesCompared classes placed by both
 * @param classesOnlyExpected classes of the known decomposition the analysis did not find
 * @param accuracy share of compared classes in the candidate matched to their expected service
 * @param adjustedRandIndex the adjusted Rand index of the two partitions (Hubert and Arabie 1985): 1 identical, about 0
 *                          random; NaN when no class was compared
 * @param mojoFm MoJoFM (Wen and Tzerpos 2004) of the cut against the known decomposition, in percent: 100 when the
 *               cut can be turned into it without a move or join, 0 for the cut furthest from it; NaN when no class
 *               was compared
 * @param matches the candidate matched to each expected service, with the classes they share
 */
public record Agreement(String source, int classesCompared, int classesOnlyExpected, double accuracy,
                        double adjustedRandIndex, double mojoFm, List<Match> matches) {
    public Agreement {
        Objects.requireNonNull(source, "source");
        matches = List.copyOf(matches);
    }

    /** An expected service and the candidate matched to it. */
    public record Match(String expected, String candidate, int overlap, int expectedSize) {
    }

    /**
     * Matches candidates to expected services greedily by overlap (largest overlap first, each used once; a
     * candidate named like an expected service is not preferred, only overlap counts), then scores.
     *
     * @param expected class → expected service
     * @param actual class → candidate
     */
    public static Agreement compute(String source, Map<ClassName, String> expected, Map<ClassName, String> actual) {
        SortedMap<ClassName, String> both = new TreeMap<>();
        int onlyExpected = 0;
        for (var entry : new TreeMap<>(expected).entrySet()) {
            if (actual.containsKey(entry.getKey())) {
                both.put(entry.getKey(), entry.getValue());
            } else {
                onlyExpected++;
            }
        }
        SortedMap<String, SortedMap<String, Integer>> overlap = new TreeMap<>();
        SortedMap<String, Integer> expectedSizes = new TreeMap<>();
        both.forEach((unit, service) -> {
            overlap.computeIfAbsent(service, k -> new TreeMap<>()).merge(actual.get(unit), 1, Integer::sum);
            expectedSizes.merge(service, 1, Integer::sum);
        });
        List<Match> pairs = new ArrayList<>();
        overlap.forEach((service, row) -> row.forEach((candidate, count) ->
                pairs.add(new Match(service, candidate, count, expectedSizes.get(service)))));
        pairs.sort(Comparator.comparingInt((Match m) -> -m.overlap()).thenComparing(Match::expected)
                .thenComparing(Match::candidate));
        Set<String> usedExpected = new HashSet<>();
        Set<String> usedCandidates = new HashSet<>();
        List<Match> matches = new ArrayList<>();
        int right = 0;
        for (Match pair : pairs) {
            if (!usedExpected.contains(pair.expected()) && !usedCandidates.contains(pair.candidate())) {
                usedExpected.add(pair.expected());
                usedCandidates.add(pair.candidate());
                matches.add(pair);
                right += pair.overlap();
            }
        }
        for (String service : expectedSizes.keySet()) {
            if (!usedExpected.contains(service)) {
                matches.add(new Match(service, "", 0, expectedSizes.get(service)));
            }
        }
        matches.sort(Comparator.comparing(Match::expected));
        if (both.isEmpty()) {
            // nothing compared, nothing agreed: not a perfect score
            return new Agreement(source, 0, onlyExpected, 0, Double.NaN, Double.NaN, matches);
        }
        return new Agreement(source, both.size(), onlyExpected, (double) right / both.size(), adjustedRand(both, actual),
                mojoFm(actual, both), matches);
    }

    static double adjustedRand(Map<ClassName, String> expected, Map<ClassName, String> actual) {
        Map<String, Map<String, Long>> table = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> columns = new HashMap<>();
        long n = 0;
        for (var entry : expected.entrySet()) {
            String column = actual.get(entry.getKey());
            table.computeIfAbsent(entry.getValue(), k -> new HashMap<>()).merge(column, 1L, Long::sum);
            rows.merge(entry.getValue(), 1L, Long::sum);
            columns.merge(column, 1L, Long::sum);
            n++;
        }
        double index = 0;
        for (Map<String, Long> row : table.values()) {
            for (long count : row.values()) {
                index += pairs(count);
            }
        }
        double rowSum = rows.values().stream().mapToDouble(Agreement::pairs).sum();
        double columnSum = columns.values().stream().mapToDouble(Agreement::pairs).sum();
        double expectedIndex = n < 2 ? 0 : rowSum * columnSum / pairs(n);
        double maxIndex = (rowSum + columnSum) / 2;
        if (maxIndex == expectedIndex) {
            return 1;
        }
        return (index - expectedIndex) / (maxIndex - expectedIndex);
    }

    /**
     * MoJoFM(A, B) = (1 − mno(A, B) / max mno(∀A, B)) × 100 (Wen and Tzerpos, "An effectiveness measure for software
     * clustering algorithms", IWPC 2004), where mno(A, B) is the fewest Move and Join operations that turn partition
     * {@code A} into {@code B}. It is computed exactly (Wen and Tzerpos, "An optimal algorithm for MoJo distance",
     * IWPC 2003): every cluster of A is tagged with a cluster of B it shares the most objects with, the objects it does
     * not share with its tag are moved, and the clusters tagged alike are joined; a maximum matching between A's
     * clusters and the B clusters they could be tagged with gives the most distinct tags, hence the fewest joins:
     * mno = Σ_i (|A_i| − max_j |A_i ∩ B_j|) + |A| − matching. The largest mno over every A is n − g, with g counted
     * over B's cluster sizes in ascending order (g grows by one at each size above it).
     *
     * @param a object → cluster of the partition judged (the analyzer's cut)
     * @param b object → cluster of the reference partition, over the same objects
     */
    static double mojoFm(Map<ClassName, String> a, Map<ClassName, String> b) {
        int n = b.size();
        SortedMap<String, SortedMap<String, Integer>> overlap = new TreeMap<>();
        SortedMap<String, Integer> bSizes = new TreeMap<>();
        b.forEach((object, bCluster) -> {
            overlap.computeIfAbsent(a.get(object), k -> new TreeMap<>()).merge(bCluster, 1, Integer::sum);
            bSizes.merge(bCluster, 1, Integer::sum);
        });
        List<String> bClusters = new ArrayList<>(bSizes.keySet());
        Map<String, Integer> bIndex = new HashMap<>();
        bClusters.forEach(cluster -> bIndex.put(cluster, bIndex.size()));
        long moves = 0;
        List<int[]> tags = new ArrayList<>(); // per A cluster: the B clusters it shares the most objects with
        for (SortedMap<String, Integer> row : overlap.values()) {
            int most = row.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            moves += row.values().stream().mapToInt(Integer::intValue).sum() - most;
            tags.add(row.entrySet().stream().filter(e -> e.getValue() == most)
                    .mapToInt(e -> bIndex.get(e.getKey())).toArray());
        }
        int[] owner = new int[bClusters.size()];
        Arrays.fill(owner, -1);
        int matched = 0;
        for (int cluster = 0; cluster < tags.size(); cluster++) {
            if (augment(cluster, tags, owner, new boolean[owner.length])) {
                matched++;
            }
        }
        long mno = moves + tags.size() - matched;
        long groups = 0;
        for (int size : bSizes.values().stream().sorted().toList()) {
            if (groups < size) {
                groups++;
            }
        }
        long max = n - groups;
        return max <= 0 ? 100 : 100.0 * (1 - (double) mno / max);
    }

    /** Kuhn's augmenting path: whether A cluster {@code cluster} can be given a B cluster, re-tagging others. */
    private static boolean augment(int cluster, List<int[]> tags, int[] owner, boolean[] seen) {
        for (int target : tags.get(cluster)) {
            if (!seen[target]) {
                seen[target] = true;
                if (owner[target] < 0 || augment(owner[target], tags, owner, seen)) {
                    owner[target] = cluster;
                    return true;
                }
            }
        }
        return false;
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
