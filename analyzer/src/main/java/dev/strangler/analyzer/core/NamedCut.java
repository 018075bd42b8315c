package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A cut whose services have names: what the decisions work on. Immutable; every change returns a new cut.
 *
 * @param services each service's name and classes, in the order they were named
 * @param kernel the shared kernel
 * @param moved why a class was moved by a decision or a fold, for the classes that were
 */
record NamedCut(Map<String, SortedSet<ClassName>> services, Kernel kernel, Map<ClassName, String> moved) {
    NamedCut {
        LinkedHashMap<String, SortedSet<ClassName>> copy = new LinkedHashMap<>();
        services.forEach((name, classes) -> copy.put(name, Collections.unmodifiableSortedSet(new TreeSet<>(classes))));
        services = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(kernel, "kernel");
        moved = Map.copyOf(moved);
    }

    /** The services as a partition, the kernel apart. */
    Partition partition() {
        return new Partition(new ArrayList<>(services.values()), kernel.classes());
    }

    /** A mutable copy of the services, for a stage that builds the next cut. */
    LinkedHashMap<String, SortedSet<ClassName>> servicesCopy() {
        LinkedHashMap<String, SortedSet<ClassName>> copy = new LinkedHashMap<>();
        services.forEach((name, classes) -> copy.put(name, new TreeSet<>(classes)));
        return copy;
    }

    /** The next cut: these services and kernel, and the moves so far plus these. */
    NamedCut next(Map<String, SortedSet<ClassName>> nextServices, Kernel nextKernel, Map<ClassName, String> moves) {
        Map<ClassName, String> all = new HashMap<>(moved);
        all.putAll(moves);
        return new NamedCut(nextServices, nextKernel, all);
    }

    /** Without services emptied by decisions. */
    NamedCut withoutEmptyServices() {
        LinkedHashMap<String, SortedSet<ClassName>> kept = servicesCopy();
        kept.values().removeIf(SortedSet::isEmpty);
        return kept.size() == services.size() ? this : new NamedCut(kept, kernel, moved);
    }
}
