package dev.strangler.analyzer.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.strangler.analyzer.core.RiskKind;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The static fields of one type that hold state across requests: a static field that is not final, or a final one
 * holding a mutable container that the type's code changes; either counts as an in-memory cache when its name, the
 * type's name or a {@code computeIfAbsent} on it says so. Loggers and serial versions are left out.
 */
final class StaticStateRisks {
    private static final Set<String> MUTABLE_CONTAINERS = Set.of("HashMap", "ConcurrentHashMap", "LinkedHashMap",
            "TreeMap", "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "CopyOnWriteArrayList",
            "ConcurrentLinkedQueue", "ArrayDeque", "WeakHashMap", "Hashtable", "Vector", "Properties",
            "ConcurrentSkipListMap", "IdentityHashMap", "AtomicInteger", "AtomicLong", "AtomicReference", "StringBuilder");
    private static final Set<String> MUTATORS = Set.of("put", "putAll", "putIfAbsent", "computeIfAbsent", "compute",
            "merge", "add", "addAll", "remove", "clear", "set", "incrementAndGet", "getAndIncrement", "offer", "push",
            "append", "setProperty", "addAndGet", "getAndSet", "replace");

    /** Where a risk found goes. */
    @FunctionalInterface
    interface Found {
        void add(RiskKind kind, Node node, String detail);
    }

    private final IndexedType type;
    private final Found found;
    /** the names the type's calls change; worked out when a field first needs them */
    private Set<String> mutated;
    /** the calls anywhere in the type, nested types included; found when first needed */
    private List<MethodCallExpr> calls;

    StaticStateRisks(IndexedType type, Found found) {
        this.type = type;
        this.found = found;
    }

    /** The risks of one field of the type. */
    void field(FieldDeclaration field) {
        if (!field.isStatic() || type.isInterface) {
            return;
        }
        for (VariableDeclarator variable : field.getVariables()) {
            if (ignored(variable)) {
                continue;
            }
            String name = variable.getNameAsString();
            String typeName = RiskScanner.baseName(variable.getType().asString());
            boolean cacheLike = name.toLowerCase(Locale.ROOT).contains("cache")
                    || type.simpleName().toLowerCase(Locale.ROOT).contains("cache") && typeName.endsWith("Map")
                    || typeName.endsWith("Map") && mutated().contains(name) && usesComputeIfAbsent(name);
            if (!field.isFinal()) {
                found.add(cacheLike ? RiskKind.IN_MEMORY_CACHE : RiskKind.STATIC_MUTABLE_STATE, variable,
                        "static non-final field " + name + " of type " + variable.getType().asString());
            } else {
                String created = variable.getInitializer().filter(Expression::isObjectCreationExpr)
                        .map(e -> RiskScanner.baseName(e.asObjectCreationExpr().getType().getNameAsString()))
                        .orElse(typeName);
                if ((MUTABLE_CONTAINERS.contains(created) || MUTABLE_CONTAINERS.contains(typeName))
                        && mutated().contains(name)) {
                    found.add(cacheLike ? RiskKind.IN_MEMORY_CACHE : RiskKind.STATIC_MUTABLE_STATE, variable,
                            "static " + created + " field " + name + " is modified at run time");
                }
            }
        }
    }

    private static boolean ignored(VariableDeclarator variable) {
        String typeName = RiskScanner.baseName(variable.getType().asString());
        return typeName.equals("Logger") || typeName.equals("Log") || variable.getNameAsString().equals("serialVersionUID");
    }

    /** The names the type's calls change; only looked for when a static field may be one (most types have none). */
    private Set<String> mutated() {
        if (mutated == null) {
            mutated = hasStaticState() ? mutatedNames() : Set.of();
        }
        return mutated;
    }

    /** Whether {@link #field} will look at any field: a static one that is not a logger or a serial version. */
    private boolean hasStaticState() {
        if (type.isInterface) {
            return false;
        }
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (member instanceof FieldDeclaration field && field.isStatic()) {
                for (VariableDeclarator variable : field.getVariables()) {
                    if (!ignored(variable)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Set<String> mutatedNames() {
        Set<String> names = new HashSet<>();
        for (MethodCallExpr call : calls()) {
            if (MUTATORS.contains(call.getNameAsString()) && call.getScope().isPresent()) {
                Expression scope = call.getScope().get();
                if (scope instanceof NameExpr name) {
                    names.add(name.getNameAsString());
                } else if (scope.isFieldAccessExpr()) {
                    names.add(scope.asFieldAccessExpr().getNameAsString());
                }
            }
        }
        return names;
    }

    private boolean usesComputeIfAbsent(String field) {
        return calls().stream().anyMatch(call ->
                (call.getNameAsString().equals("computeIfAbsent") || call.getNameAsString().equals("putIfAbsent"))
                        && call.getScope().filter(s -> Annotations.lastName(s).equals(field)).isPresent());
    }

    private List<MethodCallExpr> calls() {
        if (calls == null) {
            calls = Trees.findAll(type.declaration, MethodCallExpr.class);
        }
        return calls;
    }
}
