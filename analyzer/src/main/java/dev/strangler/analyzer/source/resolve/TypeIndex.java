package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An index of every type declared in the tree, answering what a name written in some place refers to, which
 * method a name on a type means (walking supertypes) and what a constant's value is.
 * Built single-threaded, then read from several threads: its caches are concurrent.
 */
public final class TypeIndex {
    static final int MAX_HIERARCHY_DEPTH = 12;

    /** How a written type name was settled. */
    public enum Outcome { CODEBASE, LIBRARY, TYPE_PARAMETER, GUESSED, UNKNOWN }

    /**
     * @param outcome how it was settled
     * @param name the qualified name (codebase, or library when known), else the name as written
     */
    public record Resolution(Outcome outcome, String name) {
        boolean isCodebase() {
            return outcome == Outcome.CODEBASE || outcome == Outcome.GUESSED;
        }
    }

    private final LibraryIndex libraries;
    /** by name for the lookups (hashing a name is much cheaper than comparing it with the ~log n sharing its prefix) */
    private final Map<String, IndexedType> types = new HashMap<>();
    /** the same, in name order, for {@link #all()} */
    private final Map<String, IndexedType> sorted = new TreeMap<>();
    private final Map<String, List<String>> bySimpleName = new HashMap<>();
    private final Map<String, List<String>> subtypes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> jdkClasses = new ConcurrentHashMap<>();
    private final Set<String> packages = new HashSet<>();

    private final Map<String, List<String>> methodDeclarers = new HashMap<>();

    /** @param libraries the classes of the jars and folders given with {@code --classpath} */
    private final Constants constants = new Constants(this);
    private final SpringDataRepositories repositories = new SpringDataRepositories(this);

    public TypeIndex(LibraryIndex libraries) {
        this.libraries = Objects.requireNonNull(libraries, "libraries");
    }

    public void add(IndexedType type) {
        types.put(type.name, type);
        sorted.put(type.name, type);
        type.methods.keySet().forEach(m -> methodDeclarers.computeIfAbsent(m, k -> new ArrayList<>()).add(type.name));
        bySimpleName.computeIfAbsent(type.simpleName(), k -> new ArrayList<>()).add(type.name);
        packages.add(type.scope.packageName);
    }

    /** Links supertypes to subtypes; call once after every type was added. */
    public void link() {
        bySimpleName.values().forEach(list -> list.sort(null));
        for (IndexedType type : sorted.values()) {
            for (JType supertype : supertypes(type)) {
                if (supertype.codebase()) {
                    subtypes.computeIfAbsent(supertype.name(), k -> new ArrayList<>()).add(type.name);
                }
            }
        }
        subtypes.values().forEach(list -> list.sort(null));
    }

    /** The one codebase type declaring a method of this name, or null when none or several do. */
    String soleDeclarer(String method) {
        List<String> declarers = methodDeclarers.get(method);
        return declarers != null && declarers.size() == 1 ? declarers.get(0) : null;
    }

    /** A codebase type whose simple name is {@code simpleName}, nearest to {@code packageName}, or null. */
    String guessBySimpleName(String simpleName, String packageName) {
        List<String> candidates = bySimpleName.get(simpleName);
        return candidates == null ? null : nearest(candidates, packageName);
    }

    public IndexedType get(String name) {
        return types.get(name);
    }

    /** Every type, in name order. */
    public Collection<IndexedType> all() {
        return sorted.values();
    }

    int size() {
        return types.size();
    }

    public boolean isCodebasePackage(String name) {
        return packages.contains(name);
    }

    public List<String> directSubtypes(String name) {
        return subtypes.getOrDefault(name, List.of());
    }

    /** All codebase subtypes, transitively, at most {@code limit}, in a stable order. */
    public List<String> allSubtypes(String name, int limit) {
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

    public List<JType> supertypes(IndexedType type) {
        List<JType> resolved = type.supertypes;
        if (resolved == null) {
            resolved = new ArrayList<>();
            for (ClassOrInterfaceType written : type.writtenSupertypes) {
                // a supertype is resolved from the outer scope: the type's own nested types are not visible yet
                JType supertype = toJType(written, type.outer, type.scope, Set.of());
                if (supertype != null && !supertype.name().equals(type.name)) {
                    resolved.add(supertype);
                }
            }
            resolved = List.copyOf(resolved);
            type.supertypes = resolved;
        }
        return resolved;
    }

    /**
     * The codebase entity a Spring Data repository interface serves, from the first type argument of the Spring
     * Data interface it extends (directly or through a codebase base interface), or null when it is not one.
     */
    public JType repositoryEntity(IndexedType type) {
        return repositories.entity(type);
    }

    /** Whether the type extends a Spring Data interface, directly or through codebase interfaces. */
    public boolean isSpringDataRepository(IndexedType type) {
        return repositories.isRepository(type);
    }

    /**
     * Codebase supertypes, nearest first, each once; unmodifiable. Worked out once per type, as it is asked for on
     * every lookup of a member that the type does not declare itself.
     */
    public List<IndexedType> ancestors(IndexedType type) {
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
        for (int depth = 0; depth < MAX_HIERARCHY_DEPTH && !queue.isEmpty(); depth++) {
            List<IndexedType> next = new ArrayList<>();
            for (IndexedType current : queue) {
                for (JType supertype : supertypes(current)) {
                    IndexedType found = supertype.codebase() ? types.get(supertype.name()) : null;
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

    /** Simple and qualified names of all supertypes, codebase or library, transitively; unmodifiable, worked out once. */
    public Set<String> supertypeNames(IndexedType type) {
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

    /** The method {@code name} as {@code type} or its nearest codebase supertype declares it. */
    public MethodOwner findMethod(IndexedType type, String name) {
        if (type.declaresMethod(name)) {
            return new MethodOwner(type, type.methods.get(name).get(0));
        }
        for (IndexedType ancestor : ancestors(type)) {
            if (ancestor.declaresMethod(name)) {
                return new MethodOwner(ancestor, ancestor.methods.get(name).get(0));
            }
        }
        return null;
    }

    /** Where a method was found. */
    public record MethodOwner(IndexedType type, MethodDeclaration method) {
    }

    /** The field {@code name} of {@code type} or its codebase supertypes, with the type that declares it. */
    FieldOwner findField(IndexedType type, String name) {
        if (type.fieldTypes.containsKey(name)) {
            return new FieldOwner(type, type.fieldTypes.get(name));
        }
        for (IndexedType ancestor : ancestors(type)) {
            if (ancestor.fieldTypes.containsKey(name)) {
                return new FieldOwner(ancestor, ancestor.fieldTypes.get(name));
            }
        }
        return null;
    }

    /** Where a field was found. */
    record FieldOwner(IndexedType type, Type fieldType) {
    }

    /** Converts a written type into a {@link JType} as seen from {@code context}; null for primitives, void and type variables. */
    public JType toJType(Type type, IndexedType context, FileScope scope, Set<String> methodTypeParameters) {
        return toJType(type, context, scope, methodTypeParameters, Map.of());
    }

    /** As above, with type variables bound to the given types (generic supertypes and receivers). */
    JType toJType(Type type, IndexedType context, FileScope scope, Set<String> methodTypeParameters,
                  Map<String, JType> bindings) {
        if (type == null) {
            return null;
        }
        if (type instanceof ArrayType array) {
            JType component = toJType(array.getComponentType(), context, scope, methodTypeParameters, bindings);
            return component == null ? null
                    : new JType(component.name(), component.codebase(), component.arguments(), component.arrayDimensions() + 1);
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getExtendedType().map(t -> toJType(t, context, scope, methodTypeParameters, bindings))
                    .orElse(null);
        }
        if (!(type instanceof ClassOrInterfaceType classType)) {
            return null;
        }
        String written = classType.getNameWithScope();
        JType bound = bindings.get(written);
        if (bound != null) {
            return bound;
        }
        Resolution resolution = resolve(written, context, scope, methodTypeParameters);
        if (resolution.outcome() == Outcome.TYPE_PARAMETER) {
            return null;
        }
        List<JType> arguments = new ArrayList<>();
        classType.getTypeArguments().ifPresent(args -> {
            for (Type argument : args) {
                JType converted = toJType(argument, context, scope, methodTypeParameters, bindings);
                arguments.add(converted == null ? JType.library("java.lang.Object") : converted);
            }
        });
        return new JType(resolution.name(), resolution.isCodebase(), arguments, 0);
    }

    /** Resolves a type name written inside {@code context} (may be null for file level) in {@code scope}. */
    public Resolution resolve(String written, IndexedType context, FileScope scope, Set<String> methodTypeParameters) {
        if (!methodTypeParameters.isEmpty() && methodTypeParameters.contains(written)) {
            return new Resolution(Outcome.TYPE_PARAMETER, written);
        }
        if (context != null) {
            // get-then-put rather than computeIfAbsent: resolving may recurse into another type's cache
            Resolution cached = context.nameCache.get(written);
            if (cached == null) {
                cached = resolveUncached(written, context, scope);
                context.nameCache.put(written, cached);
            }
            return cached;
        }
        return resolveUncached(written, null, scope);
    }

    private Resolution resolveUncached(String written, IndexedType context, FileScope scope) {
        int dot = written.indexOf('.');
        if (dot > 0) {
            if (types.containsKey(written)) {
                return new Resolution(Outcome.CODEBASE, written);
            }
            Resolution first = resolveUncached(written.substring(0, dot), context, scope);
            if (first.outcome() == Outcome.CODEBASE || first.outcome() == Outcome.GUESSED) {
                String nested = first.name() + written.substring(dot);
                if (types.containsKey(nested)) {
                    return new Resolution(first.outcome(), nested);
                }
            }
            if (first.outcome() == Outcome.LIBRARY) {
                return new Resolution(Outcome.LIBRARY, first.name() + written.substring(dot));
            }
            return new Resolution(Outcome.LIBRARY, written);
        }
        for (IndexedType current = context; current != null; current = current.outer) {
            if (current.typeParameters.contains(written)) {
                return new Resolution(Outcome.TYPE_PARAMETER, written);
            }
            if (current.simpleName().equals(written)) {
                return new Resolution(Outcome.CODEBASE, current.name);
            }
            String member = memberType(current, written);
            if (member != null) {
                return new Resolution(Outcome.CODEBASE, member);
            }
        }
        String imported = scope.singleImports.get(written);
        if (imported != null) {
            return types.containsKey(imported) ? new Resolution(Outcome.CODEBASE, imported)
                    : new Resolution(Outcome.LIBRARY, imported);
        }
        String samePackage = scope.qualify(written);
        if (types.containsKey(samePackage)) {
            return new Resolution(Outcome.CODEBASE, samePackage);
        }
        if (libraries.contains(samePackage)) {
            return new Resolution(Outcome.LIBRARY, samePackage);
        }
        boolean foreignWildcard = false;
        for (String wildcard : scope.wildcardImports) {
            String candidate = wildcard + "." + written;
            if (types.containsKey(candidate)) {
                return new Resolution(Outcome.CODEBASE, candidate);
            }
            if (!isCodebasePackage(wildcard) && !types.containsKey(wildcard)) {
                if (isJdkClass(candidate) || libraries.contains(candidate)) {
                    return new Resolution(Outcome.LIBRARY, candidate);
                }
                foreignWildcard = true;
            }
        }
        if (isJdkClass("java.lang." + written)) {
            return new Resolution(Outcome.LIBRARY, "java.lang." + written);
        }
        List<String> candidates = bySimpleName.get(written);
        if (candidates != null) {
            return new Resolution(Outcome.GUESSED, nearest(candidates, scope.packageName));
        }
        return new Resolution(foreignWildcard ? Outcome.LIBRARY : Outcome.UNKNOWN, written);
    }

    private String memberType(IndexedType type, String simpleName) {
        String direct = type.name + "." + simpleName;
        if (types.containsKey(direct)) {
            return direct;
        }
        for (IndexedType ancestor : ancestors(type)) {
            String inherited = ancestor.name + "." + simpleName;
            if (types.containsKey(inherited)) {
                return inherited;
            }
        }
        return null;
    }

    private boolean isJdkClass(String name) {
        if (!name.startsWith("java.") && !name.startsWith("javax.")) {
            return false;
        }
        return jdkClasses.computeIfAbsent(name, n -> {
            try {
                Class.forName(n, false, ClassLoader.getPlatformClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    /** Of several types with one simple name, the one whose package shares the longest prefix with {@code packageName}. */
    private static String nearest(List<String> candidates, String packageName) {
        String best = candidates.get(0);
        int bestLength = -1;
        for (String candidate : candidates) {
            int common = 0;
            int max = Math.min(candidate.length(), packageName.length());
            while (common < max && candidate.charAt(common) == packageName.charAt(common)) {
                common++;
            }
            if (common > bestLength) {
                best = candidate;
                bestLength = common;
            }
        }
        return best;
    }

    /** The value of a compile-time string expression (literals, constants, concatenation), or null. */
    public String evaluateString(Expression expression, IndexedType context, Map<String, Expression> locals) {
        return constants.evaluateString(expression, context, locals);
    }

    /**
     * Like {@link #evaluateString}, but parts that are not constant (variables, calls) become {@code ?}, as SQL
     * built by concatenating values usually has a value there; null when no literal is involved at all.
     */
    public String evaluateTemplate(Expression expression, IndexedType context, Map<String, Expression> locals) {
        return constants.evaluateTemplate(expression, context, locals);
    }
}
