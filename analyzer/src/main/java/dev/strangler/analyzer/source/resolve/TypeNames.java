package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a type name written somewhere means, by Java's rules as far as the {@link TypeIndex} and the classpath tell
 * them: type parameters, the enclosing types and their inherited member types, single imports, the same package,
 * wildcard imports, {@code java.lang}; failing those, a codebase type of that simple name, guessed. Uncached: the
 * index keeps each type's answers. Thread-safe once the index is linked.
 */
final class TypeNames {
    private final TypeIndex index;
    private final LibraryIndex libraries;
    private final Map<String, Boolean> jdkClasses = new ConcurrentHashMap<>();

    TypeNames(TypeIndex index, LibraryIndex libraries) {
        this.index = index;
        this.libraries = libraries;
    }

    /** A written type as a {@link JType} seen from {@code context}; null for primitives, void and type variables. */
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
        TypeIndex.Resolution resolution = index.resolve(written, context, scope, methodTypeParameters);
        if (resolution.outcome() == TypeIndex.Outcome.TYPE_PARAMETER) {
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

    /** A name written inside {@code context} (null at file level) in {@code scope}, method type parameters aside. */
    TypeIndex.Resolution resolve(String written, IndexedType context, FileScope scope) {
        int dot = written.indexOf('.');
        if (dot > 0) {
            return resolveQualified(written, dot, context, scope);
        }
        for (IndexedType current = context; current != null; current = current.outer) {
            if (current.typeParameters.contains(written)) {
                return resolution(TypeIndex.Outcome.TYPE_PARAMETER, written);
            }
            if (current.simpleName().equals(written)) {
                return resolution(TypeIndex.Outcome.CODEBASE, current.name);
            }
            String member = memberType(current, written);
            if (member != null) {
                return resolution(TypeIndex.Outcome.CODEBASE, member);
            }
        }
        String imported = scope.singleImports.get(written);
        if (imported != null) {
            return resolution(isCodebase(imported) ? TypeIndex.Outcome.CODEBASE : TypeIndex.Outcome.LIBRARY, imported);
        }
        String samePackage = scope.qualify(written);
        if (isCodebase(samePackage)) {
            return resolution(TypeIndex.Outcome.CODEBASE, samePackage);
        }
        if (libraries.contains(samePackage)) {
            return resolution(TypeIndex.Outcome.LIBRARY, samePackage);
        }
        boolean foreignWildcard = false;
        for (String wildcard : scope.wildcardImports) {
            String candidate = wildcard + "." + written;
            if (isCodebase(candidate)) {
                return resolution(TypeIndex.Outcome.CODEBASE, candidate);
            }
            if (!index.isCodebasePackage(wildcard) && !isCodebase(wildcard)) {
                if (isJdkClass(candidate) || libraries.contains(candidate)) {
                    return resolution(TypeIndex.Outcome.LIBRARY, candidate);
                }
                foreignWildcard = true;
            }
        }
        if (isJdkClass("java.lang." + written)) {
            return resolution(TypeIndex.Outcome.LIBRARY, "java.lang." + written);
        }
        String guessed = index.guessBySimpleName(written, scope.packageName);
        if (guessed != null) {
            return resolution(TypeIndex.Outcome.GUESSED, guessed);
        }
        return resolution(foreignWildcard ? TypeIndex.Outcome.LIBRARY : TypeIndex.Outcome.UNKNOWN, written);
    }

    /** {@code a.b.C}, {@code Outer.Inner} or {@code Imported.Inner}: whole, else by its first segment. */
    private TypeIndex.Resolution resolveQualified(String written, int dot, IndexedType context, FileScope scope) {
        if (isCodebase(written)) {
            return resolution(TypeIndex.Outcome.CODEBASE, written);
        }
        TypeIndex.Resolution first = resolve(written.substring(0, dot), context, scope);
        if (first.outcome() == TypeIndex.Outcome.CODEBASE || first.outcome() == TypeIndex.Outcome.GUESSED) {
            String nested = first.name() + written.substring(dot);
            if (isCodebase(nested)) {
                return resolution(first.outcome(), nested);
            }
        }
        if (first.outcome() == TypeIndex.Outcome.LIBRARY) {
            return resolution(TypeIndex.Outcome.LIBRARY, first.name() + written.substring(dot));
        }
        return resolution(TypeIndex.Outcome.LIBRARY, written);
    }

    /** A member type of {@code type} or of one of its codebase supertypes. */
    private String memberType(IndexedType type, String simpleName) {
        String direct = type.name + "." + simpleName;
        if (isCodebase(direct)) {
            return direct;
        }
        for (IndexedType ancestor : index.ancestors(type)) {
            String inherited = ancestor.name + "." + simpleName;
            if (isCodebase(inherited)) {
                return inherited;
            }
        }
        return null;
    }

    private boolean isCodebase(String name) {
        return index.get(name) != null;
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

    private static TypeIndex.Resolution resolution(TypeIndex.Outcome outcome, String name) {
        return new TypeIndex.Resolution(outcome, name);
    }
}
