package dev.strangler.analyzer.core;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one entry point reaches when its calls are followed statically.
 *
 * @param entryPoint where it starts
 * @param classes the units (top-level classes) it reaches, the handler's own class included
 * @param tables the tables it reads or writes
 * @param truncated whether tracing stopped at its size bound before reaching everything
 */
public record UseCase(EntryPoint entryPoint, SortedSet<ClassName> classes, SortedSet<String> tables, boolean truncated) {
    public UseCase {
        Objects.requireNonNull(entryPoint, "entryPoint");
        classes = Collections.unmodifiableSortedSet(new TreeSet<>(classes));
        tables = Collections.unmodifiableSortedSet(new TreeSet<>(tables));
    }

    public String label() {
        return entryPoint.label();
    }
}
