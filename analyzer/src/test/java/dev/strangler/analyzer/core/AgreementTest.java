package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {
    private static ClassName c(String name) {
        return ClassName.of("x." + name);
    }

    @Test
    void identical_partitions_agree_fully_whatever_the_names() {
        Map<ClassName, String> expected = Map.of(c("A"), "orders", c("B"), "orders", c("C"), "catalog");
        Map<ClassName, String> actual = Map.of(c("A"), "one", c("B"), "one", c("C"), "two");

        Agreement agreement = Agreement.compute("expected.yml", expected, actual);

        assertThat(agreement.accuracy()).isEqualTo(1.0);
        assertThat(agreement.adjustedRandIndex()).isCloseTo(1.0, within(1e-9));
        assertThat(agreement.mojoFm()).isEqualTo(100.0);
    }

    @Test
    void one_misplaced_class_is_counted_and_ari_matches_hand_computation() {
        // expected {A,B,C} {D,E,F}; actual {A,B} {C,D,E,F}
        Map<ClassName, String> expected = Map.of(c("A"), "p", c("B"), "p", c("C"), "p", c("D"), "q", c("E"), "q", c("F"), "q");
        Map<ClassName, String> actual = Map.of(c("A"), "1", c("B"), "1", c("C"), "2", c("D"), "2", c("E"), "2", c("F"), "2");

        Agreement agreement = Agreement.compute("e", expected, actual);

        assertThat(agreement.accuracy()).isCloseTo(5.0 / 6, within(1e-9));
        // contingency [[2,1],[0,3]]: index = 1+0+3 = 4; rows 3+3 = 6; columns 1+6 = 7; expected 6*7/15 = 2.8; max 6.5
        assertThat(agreement.adjustedRandIndex()).isCloseTo((4 - 2.8) / (6.5 - 2.8), within(1e-9));
        // mno: move C (1), no join; the furthest cut needs 6 - 2 = 4 (B sizes 3, 3 give g = 2)
        assertThat(agreement.mojoFm()).isCloseTo(100 * (1 - 1.0 / 4), within(1e-9));
    }

    @Test
    void mojofm_is_zero_for_the_cut_furthest_from_the_reference() {
        // reference {A,B} {C,D}; cut {A,C} {B,D}: two moves, and two distinct tags need no join: mno 2 = the maximum
        Map<ClassName, String> reference = Map.of(c("A"), "p", c("B"), "p", c("C"), "q", c("D"), "q");

        assertThat(Agreement.mojoFm(Map.of(c("A"), "1", c("C"), "1", c("B"), "2", c("D"), "2"), reference)).isEqualTo(0.0);
        // everything in one cluster: two moves out of the four-class cluster, the same maximum distance
        assertThat(Agreement.mojoFm(Map.of(c("A"), "1", c("B"), "1", c("C"), "1", c("D"), "1"), reference)).isEqualTo(0.0);
        // all singletons: two joins out of a maximum of two
        assertThat(Agreement.mojoFm(Map.of(c("A"), "1", c("B"), "2", c("C"), "3", c("D"), "4"), reference)).isEqualTo(0.0);
    }

    @Test
    void mojofm_retags_a_tied_cluster_to_save_a_join() {
        // reference {a,b,c} {d}; cut 1 = {a,d} (tied between p and q), 2 = {b,c} (p). Tagging 1 with p first would
        // join the two clusters and move d out (mno 2); the matching re-tags 1 with q: move a, no join (mno 1).
        Map<ClassName, String> reference = Map.of(c("a"), "p", c("b"), "p", c("c"), "p", c("d"), "q");
        Map<ClassName, String> cut = Map.of(c("a"), "1", c("d"), "1", c("b"), "2", c("c"), "2");

        // maximum: n - g = 4 - 2 (B sizes 1, 3 in ascending order give g = 2)
        assertThat(Agreement.mojoFm(cut, reference)).isCloseTo(100 * (1 - 1.0 / 2), within(1e-9));
    }

    @Test
    void classes_the_analysis_did_not_find_are_counted_apart() {
        Agreement agreement = Agreement.compute("e", Map.of(c("A"), "p", c("Z"), "p"), Map.of(c("A"), "1"));

        assertThat(agreement.classesCompared()).isEqualTo(1);
        assertThat(agreement.classesOnlyExpected()).isEqualTo(1);
    }

    @Test
    void no_class_compared_scores_nothing_rather_than_a_perfect_agreement() {
        // issue #13: "0 classes compared" used to come out as MoJoFM 100 %
        Agreement agreement = Agreement.compute("e", Map.of(c("Z"), "p"), Map.of(c("A"), "1"));

        assertThat(agreement.classesCompared()).isZero();
        assertThat(agreement.accuracy()).isZero();
        assertThat(agreement.mojoFm()).isNaN();
        assertThat(agreement.adjustedRandIndex()).isNaN();
    }

    @Test
    void mojofm_equals_its_definition_by_exhaustive_search_on_every_partition_of_five_classes() {
        List<int[]> partitions = new ArrayList<>();
        partitionsOf(new int[5], 0, 0, partitions);
        assertThat(partitions).hasSize(52); // Bell(5)
        for (int[] reference : partitions) {
            Map<List<Integer>, Integer> distance = distancesTo(reference, partitions);
            int max = distance.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            for (int[] cut : partitions) {
                double definition = max == 0 ? 100 : 100.0 * (1 - (double) distance.get(key(cut)) / max);
                assertThat(Agreement.mojoFm(labels(cut), labels(reference)))
                        .as("cut %s against %s", Arrays.toString(cut), Arrays.toString(reference))
                        .isCloseTo(definition, within(1e-9));
            }
        }
    }

    /** Every partition of the objects, each as canonical labels (object i's cluster, first use in order). */
    private static void partitionsOf(int[] labels, int index, int clusters, List<int[]> out) {
        if (index == labels.length) {
            out.add(labels.clone());
            return;
        }
        for (int cluster = 0; cluster <= clusters; cluster++) {
            labels[index] = cluster;
            partitionsOf(labels, index + 1, Math.max(clusters, cluster + 1), out);
        }
    }

    /** The fewest Move (one object to another or a new cluster) and Join operations from each partition to target. */
    private static Map<List<Integer>, Integer> distancesTo(int[] target, List<int[]> partitions) {
        Map<List<Integer>, Integer> distance = new HashMap<>();
        for (int[] start : partitions) {
            Set<List<Integer>> seen = new HashSet<>(List.of(key(start)));
            ArrayDeque<int[]> queue = new ArrayDeque<>(List.<int[]>of(start));
            for (int steps = 0; !queue.isEmpty() && !distance.containsKey(key(start)); steps++) {
                for (int size = queue.size(); size > 0; size--) {
                    int[] state = queue.poll();
                    if (key(state).equals(key(target))) {
                        distance.put(key(start), steps);
                        break;
                    }
                    for (int[] next : oneOperation(state)) {
                        if (seen.add(key(next))) {
                            queue.add(next);
                        }
                    }
                }
            }
        }
        return distance;
    }

    private static List<int[]> oneOperation(int[] state) {
        int clusters = Arrays.stream(state).max().orElse(-1) + 1;
        List<int[]> next = new ArrayList<>();
        for (int object = 0; object < state.length; object++) {
            for (int cluster = 0; cluster <= clusters; cluster++) { // cluster == clusters: a new one
                int[] moved = state.clone();
                moved[object] = cluster;
                next.add(moved);
            }
        }
        for (int a = 0; a < clusters; a++) {
            for (int b = a + 1; b < clusters; b++) {
                int[] joined = state.clone();
                for (int i = 0; i < joined.length; i++) {
                    joined[i] = joined[i] == b ? a : joined[i];
                }
                next.add(joined);
            }
        }
        return next;
    }

    private static List<Integer> key(int[] labels) {
        Map<Integer, Integer> canonical = new HashMap<>();
        List<Integer> key = new ArrayList<>();
        for (int label : labels) {
            key.add(canonical.computeIfAbsent(label, k -> canonical.size()));
        }
        return key;
    }

    private static Map<ClassName, String> labels(int[] partition) {
        Map<ClassName, String> labels = new HashMap<>();
        for (int i = 0; i < partition.length; i++) {
            labels.put(c("o" + i), "k" + partition[i]);
        }
        return labels;
    }
}
