package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One type declared in the analysed codebase (top-level or nested).
 *
 * @param name its fully qualified name
 * @param kind class, interface, enum, record or annotation
 * @param location where it is declared
 * @param linesOfCode non-blank, non-comment lines of its declaration
 * @param annotations annotation names on the type, fully qualified where resolved, else as written
 * @param stereotypes the roles it plays
 * @param supertypes the classes it extends and the interfaces it implements, where they are in the codebase or known
 */
public record TypeInfo(ClassName name, TypeKind kind, SourceLocation location, int linesOfCode,
                       SortedSet<String> annotations, Set<Stereotype> stereotypes, List<ClassName> supertypes) {
    public TypeInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        if (linesOfCode < 0) {
            throw new IllegalArgumentException("linesOfCode must be 0 or more, but was " + linesOfCode);
        }
        annotations = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(annotations));
        stereotypes = stereotypes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(stereotypes));
        supertypes = List.copyOf(supertypes);
    }

    public boolean is(Stereotype stereotype) {
        return stereotypes.contains(stereotype);
    }
}
