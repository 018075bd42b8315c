package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.UnknownType;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;

import java.util.Set;

/**
 * One member's body (a method's, a constructor's, an initializer's or a field's initial value) walked in order: the
 * types it names, the objects it creates, and the calls, method references and static accesses it makes, as
 * dependencies of its type and as the member's calls and references.
 */
final class BodyScanner {
    private final TypeIndex index;
    private final IndexedType type;
    private final Facts facts;
    private final TypeReferences references;
    private final Set<String> typeParameters;
    private final ExpressionTypes types;
    private final Facts.MethodTally tally;

    BodyScanner(TypeIndex index, IndexedType type, Facts facts, String member, Node declaration,
                Set<String> typeParameters) {
        this.index = index;
        this.type = type;
        this.facts = facts;
        this.references = new TypeReferences(index, type, facts);
        this.typeParameters = typeParameters;
        this.types = new ExpressionTypes(index, type, typeParameters);
        this.tally = facts.method(new MethodId(ClassName.of(type.name), member),
                new SourceLocation(type.scope.path, Trees.line(declaration)));
    }

    Facts.MethodTally tally() {
        return tally;
    }

    ExpressionTypes types() {
        return types;
    }

    void walk(Node node) {
        Trees.walk(node, this::visit);
    }

    private void visit(Node node) {
        if (node instanceof MethodCallExpr call) {
            visitCall(call);
        } else if (node instanceof ClassOrInterfaceType classType) {
            if (!TypeReferences.isScopeOfAnother(classType) && !ExpressionTypes.isVar(classType)
                    && !(classType.getParentNode().orElse(null) instanceof ObjectCreationExpr)) {
                references.type(classType, DependencyKind.LOCAL, tally, type, typeParameters);
            }
        } else if (node instanceof VariableDeclarator variable) {
            declare(variable);
        } else if (node instanceof Parameter parameter) {
            if (!(parameter.getType() instanceof UnknownType) && !ExpressionTypes.isVar(parameter.getType())) {
                types.declareIfKnown(parameter.getNameAsString(), types.written(parameter.getType()));
            }
        } else if (node instanceof TypePatternExpr pattern) {
            types.declareIfKnown(pattern.getNameAsString(), types.written(pattern.getType()));
        } else if (node instanceof LambdaExpr lambda) {
            inferLambdaParameters(lambda);
        } else if (node instanceof ObjectCreationExpr creation) {
            visitCreation(creation);
        } else if (node instanceof MethodReferenceExpr reference) {
            visitMethodReference(reference);
        } else if (node instanceof FieldAccessExpr access) {
            visitFieldAccess(access);
        } else if (node instanceof NameExpr name) {
            visitName(name);
        }
    }

    private void declare(VariableDeclarator variable) {
        Node parent = variable.getParentNode().flatMap(Node::getParentNode).orElse(null);
        JType declared;
        if (ExpressionTypes.isVar(variable.getType())) {
            if (parent instanceof ForEachStmt loop) {
                declared = LibraryResults.elementType(types.typeOf(loop.getIterable()));
            } else {
                declared = variable.getInitializer().map(types::typeOf).orElse(null);
            }
        } else {
            declared = types.written(variable.getType());
        }
        types.declare(variable.getNameAsString(), declared);
    }

    private void inferLambdaParameters(LambdaExpr lambda) {
        if (!(lambda.getParentNode().orElse(null) instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
            return;
        }
        JType receiver = types.typeOf(call.getScope().get());
        JType element = receiver == null ? null : LibraryResults.elementType(receiver);
        for (Parameter parameter : lambda.getParameters()) {
            if (parameter.getType() instanceof UnknownType) {
                types.declareIfKnown(parameter.getNameAsString(), element);
            }
        }
    }

    private void visitCreation(ObjectCreationExpr creation) {
        JType created = types.written(creation.getType());
        TypeIndex.Resolution resolution = index.resolve(creation.getType().getNameWithScope(), type,
                type.scope, typeParameters);
        references.record(resolution, DependencyKind.INSTANTIATION, Trees.line(creation), tally);
        if (created != null && created.codebase()) {
            tally.calls.add(new MethodId(ClassName.of(created.name()), "<init>"));
        }
    }

    private void visitCall(MethodCallExpr call) {
        CallTarget target = types.resolveCall(call);
        if (target.reachesCodebase()) {
            boolean guessed = references.count(target.outcome());
            tally.calls.add(new MethodId(ClassName.of(target.owner()), call.getNameAsString()));
            for (String implementation : target.implementations()) {
                tally.calls.add(new MethodId(ClassName.of(implementation), call.getNameAsString()));
            }
            facts.depend(type.name, target.owner(), DependencyKind.CALL, guessed,
                    new SourceLocation(type.scope.path, Trees.line(call)));
        } else if (target.outcome() == TypeIndex.Outcome.UNKNOWN) {
            facts.unresolved++;
        }
    }

    private void visitMethodReference(MethodReferenceExpr reference) {
        Expression scope = reference.getScope();
        JType receiver = scope instanceof TypeExpr typeExpr ? types.written(typeExpr.getType())
                : types.staticTypeOrTypeOf(scope);
        if (receiver == null || !receiver.codebase() || receiver.arrayDimensions() > 0) {
            return;
        }
        String method = reference.getIdentifier().equals("new") ? "<init>" : reference.getIdentifier();
        IndexedType receiverType = index.get(receiver.name());
        TypeIndex.MethodOwner owner = receiverType == null ? null : index.findMethod(receiverType, method);
        String ownerName = owner == null ? receiver.name() : owner.type().name;
        tally.calls.add(new MethodId(ClassName.of(ownerName), method));
        facts.resolved++;
        facts.depend(type.name, ownerName, DependencyKind.CALL, false,
                new SourceLocation(type.scope.path, Trees.line(reference)));
    }

    private void visitFieldAccess(FieldAccessExpr access) {
        if (access.getScope() instanceof ThisExpr || access.getScope() instanceof SuperExpr) {
            return;
        }
        JType owner = types.staticTypeOrTypeOf(access.getScope());
        if (owner != null && owner.codebase() && owner.arrayDimensions() == 0 && !owner.name().equals(type.name)) {
            staticAccess(owner.name(), access);
        }
    }

    private void visitName(NameExpr name) {
        String identifier = name.getNameAsString();
        if (types.isLocal(identifier) || name.getParentNode().orElse(null) instanceof FieldAccessExpr
                || name.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getScope().filter(s -> s == name).isPresent()) {
            return;
        }
        String owner = type.scope.staticImports.get(identifier);
        if (owner != null && index.get(owner) != null && !owner.equals(type.name)) {
            staticAccess(owner, name);
        }
    }

    /** A field of {@code owner} read or written here, or a member of it named through a static import. */
    private void staticAccess(String owner, Node at) {
        facts.depend(type.name, owner, DependencyKind.CALL, false, new SourceLocation(type.scope.path, Trees.line(at)));
        tally.references.add(ClassName.of(owner));
    }
}
