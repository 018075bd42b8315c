package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #13: --kernel fold places every class, and the metrics are given both ways. */
class KernelFoldTest {
    private static Decomposition decompose(KernelMode kernel) {
        return new Decomposer().decompose(ModelFixtures.shop(), new DecompositionOptions(0, 0, List.of(), false, kernel),
                ProgressListener.NONE);
    }

    private static String candidateOf(Decomposition decomposition, String simpleName) {
        return decomposition.placements().stream().filter(p -> p.name().simpleName().equals(simpleName))
                .findFirst().orElseThrow().candidate();
    }

    @Test
    void folding_moves_each_kernel_class_to_the_service_it_is_most_tied_to() {
        Decomposition folded = decompose(KernelMode.FOLD);

        assertThat(folded.candidates()).noneMatch(ServiceCandidate::sharedKernel);
        assertThat(folded.services()).hasSize(3);
        // Money is called once from each of the three services (equal ties): the first by name takes it
        assertThat(candidateOf(folded, "Money")).isEqualTo("customers");
        assertThat(folded.placements().stream().filter(p -> p.name().simpleName().equals("Money")).findFirst()
                .orElseThrow().reason()).startsWith("folded into customers (--kernel fold): tie 3.0 to customers")
                .contains("it would be in the shared kernel (a stateless utility without table access)");
    }

    @Test
    void the_metrics_are_given_with_the_kernel_left_out_as_a_partition_and_folded_in_either_mode() {
        Decomposition kept = decompose(KernelMode.KEEP);
        Decomposition folded = decompose(KernelMode.FOLD);

        MetricsByKernel keptWays = kept.byKernel();
        assertThat(keptWays.kernelClasses()).isEqualTo(2);
        assertThat(keptWays.leftOut()).isEqualTo(kept.metrics());
        assertThat(keptWays.leftOut().partitions()).isEqualTo(3);
        assertThat(keptWays.asPartition().partitions()).isEqualTo(4);
        assertThat(keptWays.folded().partitions()).isEqualTo(3);
        // calls into the kernel cross a boundary once it is a partition
        assertThat(keptWays.asPartition().icpRaw()).isGreaterThan(keptWays.leftOut().icpRaw());
        assertThat(folded.metrics()).isEqualTo(keptWays.folded());
        assertThat(folded.byKernel()).isEqualTo(new MetricsByKernel(KernelMode.FOLD, 2, keptWays.leftOut(),
                keptWays.asPartition(), keptWays.folded()));
    }
}
