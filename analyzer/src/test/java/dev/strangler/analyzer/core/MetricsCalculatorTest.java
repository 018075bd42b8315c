package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Metrics on a four-class graph computed by hand (the arithmetic is in the comments). */
class MetricsCalculatorTest {
    private static final ClassName A = ClassName.of("x.A");
    private static final ClassName B = ClassName.of("x.B");
    private static final ClassName C = ClassName.of("x.C");
    private static final ClassName D = ClassName.of("x.D");

    // A→B 2, B→A 1, C→D 1 inside; A→C 3, D→B 1 across. P1 = {A, B}, P2 = {C, D}.
    private static SortedMap<ClassName, SortedMap<ClassName, Long>> calls() {
        SortedMap<ClassName, SortedMap<ClassName, Long>> calls = new TreeMap<>();
        calls.computeIfAbsent(A, k -> new TreeMap<>()).put(B, 2L);
        calls.computeIfAbsent(B, k -> new TreeMap<>()).put(A, 1L);
        calls.computeIfAbsent(C, k -> new TreeMap<>()).put(D, 1L);
        calls.computeIfAbsent(A, k -> new TreeMap<>()).put(C, 3L);
        calls.computeIfAbsent(D, k -> new TreeMap<>()).put(B, 1L);
        return calls;
    }

    private static SortedSet<ClassName> set(ClassName... names) {
        return new TreeSet<>(List.of(names));
    }

    private static DecompositionMetrics twoPartitions() {
        Partition partition = new Partition(List.of(set(A, B), set(C, D)), set());
        Map<ClassName, Set<String>> labels = Map.of(A, Set.of("u1"), B, Set.of("u1", "u2"), C, Set.of("u2"));
        Map<String, Set<ClassName>> tables = Map.of("t1", Set.of(A, B), "t2", Set.of(A, C));
        return MetricsCalculator.compute(calls(), partition, labels, tables);
    }

    @Test
    void structural_modularity_follows_the_mono2micro_formula() {
        // scoh = 1/4 each, mean 0.25; sigma_12 = 2 pairs, scop = 2/(2*2*2) = 0.25 per ordered pair, sum 0.5, times 2/(2*1)
        assertThat(twoPartitions().sm()).isCloseTo(0.25 - 0.5, within(1e-9));
    }

    @Test
    void icp_is_log_damped_and_raw() {
        double all = (Math.log(2) + 1) + 1 + 1 + (Math.log(3) + 1) + 1;
        double cross = (Math.log(3) + 1) + 1;

        DecompositionMetrics metrics = twoPartitions();

        assertThat(metrics.icp()).isCloseTo(cross / all, within(1e-9));
        assertThat(metrics.icpRaw()).isCloseTo(4.0 / 8.0, within(1e-9));
    }

    @Test
    void ifn_ned_and_bcp_match_hand_computation() {
        DecompositionMetrics metrics = twoPartitions();

        assertThat(metrics.ifn()).isCloseTo(2.0 / 2, within(1e-9));
        assertThat(metrics.ned()).isCloseTo(1.0, within(1e-9));
        // P1 is reached by {u1, u2}: ln 2; P2 by {u2}: ln 1 = 0
        assertThat(metrics.bcp()).isCloseTo(Math.log(2) / 2, within(1e-9));
    }

    @Test
    void cargo_cohesion_coupling_and_transactional_purity_match_hand_computation() {
        DecompositionMetrics metrics = twoPartitions();

        // I1 = 3, X1 = 4: 6/10; I2 = 1, X2 = 4: 2/6
        assertThat(metrics.cohesion()).isCloseTo((0.6 + 2.0 / 6) / 2, within(1e-9));
        assertThat(metrics.coupling()).isCloseTo(4.0 / 8.0, within(1e-9));
        // t1 entropy 0, t2 entropy ln 2
        assertThat(metrics.transactionalPurity()).isCloseTo(1 - Math.log(2) / 2, within(1e-9));
    }

    @Test
    void one_partition_has_no_coupling_term_and_no_crossing_calls() {
        Partition partition = new Partition(List.of(set(A, B, C, D)), set());

        DecompositionMetrics metrics = MetricsCalculator.compute(calls(), partition, Map.of(), Map.of());

        // 4 distinct pairs {A,B} {C,D} {A,C} {B,D} over 4^2
        assertThat(metrics.sm()).isCloseTo(4.0 / 16, within(1e-9));
        assertThat(metrics.icp()).isZero();
        assertThat(metrics.coupling()).isZero();
        assertThat(metrics.cohesion()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void kernel_classes_are_left_out_of_the_metrics() {
        Partition partition = new Partition(List.of(set(A, B), set(D)), set(C));

        DecompositionMetrics metrics = MetricsCalculator.compute(calls(), partition, Map.of(), Map.of());

        // remaining edges: A→B 2, B→A 1 inside; D→B 1 across
        assertThat(metrics.icpRaw()).isCloseTo(1.0 / 4, within(1e-9));
        assertThat(metrics.partitions()).isEqualTo(2);
    }

    @Test
    void the_published_way_counts_the_kernel_as_a_partition_of_its_own() {
        Partition partition = new Partition(List.of(set(A, B), set(D)), set(C));

        DecompositionMetrics metrics = MetricsCalculator.compute(calls(), partition.withKernelAsGroup(), Map.of(),
                Map.of());

        // every edge counts: A→C 3, C→D 1 and D→B 1 cross, A→B 2 and B→A 1 inside; K = 3
        assertThat(metrics.partitions()).isEqualTo(3);
        assertThat(metrics.icpRaw()).isCloseTo(5.0 / 8, within(1e-9));
        // scoh: {A,B} 1/4, {D} 0, {C} 0; cross pairs {A,C} {C,D} {B,D}: scop ordered sum 2 × (1/4 + 1/2 + 1/4)
        assertThat(metrics.sm()).isCloseTo(0.25 / 3 - 2.0 / 6 * 2, within(1e-9));
    }
}
