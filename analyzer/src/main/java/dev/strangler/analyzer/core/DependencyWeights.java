package dev.strangler.analyzer.core;

import java.util.EnumMap;
import java.util.Map;

/**
 * How strongly each kind of dependency ties two classes together when looking for service boundaries.
 * Calls, instantiations, inheritance and JPA associations are strong; fields and signatures medium;
 * locals and annotations weak. A dependency used {@code w} times weighs {@code kindWeight * (1 + ln w)},
 * so one chatty pair does not outweigh many distinct relations.
 */
public final class DependencyWeights {
    private static final Map<DependencyKind, Double> WEIGHTS = new EnumMap<>(DependencyKind.class);

    static {
        WEIGHTS.put(DependencyKind.INHERITANCE, 4.0);
        WEIGHTS.put(DependencyKind.ASSOCIATION, 4.0);
        WEIGHTS.put(DependencyKind.CALL, 3.0);
        WEIGHTS.put(DependencyKind.INSTANTIATION, 3.0);
        WEIGHTS.put(DependencyKind.FIELD, 2.0);
        WEIGHTS.put(DependencyKind.SIGNATURE, 1.5);
        WEIGHTS.put(DependencyKind.LOCAL, 1.0);
        WEIGHTS.put(DependencyKind.ANNOTATION, 0.5);
    }

    private DependencyWeights() {
    }

    public static double of(DependencyKind kind) {
        return WEIGHTS.get(kind);
    }

    /** The clustering weight of one aggregated dependency. */
    public static double weigh(Dependency dependency) {
        return of(dependency.kind()) * (1.0 + Math.log(dependency.weight()));
    }

    /** Whether a dependency counts as a call for the literature's metrics (the class-level call graph). */
    public static boolean isCall(DependencyKind kind) {
        return kind == DependencyKind.CALL || kind == DependencyKind.INSTANTIATION;
    }
}
