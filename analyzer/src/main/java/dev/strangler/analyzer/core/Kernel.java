package dev.strangler.analyzer.core;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The shared kernel: the classes kept out of every service, each with the rule that put it there.
 *
 * @param members each kernel class and why it is in the kernel, sorted by class
 */
record Kernel(SortedMap<ClassName, Reason> members) {
    Kernel {
        members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
    }

    /** The rules that put a class in the shared kernel. */
    enum Rule {
        /** A stateless utility without table access. */
        UTILITY,
        /** Used from several first-pass candidates, without state or data of its own. */
        WIDELY_USED,
        /** Reached by no use case, touching no table, tied to no service. */
        UNANCHORED,
        /** Marked by the team's decision. */
        DECISION
    }

    /**
     * Why one class is in the kernel.
     *
     * @param rule the rule
     * @param detail the rule applied to this class, in words
     */
    record Reason(Rule rule, String detail) {
        Reason {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }

        /** As the report words it. */
        String describe() {
            return "shared kernel: " + detail;
        }
    }

    static final Kernel EMPTY = new Kernel(new TreeMap<>());

    static Kernel of(Collection<ClassName> classes, Rule rule, String detail) {
        SortedMap<ClassName, Reason> members = new TreeMap<>();
        classes.forEach(unit -> members.put(unit, new Reason(rule, detail)));
        return new Kernel(members);
    }

    SortedSet<ClassName> classes() {
        return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(members.keySet()));
    }

    boolean contains(ClassName unit) {
        return members.containsKey(unit);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    /** This kernel and the other's classes; a class in both keeps this kernel's reason. */
    Kernel with(Kernel other) {
        SortedMap<ClassName, Reason> union = new TreeMap<>(other.members);
        union.putAll(members);
        return new Kernel(union);
    }

    /** This kernel without the given classes. */
    Kernel without(Collection<ClassName> classes) {
        SortedMap<ClassName, Reason> rest = new TreeMap<>(members);
        classes.forEach(rest::remove);
        return new Kernel(rest);
    }
}
