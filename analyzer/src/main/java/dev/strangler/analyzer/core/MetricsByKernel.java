package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * One cut's metrics counted three ways for the shared kernel. The analyzer's own view leaves the kernel out (it ships
 * as a library inside each service, so a call into it crosses no boundary); published tools (Mono2Micro, CARGO,
 * FoSCI, ...) place every class, so their figures compare with the other two: the kernel as one more partition, or
 * folded into the services ({@link KernelMode#FOLD}).
 *
 * @param kernel what this run did with the shared kernel: the written cut is {@code leftOut}'s when kept,
 *               {@code folded}'s when folded
 * @param kernelClasses the classes of the shared kernel before any fold
 * @param leftOut services only, the kernel left out
 * @param asPartition every class placed, the kernel counted as one more partition (equal to {@code leftOut} when
 *                    the kernel is empty)
 * @param folded every class placed, each kernel class in its best other candidate
 */
public record MetricsByKernel(KernelMode kernel, int kernelClasses, DecompositionMetrics leftOut,
                              DecompositionMetrics asPartition, DecompositionMetrics folded) {
    public MetricsByKernel {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(leftOut, "leftOut");
        Objects.requireNonNull(asPartition, "asPartition");
        Objects.requireNonNull(folded, "folded");
        if (kernelClasses < 0) {
            throw new IllegalArgumentException("kernelClasses must be 0 or more, but was " + kernelClasses);
        }
    }
}
