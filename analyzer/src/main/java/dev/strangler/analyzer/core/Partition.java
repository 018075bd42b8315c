package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A split of a codebase's units into service groups plus a shared kernel. Groups are non-empty, disjoint and sorted
 * by their first class name, so equal partitions are equal objects.
 *
 * @param groups the service groups
 * @param kernel the units kept out of every service, to be shared as a library
 */
public record Partition(List<SortedSet<ClassName>> groups, SortedSet<ClassName> kernel) {
    public Partition {
        List<SortedSet<ClassName>> copy = new ArrayList<>();
        for (SortedSet<ClassName> group : groups) {
            if (!group.isEmpty()) {
                copy.add(Collections.unmodifiableSortedSet(new TreeSet<>(group)));
            }
        }
        copy.sort(Comparator.comparing(SortedSet::first));
        groups = List.copyOf(copy);
        kernel = Collections.unmodifiableSortedSet(new TreeSet<>(kernel));
        Map<ClassName, Integer> seen = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (ClassName name : groups.get(g)) {
                if (seen.put(name, g) != null || kernel.contains(name)) {
                    throw new IllegalArgumentException("a class must be in one group only, but " + name + " is in two");
                }
            }
        }
    }

    /** Group index of each grouped unit; kernel units are absent. */
    public Map<ClassName, Integer> groupIndex() {
        Map<ClassName, Integer> index = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (ClassName name : groups.get(g)) {
                index.put(name, g);
            }
        }
        return index;
    }

    /** The same split with the kernel as one more group, every class placed (itself when the kernel is empty). */
    public Partition withKernelAsGroup() {
        if (kernel.isEmpty()) {
            return this;
        }
        List<SortedSet<ClassName>> all = new ArrayList<>(groups);
        all.add(kernel);
        return new Partition(all, Collections.emptySortedSet());
    }

    public int size() {
        return groups.size();
    }
}
