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
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnknownType;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one declared type's members and bodies into dependencies and per-method calls, resolving names and
 * call receivers through the {@link TypeIndex}. One instance per type and thread.
 */
public final class TypeScanner {
    private static final Set<String> JPA_ASSOCIATIONS = Set.of("ManyToOne", "OneToMany", "OneToOne", "ManyToMany",
            "ElementCollection", "Embedded", "EmbeddedId");
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
    private final Facts facts;
    private final String path;

    public TypeScanner(TypeIndex index, IndexedType type, Facts facts) {
        this.index = index;
        this.type = type;
        this.facts = facts;
        this.path = type.scope.path;
    }

    public void scan() {
        for (ClassOrInterfaceType supertype : type.writtenSupertypes) {
            referenceType(supertype, DependencyKind.INHERITANCE, null, type.outer, Set.of());
        }
        annotationDependencies(type.declaration.getAnnotations(), null);
        if (type.declaration instanceof RecordDeclaration record) {
            Body body = new Body("<init>", record, Set.of());
            for (Parameter component : record.getParameters()) {
                referenceTypes(component.getType(), DependencyKind.FIELD, body.tally, Set.of());
                annotationDependencies(component.getAnnotations(), body.tally);
            }
        }
        if (type.declaration instanceof EnumDeclaration enumeration) {
            enumeration.getEntries().forEach(entry -> new Body("<clinit>", entry, Set.of()).walk(entry));
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
                Body body = new Body(initializer.isStatic() ? "<clinit>" : "<init>", initializer, Set.of());
                body.walk(initializer.getBody());
            }
        }
    }

    private void scanField(FieldDeclaration field) {
        Body body = new Body(field.isStatic() ? "<clinit>" : "<init>", field, Set.of());
        annotationDependencies(field.getAnnotations(), body.tally);
        boolean association = Annotations.hasAny(field, JPA_ASSOCIATIONS);
        for (VariableDeclarator variable : field.getVariables()) {
            referenceTypes(variable.getType(), association ? DependencyKind.ASSOCIATION : DependencyKind.FIELD,
                    null, Set.of());
            variable.getInitializer().ifPresent(body::walk);
        }
    }

    private void scanCallable(CallableDeclaration<?> callable) {
        String name = callable instanceof ConstructorDeclaration ? "<init>" : callable.getNameAsString();
        Set<String> typeParameters = IndexedType.typeParameterNames(callable.getTypeParameters());
        Body body = new Body(name, callable, typeParameters);
        annotationDependencies(callable.getAnnotations(), body.tally);
        for (Parameter parameter : callable.getParameters()) {
            annotationDependencies(parameter.getAnnotations(), body.tally);
            referenceTypes(parameter.getType(), DependencyKind.SIGNATURE, body.tally, typeParameters);
            JType parameterType = index.toJType(parameter.getType(), type, type.scope, typeParameters);
            if (parameterType != null) {
                body.locals.put(parameter.getNameAsString(), parameter.isVarArgs()
                        ? new JType(parameterType.name(), parameterType.codebase(), parameterType.arguments(),
                        parameterType.arrayDimensions() + 1) : parameterType);
            }
        }
        callable.getThrownExceptions().forEach(t -> referenceTypes(t, DependencyKind.SIGNATURE, body.tally, typeParameters));
        if (callable instanceof MethodDeclaration method) {
            referenceTypes(method.getType(), DependencyKind.SIGNATURE, body.tally, typeParameters);
            method.getBody().ifPresent(body::walk);
        } else if (callable instanceof ConstructorDeclaration constructor) {
            body.walk(constructor.getBody());
        }
    }

    private void annotationDependencies(List<AnnotationExpr> annotations, Facts.MethodTally tally) {
        for (AnnotationExpr annotation : annotations) {
            TypeIndex.Resolution resolution = index.resolve(annotation.getNameAsString(), type, type.scope, Set.of());
            if (resolution.isCodebase()) {
                record(resolution, DependencyKind.ANNOTATION, Trees.line(annotation), tally);
            }
        }
    }

    /** Records every class type written inside {@code node} (generic arguments included). */
    private void referenceTypes(Node node, DependencyKind kind, Facts.MethodTally tally, Set<String> typeParameters) {
        if (node instanceof ClassOrInterfaceType classType) {
            referenceType(classType, kind, tally, type, typeParameters);
        }
        for (ClassOrInterfaceType classType : Trees.findAll(node, ClassOrInterfaceType.class)) {
            if (classType != node && !isScopeOfAnother(classType)) {
                referenceType(classType, kind, tally, type, typeParameters);
            }
        }
    }

    private void referenceType(ClassOrInterfaceType written, DependencyKind kind, Facts.MethodTally tally,
                               IndexedType context, Set<String> typeParameters) {
        if (written == null) {
            return;
        }
        TypeIndex.Resolution resolution = index.resolve(written.getNameWithScope(), context, type.scope, typeParameters);
        record(resolution, kind, Trees.line(written), tally);
        if (kind == DependencyKind.INHERITANCE) {
            written.getTypeArguments().ifPresent(args -> args.forEach(
                    arg -> referenceTypes(arg, DependencyKind.SIGNATURE, tally, typeParameters)));
        }
    }

    private static boolean isScopeOfAnother(ClassOrInterfaceType classType) {
        return classType.getParentNode().filter(parent -> parent instanceof ClassOrInterfaceType outer
                && outer.getScope().filter(scope -> scope == classType).isPresent()).isPresent();
    }

    private void record(TypeIndex.Resolution resolution, DependencyKind kind, int line, Facts.MethodTally tally) {
        switch (resolution.outcome()) {
            case CODEBASE, GUESSED -> {
                boolean guessed = resolution.outcome() == TypeIndex.Outcome.GUESSED;
                if (guessed) {
                    facts.guessed++;
                } else {
                    facts.resolved++;
                }
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

    /** The receiver, owner and result type of a call, as far as they could be settled. */
    private record CallTarget(String owner, JType result, TypeIndex.Outcome outcome, List<String> implementations) {
        static final CallTarget LIBRARY = new CallTarget(null, null, TypeIndex.Outcome.LIBRARY, List.of());
        static final CallTarget UNKNOWN = new CallTarget(null, null, TypeIndex.Outcome.UNKNOWN, List.of());

        static CallTarget library(JType result) {
            return result == null ? LIBRARY : new CallTarget(null, result, TypeIndex.Outcome.LIBRARY, List.of());
        }
    }

    /** One member's body: its locals and the method it adds calls to. */
    private final class Body {
        final Facts.MethodTally tally;
        final Set<String> typeParameters;
        final Map<String, JType> locals = new HashMap<>();
        final Map<Expression, JType> types = new IdentityHashMap<>();
        final Map<MethodCallExpr, CallTarget> calls = new IdentityHashMap<>();

        Body(String member, Node declaration, Set<String> typeParameters) {
            this.typeParameters = typeParameters;
            this.tally = facts.method(new MethodId(ClassName.of(type.name), member),
                    new SourceLocation(path, Trees.line(declaration)));
        }

        void walk(Node node) {
            Trees.walk(node, this::visit);
        }

        private void visit(Node node) {
            if (node instanceof MethodCallExpr call) {
                visitCall(call);
            } else if (node instanceof ClassOrInterfaceType classType) {
                if (!isScopeOfAnother(classType) && !isVar(classType) && !(classType.getParentNode().orElse(null) instanceof ObjectCreationExpr)) {
                    referenceType(classType, DependencyKind.LOCAL, tally, type, typeParameters);
                }
            } else if (node instanceof VariableDeclarator variable) {
                declare(variable);
            } else if (node instanceof Parameter parameter) {
                if (!(parameter.getType() instanceof UnknownType) && !isVar(parameter.getType())) {
                    JType declared = index.toJType(parameter.getType(), type, type.scope, typeParameters);
                    if (declared != null) {
                        locals.put(parameter.getNameAsString(), declared);
                    }
                }
            } else if (node instanceof TypePatternExpr pattern) {
                JType declared = index.toJType(pattern.getType(), type, type.scope, typeParameters);
                if (declared != null) {
                    locals.put(pattern.getNameAsString(), declared);
                }
            } else if (node instanceof LambdaExpr lambda) {
                inferLambdaParameters(lambda);
            } else if (node instanceof ObjectCreationExpr creation) {
                JType created = index.toJType(creation.getType(), type, type.scope, typeParameters);
                TypeIndex.Resolution resolution = index.resolve(creation.getType().getNameWithScope(), type,
                        type.scope, typeParameters);
                record(resolution, DependencyKind.INSTANTIATION, Trees.line(creation), tally);
                if (created != null && created.codebase()) {
                    tally.calls.add(new MethodId(ClassName.of(created.name()), "<init>"));
                }
            } else if (node instanceof MethodReferenceExpr reference) {
                visitMethodReference(reference);
            } else if (node instanceof FieldAccessExpr access) {
                visitFieldAccess(access);
            } else if (node instanceof NameExpr name) {
                visitName(name);
            }
        }

        private void declare(VariableDeclarator variable) {
            String name = variable.getNameAsString();
            Node parent = variable.getParentNode().flatMap(Node::getParentNode).orElse(null);
            JType declared;
            if (isVar(variable.getType())) {
                if (parent instanceof ForEachStmt loop) {
                    declared = elementType(typeOf(loop.getIterable()));
                } else {
                    declared = variable.getInitializer().map(this::typeOf).orElse(null);
                }
            } else {
                declared = index.toJType(variable.getType(), type, type.scope, typeParameters);
            }
            if (declared != null) {
                locals.put(name, declared);
            } else {
                locals.remove(name);
            }
        }

        private void inferLambdaParameters(LambdaExpr lambda) {
            if (!(lambda.getParentNode().orElse(null) instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
                return;
            }
            JType receiver = typeOf(call.getScope().get());
            JType element = receiver == null ? null : elementType(receiver);
            for (Parameter parameter : lambda.getParameters()) {
                if (parameter.getType() instanceof UnknownType && element != null) {
                    locals.put(parameter.getNameAsString(), element);
                }
            }
        }

        private void visitCall(MethodCallExpr call) {
            CallTarget target = resolveCall(call);
            switch (target.outcome()) {
                case CODEBASE, GUESSED -> {
                    boolean guessed = target.outcome() == TypeIndex.Outcome.GUESSED;
                    if (guessed) {
                        facts.guessed++;
                    } else {
                        facts.resolved++;
                    }
                    tally.calls.add(new MethodId(ClassName.of(target.owner()), call.getNameAsString()));
                    for (String implementation : target.implementations()) {
                        tally.calls.add(new MethodId(ClassName.of(implementation), call.getNameAsString()));
                    }
                    facts.depend(type.name, target.owner(), DependencyKind.CALL, guessed,
                            new SourceLocation(path, Trees.line(call)));
                }
                case UNKNOWN -> facts.unresolved++;
                default -> {
                }
            }
        }

        private void visitMethodReference(MethodReferenceExpr reference) {
            Expression scope = reference.getScope();
            JType receiver = scope instanceof TypeExpr typeExpr
                    ? index.toJType(typeExpr.getType(), type, type.scope, typeParameters)
                    : staticTypeOrTypeOf(scope);
            if (receiver == null || !receiver.codebase() || receiver.arrayDimensions() > 0) {
                return;
            }
            String method = reference.getIdentifier().equals("new") ? "<init>" : reference.getIdentifier();
            IndexedType receiverType = index.get(receiver.name());
            TypeIndex.MethodOwner owner = receiverType == null ? null : index.findMethod(receiverType, method);
            String ownerName = owner == null ? receiver.name() : owner.type().name;
            tally.calls.add(new MethodId(ClassName.of(ownerName), method));
            facts.resolved++;
            facts.depend(type.name, ownerName, DependencyKind.CALL, false, new SourceLocation(path, Trees.line(reference)));
        }

        private void visitFieldAccess(FieldAccessExpr access) {
            if (access.getScope() instanceof ThisExpr || access.getScope() instanceof SuperExpr) {
                return;
            }
            JType owner = staticType(access.getScope());
            if (owner == null) {
                owner = typeOf(access.getScope());
            }
            if (owner != null && owner.codebase() && owner.arrayDimensions() == 0 && !owner.name().equals(type.name)) {
                facts.depend(type.name, owner.name(), DependencyKind.CALL, false, new SourceLocation(path, Trees.line(access)));
                tally.references.add(ClassName.of(owner.name()));
            }
        }

        private void visitName(NameExpr name) {
            String identifier = name.getNameAsString();
            if (locals.containsKey(identifier) || name.getParentNode().orElse(null) instanceof FieldAccessExpr
                    || name.getParentNode().orElse(null) instanceof MethodCallExpr call
                    && call.getScope().filter(s -> s == name).isPresent()) {
                return;
            }
            String owner = type.scope.staticImports.get(identifier);
            if (owner != null && index.get(owner) != null && !owner.equals(type.name)) {
                facts.depend(type.name, owner, DependencyKind.CALL, false, new SourceLocation(path, Trees.line(name)));
                tally.references.add(ClassName.of(owner));
            }
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
                for (IndexedType current = type; current != null; current = current.outer) {
                    TypeIndex.MethodOwner owner = index.findMethod(current, name);
                    if (owner != null) {
                        return found(owner, JType.codebase(current.name), TypeIndex.Outcome.CODEBASE);
                    }
                }
                String imported = type.scope.staticImports.get(name);
                IndexedType importedType = imported == null ? null : index.get(imported);
                if (importedType != null) {
                    TypeIndex.MethodOwner owner = index.findMethod(importedType, name);
                    if (owner != null) {
                        return found(owner, JType.codebase(importedType.name), TypeIndex.Outcome.CODEBASE);
                    }
                }
                // an unqualified call not declared in the tree is inherited from a library type or statically imported
                return CallTarget.LIBRARY;
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
                if (scope instanceof MethodCallExpr inner && resolveCall(inner).outcome() != TypeIndex.Outcome.CODEBASE
                        && resolveCall(inner).outcome() != TypeIndex.Outcome.GUESSED) {
                    // a chain through a library call (or one already counted as unresolved): a guess if the name
                    // is distinctive, else a library call, not a second unresolved reference
                    CallTarget guessed = guess(scope, name);
                    return guessed.outcome() == TypeIndex.Outcome.UNKNOWN ? CallTarget.LIBRARY : guessed;
                }
                return guess(scope, name);
            }
            if (receiver.arrayDimensions() > 0) {
                return CallTarget.LIBRARY;
            }
            if (!receiver.codebase()) {
                return CallTarget.library(libraryResult(receiver, name));
            }
            IndexedType receiverType = index.get(receiver.name());
            if (receiverType == null) {
                return CallTarget.LIBRARY;
            }
            TypeIndex.MethodOwner owner = index.findMethod(receiverType, name);
            if (owner == null) {
                JType result = inheritedResult(receiverType, name);
                return new CallTarget(receiverType.name, result != null ? result : accessorResult(receiverType, receiver, name),
                        TypeIndex.Outcome.CODEBASE, implementations(receiverType, name));
            }
            return found(owner, receiver, TypeIndex.Outcome.CODEBASE);
        }

        private CallTarget found(TypeIndex.MethodOwner owner, JType receiver, TypeIndex.Outcome outcome) {
            MethodDeclaration method = owner.method();
            Map<String, JType> bindings = bindings(owner.type(), receiver);
            JType result = index.toJType(method.getType(), owner.type(), owner.type().scope,
                    IndexedType.typeParameterNames(method.getTypeParameters()), bindings);
            return new CallTarget(owner.type().name, result, outcome, implementations(owner.type(), method.getNameAsString()));
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
        private Map<String, JType> bindings(IndexedType owner, JType receiver) {
            if (owner.typeParameterOrder.isEmpty()) {
                return Map.of();
            }
            JType view = null;
            if (owner.name.equals(receiver.name())) {
                view = receiver;
            } else {
                IndexedType receiverType = index.get(receiver.name());
                if (receiverType != null) {
                    List<IndexedType> chain = new java.util.ArrayList<>();
                    chain.add(receiverType);
                    chain.addAll(index.ancestors(receiverType));
                    for (IndexedType current : chain) {
                        for (JType supertype : index.supertypes(current)) {
                            if (supertype.name().equals(owner.name)) {
                                view = supertype;
                                break;
                            }
                        }
                        if (view != null) {
                            break;
                        }
                    }
                }
            }
            if (view == null || view.arguments().isEmpty()) {
                return Map.of();
            }
            Map<String, JType> bindings = new HashMap<>();
            for (int i = 0; i < owner.typeParameterOrder.size() && i < view.arguments().size(); i++) {
                bindings.put(owner.typeParameterOrder.get(i), view.arguments().get(i));
            }
            return bindings;
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

        /** What common container and stream methods return, from their receiver's generic arguments. */
        private JType libraryResult(JType receiver, String name) {
            if (receiver.arguments().isEmpty()) {
                return null;
            }
            boolean map = receiver.simpleName().contains("Map");
            switch (name) {
                case "get", "getOrDefault", "remove", "put" -> {
                    return map ? receiver.argument(1) : receiver.argument(0);
                }
                case "getFirst", "getLast", "next", "orElse", "orElseThrow", "orElseGet", "join", "poll", "peek",
                     "pop", "element", "firstElement", "lastElement", "first", "last", "block", "getNow", "resultNow" -> {
                    return receiver.argument(0);
                }
                case "values" -> {
                    return map ? JType.library("java.util.Collection", List.of(receiver.argument(1))) : null;
                }
                case "keySet" -> {
                    return JType.library("java.util.Set", List.of(receiver.argument(0)));
                }
                case "stream", "parallelStream", "iterator", "listIterator", "filter", "sorted", "distinct", "limit",
                     "skip", "toList", "subList", "reversed", "unmodifiableList", "copyOf", "getContent", "unordered" -> {
                    return JType.library(name.equals("iterator") ? "java.util.Iterator" : receiver.name(),
                            receiver.arguments());
                }
                case "findFirst", "findAny", "min", "max" -> {
                    return JType.library("java.util.Optional", List.of(receiver.argument(0)));
                }
                default -> {
                    return null;
                }
            }
        }

        private CallTarget guess(Expression scope, String method) {
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

        private JType staticTypeOrTypeOf(Expression scope) {
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
                return index.toJType(typeExpr.getType(), type, type.scope, typeParameters);
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
                JType owner = staticTypeOrTypeOf(access.getScope());
                if (owner == null || !owner.codebase() || owner.arrayDimensions() > 0) {
                    return null;
                }
                IndexedType ownerType = index.get(owner.name());
                TypeIndex.FieldOwner field = ownerType == null ? null : index.findField(ownerType, access.getNameAsString());
                return field == null ? null : index.toJType(field.fieldType(), field.type(), field.type().scope,
                        Set.of(), bindings(field.type(), owner));
            }
            if (expression instanceof MethodCallExpr call) {
                return resolveCall(call).result();
            }
            if (expression instanceof ObjectCreationExpr creation) {
                return index.toJType(creation.getType(), type, type.scope, typeParameters);
            }
            if (expression instanceof CastExpr cast) {
                return index.toJType(cast.getType(), type, type.scope, typeParameters);
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
                JType element = index.toJType(creation.getElementType(), type, type.scope, typeParameters);
                return element == null ? null : new JType(element.name(), element.codebase(), element.arguments(),
                        creation.getLevels().size());
            }
            if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr) {
                return JType.library("java.lang.String");
            }
            return null;
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
    }

    static JType elementType(JType iterable) {
        if (iterable == null) {
            return null;
        }
        if (iterable.arrayDimensions() > 0) {
            return iterable.component();
        }
        return iterable.argument(iterable.simpleName().contains("Map") ? 1 : 0);
    }

    /** {@code var}: the raw grammar leaves it as a class type named var, the versioned levels as a VarType. */
    static boolean isVar(Type type) {
        return type.isVarType() || type instanceof ClassOrInterfaceType classType && classType.getScope().isEmpty()
                && classType.getTypeArguments().isEmpty() && classType.getNameAsString().equals("var");
    }

    static boolean isTypeLike(String identifier) {
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
