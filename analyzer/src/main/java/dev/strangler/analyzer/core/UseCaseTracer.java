package dev.strangler.analyzer.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Traces use cases statically: from each entry point's handler it follows method calls breadth-first (a call to an
 * interface or superclass method also reaches the same-named methods of its subtypes in the codebase, and an
 * inherited method is found in the supertypes) and the classes each method references. A reached repository adds
 * its entity, an entity its table, and a table access in a reached method (or class, when the access names no
 * method) adds its table. Deterministic; bounded to {@value #MAX_METHODS} methods per use case.
 * Thread-safe once built.
 */
public final class UseCaseTracer {
    static final int MAX_METHODS = 20_000;

    private final ClassGraph graph;
    private final Map<MethodId, MethodInfo> methods = new HashMap<>();
    private final Map<ClassName, Set<String>> methodNamesByOwner = new HashMap<>();
    private final Map<ClassName, List<ClassName>> subtypes = new HashMap<>();
    private final Map<ClassName, List<ClassName>> supertypes = new HashMap<>();
    private final Map<ClassName, SortedSet<ClassName>> entitiesOfRepository = new HashMap<>();
    private final Map<ClassName, SortedSet<String>> tablesOfEntity = new HashMap<>();
    private final Map<ClassName, SortedSet<String>> classLevelTables = new HashMap<>();
    private final Map<MethodId, SortedSet<String>> methodTables = new HashMap<>();

    public UseCaseTracer(Codebase codebase, ClassGraph graph) {
        this.graph = graph;
        for (MethodInfo method : codebase.methods()) {
            methods.merge(method.id(), method, UseCaseTracer::mergeMethods);
            methodNamesByOwner.computeIfAbsent(method.id().owner(), k -> new HashSet<>()).add(method.id().name());
        }
        for (TypeInfo type : codebase.types()) {
            for (ClassName supertype : type.supertypes()) {
                subtypes.computeIfAbsent(supertype, k -> new ArrayList<>()).add(type.name());
                supertypes.computeIfAbsent(type.name(), k -> new ArrayList<>()).add(supertype);
            }
        }
        subtypes.values().forEach(Collections::sort);
        for (RepositoryBinding binding : codebase.repositories()) {
            entitiesOfRepository.computeIfAbsent(binding.repository(), k -> new TreeSet<>()).add(binding.entity());
        }
        for (EntityMapping mapping : codebase.entities()) {
            tablesOfEntity.computeIfAbsent(mapping.entity(), k -> new TreeSet<>()).add(mapping.table());
        }
        for (TableAccess access : codebase.tableAccesses()) {
            String member = memberName(access.member());
            MethodId method = new MethodId(access.accessor(), member.isEmpty() ? "-" : member);
            if (!member.isEmpty() && methods.containsKey(method)) {
                methodTables.computeIfAbsent(method, k -> new TreeSet<>()).add(access.table());
            } else {
                classLevelTables.computeIfAbsent(access.accessor(), k -> new TreeSet<>()).add(access.table());
            }
        }
    }

    private static MethodInfo mergeMethods(MethodInfo a, MethodInfo b) {
        TreeSet<MethodId> calls = new TreeSet<>(a.calls());
        calls.addAll(b.calls());
        TreeSet<ClassName> references = new TreeSet<>(a.references());
        references.addAll(b.references());
        return new MethodInfo(a.id(), a.location().compareTo(b.location()) <= 0 ? a.location() : b.location(),
                calls, references);
    }

    static String memberName(String member) {
        String name = member.strip();
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        int hash = name.lastIndexOf('#');
        if (hash >= 0) {
            name = name.substring(hash + 1);
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : name;
    }

    /** Traces every entry point, in the order given. */
    public List<UseCase> traceAll(List<EntryPoint> entryPoints) {
        List<UseCase> result = new ArrayList<>();
        for (EntryPoint entryPoint : entryPoints) {
            result.add(trace(entryPoint));
        }
        return List.copyOf(result);
    }

    public UseCase trace(EntryPoint entryPoint) {
        SortedSet<ClassName> reachedTypes = new TreeSet<>();
        SortedSet<String> tables = new TreeSet<>();
        Set<MethodId> visited = new HashSet<>();
        Deque<MethodId> queue = new ArrayDeque<>();
        reachedTypes.add(entryPoint.handler().owner());
        enqueue(entryPoint.handler(), visited, queue);
        boolean truncated = false;
        while (!queue.isEmpty()) {
            if (visited.size() > MAX_METHODS) {
                truncated = true;
                break;
            }
            MethodId current = queue.poll();
            reachedTypes.add(current.owner());
            tables.addAll(methodTables.getOrDefault(current, Collections.emptySortedSet()));
            MethodInfo info = methods.get(current);
            if (info == null) {
                continue;
            }
            for (MethodId call : info.calls()) {
                reachedTypes.add(call.owner());
                enqueue(call, visited, queue);
            }
            for (ClassName reference : info.references()) {
                reachedTypes.add(reference);
                enqueue(new MethodId(reference, "<init>"), visited, queue);
            }
        }
        SortedSet<ClassName> withData = new TreeSet<>(reachedTypes);
        for (ClassName type : reachedTypes) {
            withData.addAll(entitiesOfRepository.getOrDefault(type, Collections.emptySortedSet()));
        }
        SortedSet<ClassName> units = new TreeSet<>();
        for (ClassName type : withData) {
            tables.addAll(tablesOfEntity.getOrDefault(type, Collections.emptySortedSet()));
            tables.addAll(classLevelTables.getOrDefault(type, Collections.emptySortedSet()));
            ClassName unit = graph.unitOf(type);
            if (unit != null) {
                units.add(unit);
            }
        }
        return new UseCase(entryPoint, units, tables, truncated);
    }

    /** Adds the method, its implementations in subtypes, and (when it is inherited) its declaration in a supertype. */
    private void enqueue(MethodId method, Set<MethodId> visited, Deque<MethodId> queue) {
        if (!visited.add(method)) {
            return; // its overrides and declaration were looked up when it was first reached
        }
        queue.add(method);
        if (!subtypes.containsKey(method.owner()) && methods.containsKey(method)) {
            return; // the common case: a declared method of a class nobody extends
        }
        Deque<ClassName> down = new ArrayDeque<>(subtypes.getOrDefault(method.owner(), List.of()));
        Set<ClassName> seen = new HashSet<>();
        while (!down.isEmpty()) {
            ClassName subtype = down.poll();
            if (!seen.add(subtype)) {
                continue;
            }
            if (methodNamesByOwner.getOrDefault(subtype, Set.of()).contains(method.name())) {
                MethodId override = new MethodId(subtype, method.name());
                if (visited.add(override)) {
                    queue.add(override);
                }
            }
            down.addAll(subtypes.getOrDefault(subtype, List.of()));
        }
        if (!methods.containsKey(method)) {
            Deque<ClassName> up = new ArrayDeque<>(supertypes.getOrDefault(method.owner(), List.of()));
            while (!up.isEmpty()) {
                ClassName supertype = up.poll();
                if (!seen.add(supertype)) {
                    continue;
                }
                MethodId inherited = new MethodId(supertype, method.name());
                if (methods.containsKey(inherited)) {
                    if (visited.add(inherited)) {
                        queue.add(inherited);
                    }
                    break;
                }
                up.addAll(supertypes.getOrDefault(supertype, List.of()));
            }
        }
    }
}
