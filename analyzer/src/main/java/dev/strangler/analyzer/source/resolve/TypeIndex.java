package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An index of every type declared in the tree, answering what a name written in some place refers to, which
 * method a name on a type means (walking supertypes) and what a constant's value is.
 * Built single-threaded, then read from several threads: its caches are concurrent.
 *
 * <p>The index keeps the types and each type's resolved names; {@link TypeNames} applies the rules of resolution,
 * {@link TypeHierarchy} walks supertypes and subtypes, {@link Constants} evaluates constants and
 * {@link SpringDataRepositories} knows what a repository serves.
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

    /** by name for the lookups (hashing a name is much cheaper than comparing it with the ~log n sharing its prefix) */
    private final Map<String, IndexedType> types = new HashMap<>();
    /** the same, in name order, for {@link #all()} */
    private final Map<String, IndexedType> sorted = new TreeMap<>();
    private final Map<String, List<String>> bySimpleName = new HashMap<>();
    private final Set<String> packages = new HashSet<>();

    private final Map<String, List<String>> methodDeclarers = new HashMap<>();

    private final TypeNames names;
    private final TypeHierarchy hierarchy = new TypeHierarchy(this);
    private final Constants constants = new Constants(this);
    private final SpringDataRepositories repositories = new SpringDataRepositories(this);

    /** @param libraries the classes of the jars and folders given with {@code --classpath} */
    public TypeIndex(LibraryIndex libraries) {
        this.names = new TypeNames(this, Objects.requireNonNull(libraries, "libraries"));
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
        hierarchy.link(sorted.values());
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
        return hierarchy.directSubtypes(name);
    }

    /** All codebase subtypes, transitively, at most {@code limit}, in a stable order. */
    public List<String> allSubtypes(String name, int limit) {
        return hierarchy.allSubtypes(name, limit);
    }

    /** The type's supertypes as written, resolved from its outer scope; itself left out. Worked out once. */
    public List<JType> supertypes(IndexedType type) {
        return hierarchy.supertypes(type);
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
        return hierarchy.ancestors(type);
    }

    /** Simple and qualified names of all supertypes, codebase or library, transitively; unmodifiable, worked out once. */
    public Set<String> supertypeNames(IndexedType type) {
        return hierarchy.supertypeNames(type);
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
        return names.toJType(type, context, scope, methodTypeParameters, bindings);
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
                cached = names.resolve(written, context, scope);
                context.nameCache.put(written, cached);
            }
            return cached;
        }
        return names.resolve(written, null, scope);
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
