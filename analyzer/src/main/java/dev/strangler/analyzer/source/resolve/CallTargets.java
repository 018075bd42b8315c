package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settles a call once its receiver's type is known, or guesses it from names when it is not: which codebase type
 * owns the method, what the call returns (with the receiver's generic arguments bound), and which implementations an
 * abstract owner's call may reach. For calls from one declared type.
 */
final class CallTargets {
    /** Method names too common in the JDK to guess a codebase receiver from the name alone. */
    private static final Set<String> COMMON_METHODS = Set.of("get", "set", "add", "put", "remove", "size", "isEmpty",
            "contains", "equals", "hashCode", "toString", "of", "stream", "map", "filter", "forEach", "collect",
            "apply", "accept", "run", "call", "close", "append", "length", "format", "valueOf", "getName", "getId",
            "name", "build", "builder", "execute", "update", "query", "find", "save", "delete", "create", "list",
            "next", "hasNext", "iterator", "clear", "test", "compareTo", "values", "keySet", "entrySet", "getValue",
            "getKey", "orElse", "orElseThrow", "ifPresent", "isPresent", "join", "split", "trim", "substring");
    private static final int MAX_IMPLEMENTATIONS = 16;

    private final TypeIndex index;
    private final IndexedType type;

    CallTargets(TypeIndex index, IndexedType type) {
        this.index = index;
        this.type = type;
    }

    /** A call of {@code name} on a receiver whose type is the codebase's {@code receiverType}. */
    CallTarget onCodebaseType(IndexedType receiverType, JType receiver, String name) {
        TypeIndex.MethodOwner owner = index.findMethod(receiverType, name);
        if (owner == null) {
            JType result = inheritedResult(receiverType, name);
            return new CallTarget(receiverType.name, result != null ? result : accessorResult(receiverType, receiver, name),
                    TypeIndex.Outcome.CODEBASE, implementations(receiverType, name));
        }
        return found(owner, receiver, TypeIndex.Outcome.CODEBASE);
    }

    /** The call of a method found declared on {@code owner}, made on {@code receiver}. */
    CallTarget found(TypeIndex.MethodOwner owner, JType receiver, TypeIndex.Outcome outcome) {
        MethodDeclaration method = owner.method();
        Map<String, JType> bindings = bindings(owner.type(), receiver);
        JType result = index.toJType(method.getType(), owner.type(), owner.type().scope,
                IndexedType.typeParameterNames(method.getTypeParameters()), bindings);
        return new CallTarget(owner.type().name, result, outcome, implementations(owner.type(), method.getNameAsString()));
    }

    /**
     * A call whose receiver's type is unknown: the codebase type its receiver's name suggests ({@code orderService}:
     * {@code OrderService}) or the sole declarer of a distinctive method name; else unknown.
     */
    CallTarget guess(Expression scope, String method) {
        String guessed = null;
        if (scope instanceof NameExpr name) {
            String identifier = name.getNameAsString();
            String capitalised = Character.toUpperCase(identifier.charAt(0)) + identifier.substring(1);
            guessed = index.guessBySimpleName(capitalised, type.scope.packageName);
        }
        if (guessed == null && !COMMON_METHODS.contains(method) && !method.startsWith("get")
                && !method.startsWith("set") && !method.startsWith("is")) {
            guessed = index.soleDeclarer(method);
        }
        if (guessed == null) {
            return CallTarget.UNKNOWN;
        }
        IndexedType guessedType = index.get(guessed);
        TypeIndex.MethodOwner owner = guessedType == null ? null : index.findMethod(guessedType, method);
        return owner == null ? new CallTarget(guessed, null, TypeIndex.Outcome.GUESSED, List.of())
                : found(owner, JType.codebase(guessed), TypeIndex.Outcome.GUESSED);
    }

    private List<String> implementations(IndexedType owner, String method) {
        if (!owner.isAbstract()) {
            return List.of();
        }
        return index.allSubtypes(owner.name, MAX_IMPLEMENTATIONS * 4).stream()
                .filter(sub -> index.get(sub) != null && index.get(sub).declaresMethod(method))
                .limit(MAX_IMPLEMENTATIONS).toList();
    }

    /** Type variables of {@code owner} bound from the receiver's written generic arguments, where known. */
    Map<String, JType> bindings(IndexedType owner, JType receiver) {
        if (owner.typeParameterOrder.isEmpty()) {
            return Map.of();
        }
        JType view = owner.name.equals(receiver.name()) ? receiver : supertypeAs(receiver, owner);
        if (view == null || view.arguments().isEmpty()) {
            return Map.of();
        }
        Map<String, JType> bindings = new HashMap<>();
        for (int i = 0; i < owner.typeParameterOrder.size() && i < view.arguments().size(); i++) {
            bindings.put(owner.typeParameterOrder.get(i), view.arguments().get(i));
        }
        return bindings;
    }

    /** The receiver's type seen as its supertype {@code owner}, as one of them writes it; null where none does. */
    private JType supertypeAs(JType receiver, IndexedType owner) {
        IndexedType receiverType = index.get(receiver.name());
        if (receiverType == null) {
            return null;
        }
        List<IndexedType> chain = new ArrayList<>();
        chain.add(receiverType);
        chain.addAll(index.ancestors(receiverType));
        for (IndexedType current : chain) {
            for (JType supertype : index.supertypes(current)) {
                if (supertype.name().equals(owner.name)) {
                    return supertype;
                }
            }
        }
        return null;
    }

    /** Results of methods a codebase type inherits from a library, known for Spring Data repositories. */
    private JType inheritedResult(IndexedType receiverType, String name) {
        JType entity = index.repositoryEntity(receiverType);
        if (entity == null) {
            return null;
        }
        if (name.equals("findById") || name.equals("findOne")) {
            return JType.library("java.util.Optional", List.of(entity));
        }
        if (name.startsWith("findAll") || name.equals("saveAll") || name.equals("saveAllAndFlush")) {
            return JType.library("java.util.List", List.of(entity));
        }
        if (name.startsWith("save") || name.equals("getById") || name.equals("getReferenceById") || name.equals("getOne")) {
            return entity;
        }
        return null;
    }

    /**
     * The type of the field an undeclared accessor reads: a record component ({@code name()}), or a getter that
     * Lombok or another generator writes ({@code getName()}, {@code isActive()}).
     */
    private JType accessorResult(IndexedType receiverType, JType receiver, String name) {
        String property = name;
        if (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))) {
            property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
        } else if (name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2))) {
            property = Character.toLowerCase(name.charAt(2)) + name.substring(3);
        }
        TypeIndex.FieldOwner field = index.findField(receiverType, property);
        return field == null ? null : index.toJType(field.fieldType(), field.type(), field.type().scope, Set.of(),
                bindings(field.type(), receiver));
    }
}
