package dev.strangler.analyzer.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Traces use cases statically: from each entry point's handler it follows method calls breadth-first (a call to an
 * interface or superclass method also reaches the same-named methods of its subtypes in the codebase, and an
 * inherited method is found in the supertypes) and the classes each method references. A reached repository adds
 * its entity, an entity its table, and a table access in a reached method (or class, when the access names no
 * method) adds its table. Deterministic; bounded to {@value #MAX_METHODS} methods per use case.
 *
 * <p>Use cases overlap heavily in tangled code (each route of a real shop reached a third of its classes), so what
 * does not depend on the entry point is worked out once, when the tracer is built: every known method gets a number,
 * its calls and the constructors of the types it references become arrays of numbers, and so do the methods a first
 * call to it also reaches (overrides in subtypes, or the inherited declaration). Tracing one use case is then a walk
 * over int arrays with a bit set of visited methods. Thread-safe once built.
 */
public final class UseCaseTracer {
    static final int MAX_METHODS = 20_000;
    private static final int[] NONE = new int[0];

    private final Map<MethodId, MethodInfo> methods = new HashMap<>();
    private final Map<ClassName, Set<String>> methodNamesByOwner = new HashMap<>();
    private final Map<ClassName, List<ClassName>> subtypes = new HashMap<>();
    private final Map<ClassName, List<ClassName>> supertypes = new HashMap<>();
    private final Map<ClassName, SortedSet<ClassName>> entitiesOfRepository = new HashMap<>();
    private final Map<ClassName, SortedSet<String>> tablesOfEntity = new HashMap<>();
    private final Map<ClassName, SortedSet<String>> classLevelTables = new HashMap<>();
    private final Map<MethodId, SortedSet<String>> methodTables = new HashMap<>();

    /** Numbered methods: declared ones, then the others named by calls, references and handlers, as first met. */
    private final Map<MethodId, Integer> number = new HashMap<>();
    private final List<MethodId> numbered = new ArrayList<>();
    /** Numbered types: the owners of numbered methods. */
    private final Map<ClassName, Integer> typeNumber = new HashMap<>();
    private final List<ClassName> numberedTypes = new ArrayList<>();
    private int[] owner;
    /** Per method: its calls, then the constructors of the types it references, in the order of its sets. */
    private int[][] next;
    /** Per method: what a first call to it also reaches (overrides in subtypes, the inherited declaration). */
    private int[][] alsoReached;
    private SortedSet<String>[] tables;

    /** Numbers the codebase's methods; needs no class graph, so it can be built while the graph is. */
    public UseCaseTracer(Codebase codebase) {
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
        number(codebase);
    }

    @SuppressWarnings("unchecked")
    private void number(Codebase codebase) {
        // any order does: a method's number never decides what a use case reaches, nor in which order
        List<MethodId> declared = new ArrayList<>(methods.keySet());
        declared.forEach(this::numberOf);
        List<int[]> nextList = new ArrayList<>();
        for (MethodId method : declared) {
            nextList.add(targets(methods.get(method)));
        }
        for (EntryPoint entryPoint : codebase.entryPoints()) {
            numberOf(entryPoint.handler());
        }
        int count = numbered.size();
        next = new int[count][];
        alsoReached = new int[count][];
        tables = new SortedSet[count];
        owner = new int[count];
        for (int i = 0; i < count; i++) {
            next[i] = i < nextList.size() ? nextList.get(i) : NONE;
            owner[i] = typeNumberOf(numbered.get(i).owner());
        }
        // each method's overrides and inherited declaration only read the maps built above: on every core
        IntStream.range(0, count).parallel().forEach(i -> {
            MethodId id = numbered.get(i);
            alsoReached[i] = expand(id);
            tables[i] = methodTables.get(id);
        });
    }

    private int typeNumberOf(ClassName type) {
        Integer known = typeNumber.get(type);
        if (known != null) {
            return known;
        }
        numberedTypes.add(type);
        typeNumber.put(type, numberedTypes.size() - 1);
        return numberedTypes.size() - 1;
    }

    /** The numbers of a method's calls, then of the constructors of the types it references. */
    private int[] targets(MethodInfo info) {
        int[] targets = new int[info.calls().size() + info.references().size()];
        int k = 0;
        for (MethodId call : info.calls()) {
            targets[k++] = numberOf(call);
        }
        for (ClassName reference : info.references()) {
            targets[k++] = numberOf(new MethodId(reference, "<init>"));
        }
        return targets;
    }

    /** Only while building: every method that {@link #expand} can return is declared, so numbered first. */
    private int numberOf(MethodId method) {
        Integer known = number.get(method);
        if (known != null) {
            return known;
        }
        numbered.add(method);
        number.put(method, numbered.size() - 1);
        return numbered.size() - 1;
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

    /** The use case of one entry point, the reached types folded into the graph's units. */
    public UseCase trace(EntryPoint entryPoint, ClassGraph graph) {
        // sized by what is reached, not by the codebase: most use cases of a large codebase reach little of it
        BitSet visited = new BitSet();
        BitSet reachedTypes = new BitSet();
        MethodQueue queue = new MethodQueue();
        int visitedCount = 0;
        SortedSet<String> reachedTables = new TreeSet<>();
        Set<ClassName> reachedOutside = new HashSet<>();
        Integer handler = number.get(entryPoint.handler());
        if (handler == null) {
            // an entry point the codebase does not list: it declares nothing, so only what a call to it reaches
            reachedOutside.add(entryPoint.handler().owner());
            visitedCount = 1 + visit(expand(entryPoint.handler()), visited, queue);
        } else {
            reachedTypes.set(owner[handler]);
            visitedCount = visit(new int[]{handler}, visited, queue) + visit(alsoReached[handler], visited, queue);
        }
        boolean truncated = false;
        while (!queue.isEmpty()) {
            if (visitedCount > MAX_METHODS) {
                truncated = true;
                break;
            }
            int current = queue.poll();
            reachedTypes.set(owner[current]);
            if (tables[current] != null) {
                reachedTables.addAll(tables[current]);
            }
            for (int target : next[current]) {
                reachedTypes.set(owner[target]);
                if (visited.get(target)) {
                    continue; // what a call to it also reaches was added when it was first reached
                }
                visited.set(target);
                queue.add(target);
                visitedCount += 1 + visit(alsoReached[target], visited, queue);
            }
        }
        Set<ClassName> withData = new HashSet<>(reachedOutside);
        for (int type = reachedTypes.nextSetBit(0); type >= 0; type = reachedTypes.nextSetBit(type + 1)) {
            withData.add(numberedTypes.get(type));
        }
        for (ClassName type : List.copyOf(withData)) {
            withData.addAll(entitiesOfRepository.getOrDefault(type, Collections.emptySortedSet()));
        }
        Set<ClassName> units = new HashSet<>();
        for (ClassName type : withData) {
            reachedTables.addAll(tablesOfEntity.getOrDefault(type, Collections.emptySortedSet()));
            reachedTables.addAll(classLevelTables.getOrDefault(type, Collections.emptySortedSet()));
            ClassName unit = graph.unitOf(type);
            if (unit != null) {
                units.add(unit);
            }
        }
        return new UseCase(entryPoint, new TreeSet<>(units), reachedTables, truncated);
    }

    /** Marks and queues each of the methods not visited yet; returns how many were. */
    private static int visit(int[] methods, BitSet visited, MethodQueue queue) {
        int added = 0;
        for (int method : methods) {
            if (!visited.get(method)) {
                visited.set(method);
                queue.add(method);
                added++;
            }
        }
        return added;
    }

    /**
     * The methods a first call to {@code method} reaches besides itself, in the order they are queued: its overrides
     * in the codebase's subtypes (breadth-first) and, when it is inherited, its declaration in the nearest supertype.
     */
    private int[] expand(MethodId method) {
        if (!subtypes.containsKey(method.owner()) && methods.containsKey(method)) {
            return NONE; // the common case: a declared method of a class nobody extends
        }
        List<Integer> found = new ArrayList<>();
        Set<Integer> added = new HashSet<>();
        Deque<ClassName> down = new ArrayDeque<>(subtypes.getOrDefault(method.owner(), List.of()));
        Set<ClassName> seen = new HashSet<>();
        while (!down.isEmpty()) {
            ClassName subtype = down.poll();
            if (!seen.add(subtype)) {
                continue;
            }
            if (methodNamesByOwner.getOrDefault(subtype, Set.of()).contains(method.name())) {
                int override = number.get(new MethodId(subtype, method.name()));
                if (added.add(override)) {
                    found.add(override);
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
                    int declaration = number.get(inherited);
                    if (added.add(declaration)) {
                        found.add(declaration);
                    }
                    break;
                }
                up.addAll(supertypes.getOrDefault(supertype, List.of()));
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
