package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * How to cut a codebase.
 *
 * @param services the number of services to force, or 0 to choose it from the graph
 * @param resolution Louvain's resolution γ, or 0 to use 1.0 and choose the number of services by merging
 * @param decisions the team's decisions, applied in order
 * @param withBytecode whether the dependencies include those read from compiled classes, for the report
 * @param kernel keep the shared kernel apart, or fold it into the services
 */
public record DecompositionOptions(int services, double resolution, List<Decision> decisions, boolean withBytecode,
                                   KernelMode kernel) {
    public DecompositionOptions {
        if (services < 0) {
            throw new IllegalArgumentException("services must be 0 (choose) or more, but was " + services);
        }
        if (resolution < 0 || Double.isNaN(resolution)) {
            throw new IllegalArgumentException("resolution must be 0 (default) or more, but was " + resolution);
        }
        if (services > 0 && resolution > 0) {
            throw new IllegalArgumentException("give either services or resolution, not both");
        }
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(kernel, "kernel");
    }

    public DecompositionOptions(int services, double resolution, List<Decision> decisions, boolean withBytecode) {
        this(services, resolution, decisions, withBytecode, KernelMode.KEEP);
    }

    public DecompositionOptions(int services, double resolution, List<Decision> decisions) {
        this(services, resolution, decisions, false);
    }

    public static DecompositionOptions defaults() {
        return new DecompositionOptions(0, 0, List.of());
    }
}
