package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.source.facts.Facts;

import java.util.Set;

/**
 * Reads one declared type's members and bodies into dependencies and per-method calls, resolving names and
 * call receivers through the {@link TypeIndex}. One instance per type and thread.
 *
 * <p>The type's supertypes, annotations and member signatures are read here ({@link TypeReferences}); each member's
 * body by a {@link BodyScanner}, which types its expressions ({@link ExpressionTypes}) to settle where each call goes
 * ({@link CallTargets}).
 */
public final class TypeScanner {
    private static final Set<String> JPA_ASSOCIATIONS = Set.of("ManyToOne", "OneToMany", "OneToOne", "ManyToMany",
            "ElementCollection", "Embedded", "EmbeddedId");

    private final TypeIndex index;
    private final IndexedType type;
    private final Facts facts;
    private final TypeReferences references;

    public TypeScanner(TypeIndex index, IndexedType type, Facts facts) {
        this.index = index;
        this.type = type;
        this.facts = facts;
        this.references = new TypeReferences(index, type, facts);
    }

    public void scan() {
        for (ClassOrInterfaceType supertype : type.writtenSupertypes) {
            references.type(supertype, DependencyKind.INHERITANCE, null, type.outer, Set.of());
        }
        references.annotations(type.declaration.getAnnotations(), null);
        if (type.declaration instanceof RecordDeclaration record) {
            Facts.MethodTally tally = body("<init>", record, Set.of()).tally();
            for (Parameter component : record.getParameters()) {
                references.typesIn(component.getType(), DependencyKind.FIELD, tally, Set.of());
                references.annotations(component.getAnnotations(), tally);
            }
        }
        if (type.declaration instanceof EnumDeclaration enumeration) {
            enumeration.getEntries().forEach(entry -> body("<clinit>", entry, Set.of()).walk(entry));
        }
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (member instanceof TypeDeclaration<?>) {
                continue;
            }
            if (member instanceof FieldDeclaration field) {
                scanField(field);
            } else if (member instanceof CallableDeclaration<?> callable) {
                scanCallable(callable);
            } else if (member instanceof InitializerDeclaration initializer) {
                body(initializer.isStatic() ? "<clinit>" : "<init>", initializer, Set.of()).walk(initializer.getBody());
            }
        }
    }

    private BodyScanner body(String member, Node declaration, Set<String> typeParameters) {
        return new BodyScanner(index, type, facts, member, declaration, typeParameters);
    }

    private void scanField(FieldDeclaration field) {
        BodyScanner body = body(field.isStatic() ? "<clinit>" : "<init>", field, Set.of());
        references.annotations(field.getAnnotations(), body.tally());
        boolean association = Annotations.hasAny(field, JPA_ASSOCIATIONS);
        for (VariableDeclarator variable : field.getVariables()) {
            references.typesIn(variable.getType(), association ? DependencyKind.ASSOCIATION : DependencyKind.FIELD,
                    null, Set.of());
            variable.getInitializer().ifPresent(body::walk);
        }
    }

    private void scanCallable(CallableDeclaration<?> callable) {
        String name = callable instanceof ConstructorDeclaration ? "<init>" : callable.getNameAsString();
        Set<String> typeParameters = IndexedType.typeParameterNames(callable.getTypeParameters());
        BodyScanner body = body(name, callable, typeParameters);
        Facts.MethodTally tally = body.tally();
        references.annotations(callable.getAnnotations(), tally);
        for (Parameter parameter : callable.getParameters()) {
            references.annotations(parameter.getAnnotations(), tally);
            references.typesIn(parameter.getType(), DependencyKind.SIGNATURE, tally, typeParameters);
            JType parameterType = body.types().written(parameter.getType());
            body.types().declareIfKnown(parameter.getNameAsString(), parameterType == null || !parameter.isVarArgs()
                    ? parameterType : new JType(parameterType.name(), parameterType.codebase(),
                    parameterType.arguments(), parameterType.arrayDimensions() + 1));
        }
        callable.getThrownExceptions().forEach(
                thrown -> references.typesIn(thrown, DependencyKind.SIGNATURE, tally, typeParameters));
        if (callable instanceof MethodDeclaration method) {
            references.typesIn(method.getType(), DependencyKind.SIGNATURE, tally, typeParameters);
            method.getBody().ifPresent(body::walk);
        } else if (callable instanceof ConstructorDeclaration constructor) {
            body.walk(constructor.getBody());
        }
    }
}
