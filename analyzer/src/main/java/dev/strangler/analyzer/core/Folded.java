package dev.strangler.analyzer.core;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/**
 * The cut after the kernel stage: the shared kernel kept apart or folded into the services, and the metrics counted
 * the three ways either way.
 *
 * @param cut the cut to write
 * @param metrics its metrics with the kernel left out, as a partition and folded
 */
record Folded(NamedCut cut, MetricsByKernel metrics) {
    Folded {
        Objects.requireNonNull(cut, "cut");
        Objects.requireNonNull(metrics, "metrics");
    }

    static Folded of(CodebaseFacts facts, NamedCut decided, KernelMode mode) {
        LinkedHashMap<String, SortedSet<ClassName>> services = decided.servicesCopy();
        KernelFold fold = KernelFold.of(facts.graph, services, decided.kernel().classes());
        Partition kept = decided.partition();
        Partition folded = fold.apply(services, decided.kernel().classes());
        // three passes over the same graph that do not depend on each other: on every core
        List<DecompositionMetrics> threeWays = (kept.kernel().isEmpty() ? List.of(kept)
                : List.of(kept, kept.withKernelAsGroup(), folded)).parallelStream()
                .map(partition -> Decomposer.metrics(facts, partition)).toList();
        DecompositionMetrics leftOut = threeWays.get(0);
        DecompositionMetrics asPartition = kept.kernel().isEmpty() ? leftOut : threeWays.get(1);
        DecompositionMetrics whenFolded = kept.kernel().isEmpty() ? leftOut : threeWays.get(2);
        MetricsByKernel metrics = new MetricsByKernel(mode, decided.kernel().size(), leftOut, asPartition, whenFolded);
        if (mode == KernelMode.KEEP || fold.targets().isEmpty()) {
            return new Folded(decided, metrics);
        }
        Map<ClassName, String> moves = new HashMap<>();
        fold.targets().forEach((unit, target) -> {
            services.get(target).add(unit);
            moves.put(unit, "folded into " + target + " (--kernel fold): " + fold.reasons().get(unit)
                    + "; it would be in the shared kernel (" + decided.kernel().members().get(unit).detail() + ")");
        });
        return new Folded(decided.next(services, decided.kernel().without(fold.targets().keySet()), moves), metrics);
    }
}
