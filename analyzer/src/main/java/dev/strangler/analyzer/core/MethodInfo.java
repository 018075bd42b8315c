package dev.strangler.analyzer.core;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one method's body reaches: the input for tracing use cases from entry points.
 *
 * @param id the method
 * @param location where it is declared
 * @param calls methods of codebase types it calls (resolved, or guessed by name)
 * @param references codebase types it otherwise uses: instantiations, static accesses, locals, casts
 */
public record MethodInfo(MethodId id, SourceLocation location, SortedSet<MethodId> calls, SortedSet<ClassName> references) {
    public MethodInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        calls = Collections.unmodifiableSortedSet(new TreeSet<>(calls));
        references = Collections.unmodifiableSortedSet(new TreeSet<>(references));
    }
}
