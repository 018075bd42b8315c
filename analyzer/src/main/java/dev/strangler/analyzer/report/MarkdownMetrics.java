package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionMetrics;
import dev.strangler.analyzer.core.KernelMode;
import dev.strangler.analyzer.core.MetricsByKernel;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report's metrics section: the cut's metrics counted with the shared kernel left out (the analyzer's
 * view) and the published way (every class placed), which graph they were computed on, and the neighbouring numbers
 * of services. Stateless.
 */
final class MarkdownMetrics {
    private record Metric(String name, ToDoubleFunction<DecompositionMetrics> value, String better) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("SM (structural modularity)", DecompositionMetrics::sm, "higher"),
            new Metric("ICP (log-damped)", DecompositionMetrics::icp, "lower"),
            new Metric("ICP (raw counts, CARGO)", DecompositionMetrics::icpRaw, "lower"),
            new Metric("IFN (interface number)", DecompositionMetrics::ifn, "lower"),
            new Metric("NED (non-extreme distribution)", DecompositionMetrics::ned, "lower"),
            new Metric("BCP (business context purity)", DecompositionMetrics::bcp, "lower"),
            new Metric("Cohesion (CARGO)", DecompositionMetrics::cohesion, "higher"),
            new Metric("Coupling (CARGO)", DecompositionMetrics::coupling, "lower"),
            new Metric("Transactional purity (CARGO)", DecompositionMetrics::transactionalPurity, "higher"));

    private MarkdownMetrics() {
    }

    /** What the top-level metrics count, in words (also the JSON report's {@code metrics.scope}). */
    static String scope(MetricsByKernel byKernel) {
        if (byKernel.kernel() == KernelMode.FOLD && byKernel.kernelClasses() > 0) {
            return "every class placed: the shared kernel folded into the services (--kernel fold)";
        }
        return byKernel.kernelClasses() == 0 ? "every class placed: there is no shared kernel"
                : "services only: the shared kernel left out";
    }

    static void render(StringBuilder md, Decomposition decomposition) {
        MetricsByKernel byKernel = decomposition.byKernel();
        md.append("## Metrics\n\nComputed on the ").append(decomposition.metricsGraph())
                .append(". Formulas and sources: the analyzer's README. The same cut is counted three ways:\n\n")
                .append("- **kernel left out** (the analyzer's view): the shared kernel ships as a library inside each "
                        + "service, so a call into it crosses no boundary; its ").append(byKernel.kernelClasses())
                .append(" classes are in no partition.\n")
                .append("- **published, kernel as a partition**: every class placed, the kernel one more partition.\n")
                .append("- **published, kernel folded**: every class placed, each kernel class in the candidate it is "
                        + "most tied to (`--kernel fold`).\n\n")
                .append("Published tools (Mono2Micro, CARGO, FoSCI, ...) place every class: compare their tables with "
                        + "the two published columns. This run ")
                .append(byKernel.kernel() == KernelMode.FOLD ? "folded the kernel (`--kernel fold`)"
                        : "kept the kernel apart (`--kernel keep`)").append(".\n\n");
        md.append("| metric | kernel left out | published, kernel as a partition | published, kernel folded | better |\n")
                .append("|---|---:|---:|---:|---|\n");
        md.append("| K (partitions) | ").append(byKernel.leftOut().partitions()).append(" | ")
                .append(byKernel.asPartition().partitions()).append(" | ").append(byKernel.folded().partitions())
                .append(" | – |\n");
        for (Metric metric : METRICS) {
            md.append("| ").append(metric.name());
            for (DecompositionMetrics m : List.of(byKernel.leftOut(), byKernel.asPartition(), byKernel.folded())) {
                md.append(" | ").append(Decimals.fixed(metric.value().applyAsDouble(m), 3));
            }
            md.append(" | ").append(metric.better()).append(" |\n");
        }
        md.append("\n### Neighbouring numbers of services\n\nThe unconstrained cut (without the team's decisions) "
                + "with other numbers of services, kernel left out; Q is the modularity on the clustering graph.\n\n");
        md.append("| services | Q | SM | ICP | ICP raw | IFN | NED | BCP | cohesion | coupling | tx purity |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Decomposition.Neighbour neighbour : decomposition.neighbours()) {
            md.append("| ").append(neighbour.services()).append(neighbour.chosen() ? " (chosen)" : "")
                    .append(" | ").append(Decimals.fixed(neighbour.modularity(), 3));
            for (Metric metric : METRICS) {
                md.append(" | ").append(Decimals.fixed(metric.value().applyAsDouble(neighbour.metrics()), 3));
            }
            md.append(" |\n");
        }
        md.append('\n');
    }
}
