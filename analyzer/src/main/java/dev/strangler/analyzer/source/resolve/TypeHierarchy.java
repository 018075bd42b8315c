package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codebase's type hierarchy: each type's resolved supertypes, its codebase ancestors and the names of all its
 * supertypes (each worked out once and kept on the type), and the subtypes of each type. Linked once, single-threaded,
 * after every type was indexed; read from several threads after.
 */
final class TypeHierarchy {
    private final TypeIndex index;
    private final Map<String, List<String>> subtypes = new ConcurrentHashMap<>();

    TypeHierarchy(TypeIndex index) {
        this.index = index;
    }

    /** Links each type's codebase supertypes to it, {@code types} in name order. */
    void link(Collection<IndexedType> types) {
        for (IndexedType type : types) {
            for (JType supertype : supertypes(type)) {
                if (supertype.codebase()) {
                    subtypes.computeIfAbsent(supertype.name(), k -> new ArrayList<>()).add(type.name);
                }
            }
        }
        subtypes.values().forEach(list -> list.sort(null));
    }

    List<String> directSubtypes(String name) {
        return subtypes.getOrDefault(name, List.of());
    }

    /** All codebase subtypes, transitively, at most {@code limit}, in a stable order. */
    List<String> allSubtypes(String name, int limit) {
        List<String> result = new ArrayList<>();
        List<String> queue = new ArrayList<>(directSubtypes(name));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty() && result.size() < limit) {
            String next = queue.remove(0);
            if (seen.add(next)) {
                result.add(next);
                queue.addAll(directSubtypes(next));
            }
        }
        return result;
    }

    List<JType> supertypes(IndexedType type) {
        List<JType> resolved = type.supertypes;
        if (resolved == null) {
            resolved = new ArrayList<>();
            for (ClassOrInterfaceType written : type.writtenSupertypes) {
                // a supertype is resolved from the outer scope: the type's own nested types are not visible yet
                JType supertype = index.toJType(written, type.outer, type.scope, Set.of());
                if (supertype != null && !supertype.name().equals(type.name)) {
                    resolved.add(supertype);
                }
            }
            resolved = List.copyOf(resolved);
            type.supertypes = resolved;
        }
        return resolved;
    }

    List<IndexedType> ancestors(IndexedType type) {
        List<IndexedType> known = type.ancestors;
        if (known == null) {
            known = List.copyOf(findAncestors(type));
            type.ancestors = known;
        }
        return known;
    }

    private List<IndexedType> findAncestors(IndexedType type) {
        List<IndexedType> result = new ArrayList<>();
        List<IndexedType> queue = new ArrayList<>();
        queue.add(type);
        Set<String> seen = new HashSet<>();
        seen.add(type.name);
        for (int depth = 0; depth < TypeIndex.MAX_HIERARCHY_DEPTH && !queue.isEmpty(); depth++) {
            List<IndexedType> next = new ArrayList<>();
            for (IndexedType current : queue) {
                for (JType supertype : supertypes(current)) {
                    IndexedType found = supertype.codebase() ? index.get(supertype.name()) : null;
                    if (found != null && seen.add(found.name)) {
                        result.add(found);
                        next.add(found);
                    }
                }
            }
            queue = next;
        }
        return result;
    }

    Set<String> supertypeNames(IndexedType type) {
        Set<String> known = type.supertypeNames;
        if (known == null) {
            known = Collections.unmodifiableSet(findSupertypeNames(type));
            type.supertypeNames = known;
        }
        return known;
    }

    private Set<String> findSupertypeNames(IndexedType type) {
        Set<String> names = new HashSet<>();
        List<IndexedType> chain = new ArrayList<>();
        chain.add(type);
        chain.addAll(ancestors(type));
        for (IndexedType current : chain) {
            for (JType supertype : supertypes(current)) {
                names.add(supertype.name());
                names.add(supertype.simpleName());
            }
        }
        return names;
    }
}
