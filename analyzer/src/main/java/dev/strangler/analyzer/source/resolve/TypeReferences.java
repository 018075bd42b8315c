package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;

import java.util.List;
import java.util.Set;

/**
 * Records the types one declared type names (in its signatures, annotations and bodies) as dependencies of that type
 * and, inside a member, as references of that member; counts each name as resolved, guessed or unresolved.
 */
final class TypeReferences {
    private final TypeIndex index;
    private final IndexedType type;
    private final Facts facts;
    private final String path;

    TypeReferences(TypeIndex index, IndexedType type, Facts facts) {
        this.index = index;
        this.type = type;
        this.facts = facts;
        this.path = type.scope.path;
    }

    /** The codebase annotations among {@code annotations}; {@code tally} is null outside a member. */
    void annotations(List<AnnotationExpr> annotations, Facts.MethodTally tally) {
        for (AnnotationExpr annotation : annotations) {
            TypeIndex.Resolution resolution = index.resolve(annotation.getNameAsString(), type, type.scope, Set.of());
            if (resolution.isCodebase()) {
                record(resolution, DependencyKind.ANNOTATION, Trees.line(annotation), tally);
            }
        }
    }

    /** Every class type written inside {@code node} (generic arguments included). */
    void typesIn(Node node, DependencyKind kind, Facts.MethodTally tally, Set<String> typeParameters) {
        if (node instanceof ClassOrInterfaceType classType) {
            type(classType, kind, tally, type, typeParameters);
        }
        for (ClassOrInterfaceType classType : Trees.findAll(node, ClassOrInterfaceType.class)) {
            if (classType != node && !isScopeOfAnother(classType)) {
                type(classType, kind, tally, type, typeParameters);
            }
        }
    }

    /**
     * One written class type, its name resolved as seen from {@code context} (a supertype's from the enclosing type);
     * a supertype's generic arguments are signature references.
     */
    void type(ClassOrInterfaceType written, DependencyKind kind, Facts.MethodTally tally, IndexedType context,
              Set<String> typeParameters) {
        if (written == null) {
            return;
        }
        TypeIndex.Resolution resolution = index.resolve(written.getNameWithScope(), context, type.scope, typeParameters);
        record(resolution, kind, Trees.line(written), tally);
        if (kind == DependencyKind.INHERITANCE) {
            written.getTypeArguments().ifPresent(args -> args.forEach(
                    arg -> typesIn(arg, DependencyKind.SIGNATURE, tally, typeParameters)));
        }
    }

    void record(TypeIndex.Resolution resolution, DependencyKind kind, int line, Facts.MethodTally tally) {
        switch (resolution.outcome()) {
            case CODEBASE, GUESSED -> {
                boolean guessed = count(resolution.outcome());
                facts.depend(type.name, resolution.name(), kind, guessed, new SourceLocation(path, line));
                if (tally != null && !resolution.name().equals(type.name)) {
                    tally.references.add(ClassName.of(resolution.name()));
                }
            }
            case UNKNOWN -> facts.unresolved++;
            default -> {
            }
        }
    }

    /** Counts a codebase name as resolved or guessed; true when guessed. */
    boolean count(TypeIndex.Outcome outcome) {
        boolean guessed = outcome == TypeIndex.Outcome.GUESSED;
        if (guessed) {
            facts.guessed++;
        } else {
            facts.resolved++;
        }
        return guessed;
    }

    /** {@code A} in {@code A.B}: the scope of another written type, not a reference of its own. */
    static boolean isScopeOfAnother(ClassOrInterfaceType classType) {
        return classType.getParentNode().filter(parent -> parent instanceof ClassOrInterfaceType outer
                && outer.getScope().filter(scope -> scope == classType).isPresent()).isPresent();
    }
}
