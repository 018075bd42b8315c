package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The types of expressions inside one member's body, as far as the index and the locals declared so far tell them,
 * and where each call goes. Each expression is typed once; a call's target is settled once.
 */
final class ExpressionTypes {
    private final TypeIndex index;
    private final IndexedType type;
    private final Set<String> typeParameters;
    private final CallTargets targets;
    private final Map<String, JType> locals = new HashMap<>();
    private final Map<Expression, JType> types = new IdentityHashMap<>();
    private final Map<MethodCallExpr, CallTarget> calls = new IdentityHashMap<>();

    ExpressionTypes(TypeIndex index, IndexedType type, Set<String> typeParameters) {
        this.index = index;
        this.type = type;
        this.typeParameters = typeParameters;
        this.targets = new CallTargets(index, type);
    }

    /** A local variable in scope from here on, of the given type, or of none known (null), hiding an outer one. */
    void declare(String name, JType declared) {
        if (declared != null) {
            locals.put(name, declared);
        } else {
            locals.remove(name);
        }
    }

    /** A parameter or pattern variable in scope from here on, where its type is known. */
    void declareIfKnown(String name, JType declared) {
        if (declared != null) {
            locals.put(name, declared);
        }
    }

    boolean isLocal(String name) {
        return locals.containsKey(name);
    }

    /** A type written in the body, resolved; null when it is not a type the index can name. */
    JType written(Type written) {
        return index.toJType(written, type, type.scope, typeParameters);
    }

    JType typeOf(Expression expression) {
        if (types.containsKey(expression)) {
            return types.get(expression);
        }
        types.put(expression, null); // guards against cycles through odd code
        JType result = typeOfUncached(expression);
        types.put(expression, result);
        return result;
    }

    private JType typeOfUncached(Expression expression) {
        if (expression instanceof NameExpr name) {
            String identifier = name.getNameAsString();
            JType local = locals.get(identifier);
            return local != null ? local : fieldType(identifier);
        }
        if (expression instanceof ThisExpr thisExpr) {
            return thisExpr.getTypeName().map(n -> typeNamed(n.asString())).orElse(JType.codebase(type.name));
        }
        if (expression instanceof FieldAccessExpr access) {
            return fieldAccessType(access);
        }
        if (expression instanceof MethodCallExpr call) {
            return resolveCall(call).result();
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return written(creation.getType());
        }
        if (expression instanceof CastExpr cast) {
            return written(cast.getType());
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return typeOf(enclosed.getInner());
        }
        if (expression instanceof ConditionalExpr conditional) {
            JType then = typeOf(conditional.getThenExpr());
            return then != null ? then : typeOf(conditional.getElseExpr());
        }
        if (expression instanceof AssignExpr assign) {
            return typeOf(assign.getTarget());
        }
        if (expression instanceof ArrayAccessExpr access) {
            JType array = typeOf(access.getName());
            return array == null ? null : array.component();
        }
        if (expression instanceof ArrayCreationExpr creation) {
            JType element = written(creation.getElementType());
            return element == null ? null : new JType(element.name(), element.codebase(), element.arguments(),
                    creation.getLevels().size());
        }
        if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr) {
            return JType.library("java.lang.String");
        }
        return null;
    }

    private JType fieldAccessType(FieldAccessExpr access) {
        JType owner = staticTypeOrTypeOf(access.getScope());
        if (owner == null || !owner.codebase() || owner.arrayDimensions() > 0) {
            return null;
        }
        IndexedType ownerType = index.get(owner.name());
        TypeIndex.FieldOwner field = ownerType == null ? null : index.findField(ownerType, access.getNameAsString());
        return field == null ? null : index.toJType(field.fieldType(), field.type(), field.type().scope,
                Set.of(), targets.bindings(field.type(), owner));
    }

    /** The declared type of a field visible here by simple name: own, inherited or of an enclosing type. */
    private JType fieldType(String name) {
        for (IndexedType current = type; current != null; current = current.outer) {
            TypeIndex.FieldOwner field = index.findField(current, name);
            if (field != null) {
                return index.toJType(field.fieldType(), field.type(), field.type().scope, Set.of());
            }
        }
        String owner = type.scope.staticImports.get(name);
        IndexedType ownerType = owner == null ? null : index.get(owner);
        TypeIndex.FieldOwner field = ownerType == null ? null : index.findField(ownerType, name);
        return field == null ? null : index.toJType(field.fieldType(), field.type(), field.type().scope, Set.of());
    }

    JType staticTypeOrTypeOf(Expression scope) {
        JType staticType = staticType(scope);
        return staticType != null ? staticType : typeOf(scope);
    }

    /** The type an expression names when it is a type name used for static access, else null. */
    private JType staticType(Expression scope) {
        if (scope instanceof NameExpr name) {
            String identifier = name.getNameAsString();
            if (!isTypeLike(identifier) || locals.containsKey(identifier) || fieldType(identifier) != null) {
                return null;
            }
            return typeNamed(identifier);
        }
        if (scope instanceof FieldAccessExpr access && isQualifiedName(access)) {
            String last = access.getNameAsString();
            if (!isTypeLike(last)) {
                return null;
            }
            Expression first = access;
            while (first instanceof FieldAccessExpr inner) {
                first = inner.getScope();
            }
            String head = ((NameExpr) first).getNameAsString();
            if (locals.containsKey(head) || fieldType(head) != null) {
                return null;
            }
            return typeNamed(Annotations.dottedName(access));
        }
        if (scope instanceof TypeExpr typeExpr) {
            return written(typeExpr.getType());
        }
        return null;
    }

    private JType typeNamed(String written) {
        TypeIndex.Resolution resolution = index.resolve(written, type, type.scope, typeParameters);
        return switch (resolution.outcome()) {
            case CODEBASE -> JType.codebase(resolution.name());
            case LIBRARY -> JType.library(resolution.name());
            default -> null;
        };
    }

    CallTarget resolveCall(MethodCallExpr call) {
        CallTarget cached = calls.get(call);
        if (cached == null) {
            cached = resolveCallUncached(call);
            calls.put(call, cached);
        }
        return cached;
    }

    private CallTarget resolveCallUncached(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            return unqualified(name);
        }
        Expression scope = call.getScope().get();
        JType receiver;
        if (scope instanceof SuperExpr) {
            receiver = index.supertypes(type).stream().filter(JType::codebase).findFirst().orElse(null);
            if (receiver == null) {
                return CallTarget.LIBRARY;
            }
        } else {
            receiver = staticTypeOrTypeOf(scope);
        }
        if (receiver == null) {
            if (scope instanceof MethodCallExpr inner && !resolveCall(inner).reachesCodebase()) {
                // a chain through a library call (or one already counted as unresolved): a guess if the name
                // is distinctive, else a library call, not a second unresolved reference
                CallTarget guessed = targets.guess(scope, name);
                return guessed.outcome() == TypeIndex.Outcome.UNKNOWN ? CallTarget.LIBRARY : guessed;
            }
            return targets.guess(scope, name);
        }
        if (receiver.arrayDimensions() > 0) {
            return CallTarget.LIBRARY;
        }
        if (!receiver.codebase()) {
            return CallTarget.library(LibraryResults.of(receiver, name));
        }
        IndexedType receiverType = index.get(receiver.name());
        return receiverType == null ? CallTarget.LIBRARY : targets.onCodebaseType(receiverType, receiver, name);
    }

    /** A call without a receiver: declared by this type, an enclosing one or their supertypes, or imported. */
    private CallTarget unqualified(String name) {
        for (IndexedType current = type; current != null; current = current.outer) {
            TypeIndex.MethodOwner owner = index.findMethod(current, name);
            if (owner != null) {
                return targets.found(owner, JType.codebase(current.name), TypeIndex.Outcome.CODEBASE);
            }
        }
        String imported = type.scope.staticImports.get(name);
        IndexedType importedType = imported == null ? null : index.get(imported);
        if (importedType != null) {
            TypeIndex.MethodOwner owner = index.findMethod(importedType, name);
            if (owner != null) {
                return targets.found(owner, JType.codebase(importedType.name), TypeIndex.Outcome.CODEBASE);
            }
        }
        // an unqualified call not declared in the tree is inherited from a library type or statically imported
        return CallTarget.LIBRARY;
    }

    /** {@code var}: the raw grammar leaves it as a class type named var, the versioned levels as a VarType. */
    static boolean isVar(Type type) {
        return type.isVarType() || type instanceof ClassOrInterfaceType classType && classType.getScope().isEmpty()
                && classType.getTypeArguments().isEmpty() && classType.getNameAsString().equals("var");
    }

    private static boolean isTypeLike(String identifier) {
        return !identifier.isEmpty() && Character.isUpperCase(identifier.charAt(0));
    }

    private static boolean isQualifiedName(FieldAccessExpr access) {
        Expression current = access;
        while (current instanceof FieldAccessExpr inner) {
            current = inner.getScope();
        }
        return current instanceof NameExpr;
    }
}
