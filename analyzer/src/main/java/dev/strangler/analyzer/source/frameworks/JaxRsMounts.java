package dev.strangler.analyzer.source.frameworks;

import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.source.facts.Facts.JaxRsLocator;
import dev.strangler.analyzer.source.facts.Facts.JaxRsRelative;
import dev.strangler.analyzer.source.facts.Facts.JaxRsRoot;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * JAX-RS sub-resources: a method with {@code @Path} and no HTTP method is a locator, and the object it returns serves
 * the rest of the path. A resource class without a class-level {@code @Path} is only reachable that way, so its
 * routes are mounted under every path of the locators that return it (or a subtype or supertype of it), resolved
 * from the root resources down. A class reached through itself (a tree of groups) is mounted once per way in, and a
 * class gets at most {@value #MAX_MOUNTS} mounts. A root resource's path also serves the routes it inherits from
 * supertypes without a path. Routes of classes none of this reaches keep their own path.
 */
public final class JaxRsMounts {
    static final int MAX_MOUNTS = 16;
    private static final int TYPE_LIMIT = 64;

    private record Mount(String type, String path, Set<String> chain) {
    }

    private JaxRsMounts() {
    }

    /** The entry points with each reachable sub-resource route replaced by its routes under every mount. */
    public static List<EntryPoint> mount(List<EntryPoint> entries, List<JaxRsRoot> roots, List<JaxRsLocator> locators,
                                  List<JaxRsRelative> relatives, TypeIndex index) {
        if (relatives.isEmpty()) {
            return new ArrayList<>(entries);
        }
        Set<String> rootTypes = new HashSet<>();
        roots.forEach(root -> rootTypes.add(root.type()));
        Map<String, List<JaxRsLocator>> byOwner = new TreeMap<>();
        for (JaxRsLocator locator : locators) {
            byOwner.computeIfAbsent(locator.owner(), k -> new ArrayList<>()).add(locator);
        }
        byOwner.values().forEach(list -> list.sort(Comparator.comparing(JaxRsLocator::path).thenComparing(JaxRsLocator::target)));
        Map<String, SortedSet<String>> mounts = new HashMap<>();
        inheritRootPaths(roots, rootTypes, mounts, index);
        Deque<Mount> queue = new ArrayDeque<>();
        roots.stream().sorted(Comparator.comparing(JaxRsRoot::type).thenComparing(JaxRsRoot::path))
                .forEach(root -> queue.add(new Mount(root.type(), root.path(), Set.of(root.type()))));
        while (!queue.isEmpty()) {
            Mount mount = queue.poll();
            for (String owner : withSupertypes(mount.type(), index)) {
                for (JaxRsLocator locator : byOwner.getOrDefault(owner, List.of())) {
                    String path = EntryPoints.joinPaths(mount.path(), locator.path());
                    List<String> family = new ArrayList<>(List.of(locator.target()));
                    family.addAll(index.allSubtypes(locator.target(), TYPE_LIMIT));
                    if (family.stream().anyMatch(mount.chain()::contains)) {
                        continue; // back into a class already on the way in
                    }
                    Set<String> chain = new HashSet<>(mount.chain());
                    chain.addAll(family);
                    // the supertypes too: routes inherited from a base class have it as their handler
                    SortedSet<String> targets = new TreeSet<>(family);
                    targets.addAll(withSupertypes(locator.target(), index));
                    for (String target : targets) {
                        if (rootTypes.contains(target)) {
                            continue;
                        }
                        SortedSet<String> paths = mounts.computeIfAbsent(target, k -> new TreeSet<>());
                        if (paths.size() < MAX_MOUNTS && paths.add(path)) {
                            queue.add(new Mount(target, path, chain));
                        }
                    }
                }
            }
        }
        Map<EntryPoint, List<String>> replaced = new LinkedHashMap<>();
        for (JaxRsRelative relative : relatives) {
            SortedSet<String> paths = mounts.get(relative.entry().handler().owner().value());
            if (paths == null) {
                continue;
            }
            List<String> full = replaced.computeIfAbsent(relative.entry(), k -> new ArrayList<>());
            for (String path : paths) {
                full.add(EntryPoints.joinPaths(path, relative.path()));
            }
        }
        List<EntryPoint> result = new ArrayList<>();
        for (EntryPoint entry : entries) {
            List<String> paths = replaced.get(entry);
            if (paths == null) {
                result.add(entry);
                continue;
            }
            for (String path : paths) {
                result.add(new EntryPoint(entry.kind(), entry.framework(), entry.httpMethod(), path, entry.handler(),
                        entry.location()));
            }
        }
        return result;
    }

    /**
     * A root resource's path also serves the methods it inherits: those of its supertypes without a path of their
     * own ({@code UserService extends AnyService}, where only {@code UserService} has {@code @Path}), and, for an
     * interface, those its implementations inherit from their base classes, which handle its routes.
     */
    private static void inheritRootPaths(List<JaxRsRoot> roots, Set<String> rootTypes, Map<String, SortedSet<String>> mounts,
                                         TypeIndex index) {
        for (JaxRsRoot root : roots) {
            Set<String> inheriting = new TreeSet<>(withSupertypes(root.type(), index));
            for (String implementation : index.allSubtypes(root.type(), TYPE_LIMIT)) {
                inheriting.addAll(withSupertypes(implementation, index));
            }
            for (String type : inheriting) {
                if (!rootTypes.contains(type)) {
                    SortedSet<String> paths = mounts.computeIfAbsent(type, k -> new TreeSet<>());
                    if (paths.size() < MAX_MOUNTS) {
                        paths.add(root.path());
                    }
                }
            }
        }
    }

    /** The type and its codebase supertypes: a locator inherited from a base class serves the subclass's mount. */
    private static List<String> withSupertypes(String type, TypeIndex index) {
        List<String> result = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>(List.of(type));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty() && result.size() < TYPE_LIMIT) {
            String next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            result.add(next);
            IndexedType indexed = index.get(next);
            if (indexed != null) {
                for (JType supertype : index.supertypes(indexed)) {
                    if (supertype.codebase()) {
                        pending.add(supertype.name());
                    }
                }
            }
        }
        return result;
    }
}
