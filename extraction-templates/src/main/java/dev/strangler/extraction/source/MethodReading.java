package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.LocalRead;
import dev.strangler.extraction.core.MethodFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reading of one method of a class that stays behind: the method, the methods of the same class it reaches, and
 * what their code calls, writes and names. Not thread-safe; one per method.
 */
final class MethodReading {
    private final SourceTree sources;
    private final CompilationUnit unit;
    private final TypeDeclaration<?> type;
    private final MethodDeclaration method;
    private final Map<String, MethodDeclaration> helpers = new LinkedHashMap<>();
    private final Map<String, FieldDeclaration> constants = new TreeMap<>();
    private final Map<String, Set<CallCollector.Call>> repositories = new TreeMap<>();
    private final Map<String, String> repositoryFields = new TreeMap<>();
    private final List<MethodFacts.RepositoryCall> repositoryCalls = new ArrayList<>();
    private final Set<String> writes = new TreeSet<>();
    private final Set<String> unproven = new TreeSet<>();
    private final Set<String> unavailable = new TreeSet<>();
    private final Set<String> types = new TreeSet<>();
    private final Set<String> tables = new TreeSet<>();
    private final Set<String> locals = new TreeSet<>();

    MethodReading(SourceTree sources, CompilationUnit unit, TypeDeclaration<?> type, MethodDeclaration method) {
        this.sources = sources;
        this.unit = unit;
        this.type = type;
        this.method = method;
    }

    LocalReadReader.Decision decide(AdapterMethod adapterMethod) {
        List<MethodDeclaration> reached = reach();
        reached.forEach(m -> {
            m.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
            m.findAll(Parameter.class).forEach(p -> locals.add(p.getNameAsString()));
        });
        for (MethodDeclaration m : reached) {
            m.findAll(MethodCallExpr.class).forEach(this::call);
            m.findAll(MethodReferenceExpr.class).forEach(this::reference);
            m.findAll(AssignExpr.class).forEach(a -> assigned(a.getTarget(), a));
            m.findAll(UnaryExpr.class).stream().filter(u -> u.getOperator().isPrefix() || u.getOperator().isPostfix())
                    .filter(u -> u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
                            && u.getOperator() != UnaryExpr.Operator.MINUS && u.getOperator() != UnaryExpr.Operator.PLUS
                            && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT)
                    .forEach(u -> assigned(u.getExpression(), u));
            m.findAll(NameExpr.class).forEach(this::name);
            m.findAll(ClassOrInterfaceType.class).forEach(t -> typeNamed(t.getNameAsString()));
        }
        MethodFacts facts = new MethodFacts(transaction(), repositoryCalls, List.copyOf(writes), List.copyOf(unproven),
                List.copyOf(unavailable));
        List<String> refusals = LocalRead.refusals(facts);
        if (!refusals.isEmpty()) {
            return new LocalReadReader.Decision(null, refusals, Map.of(), Set.of());
        }
        List<String> helperText = new ArrayList<>();
        constants.values().forEach(f -> helperText.add(LocalReadCode.constant(f)));
        helpers.values().forEach(h -> helperText.add(LocalReadCode.helper(h)));
        String code = LocalReadCode.method(unit, type, method, adapterMethod);
        List<String> all = new ArrayList<>(helperText);
        all.add(code);
        List<AdapterMethod.Parameter> fields = repositoryFields.entrySet().stream()
                .map(e -> new AdapterMethod.Parameter(e.getValue(), e.getKey())).toList();
        List<String> reads = repositoryCalls.stream().map(MethodFacts.RepositoryCall::text).distinct().sorted().toList();
        LocalRead read = new LocalRead(code, helperText, fields, LocalReadCode.imports(sources, unit, all), reads, List.copyOf(tables));
        return new LocalReadReader.Decision(read, List.of(), repositories, types);
    }

    /** The method and every method of the same class it calls, directly or not. */
    private List<MethodDeclaration> reach() {
        List<MethodDeclaration> reached = new ArrayList<>(List.of(method));
        for (int i = 0; i < reached.size(); i++) {
            for (MethodCallExpr call : reached.get(i).findAll(MethodCallExpr.class)) {
                if (call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)) {
                    continue;
                }
                List<MethodDeclaration> same = type.getMethodsByName(call.getNameAsString()).stream()
                        .filter(m -> m.getParameters().size() == call.getArguments().size() && m.getBody().isPresent())
                        .toList();
                if (same.size() != 1) {
                    unproven.add(call.getNameAsString() + "(...) " + (same.isEmpty() ? "(not declared in "
                            + type.getNameAsString() + ")" : "(overloaded)"));
                } else if (same.get(0) != method && !reached.contains(same.get(0))) {
                    reached.add(same.get(0));
                    helpers.put(same.get(0).getNameAsString(), same.get(0));
                }
            }
        }
        return reached;
    }

    private void call(MethodCallExpr call) {
        if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
            return;
        }
        Expression scope = call.getScope().get();
        Optional<String> field = fieldName(scope);
        String name = call.getNameAsString();
        if (field.isPresent()) {
            fieldCall(field.get(), call);
        } else if (scope instanceof NameExpr n && !locals.contains(n.getNameAsString())
                && Character.isUpperCase(n.getNameAsString().charAt(0))) {
            Optional<String> codebase = resolve(n.getNameAsString());
            if (codebase.isPresent() || !ValueCalls.isPure(name)) {
                unproven.add(n.getNameAsString() + "." + name);
            }
        } else if (ValueCalls.isSetter(name)) {
            writes.add(ValueCalls.shown(scope) + "." + name + "(...)");
        } else if (!ValueCalls.isPure(call)) {
            unproven.add(ValueCalls.shown(scope) + "." + name + "(...)");
        }
    }

    private void fieldCall(String field, MethodCallExpr call) {
        String simple = fieldType(field);
        Optional<String> qualified = resolve(simple);
        Optional<List<String>> repository = qualified.flatMap(q -> AdapterBuilder.repositoryTypes(q, sources.unit(q).orElseThrow()));
        FieldDeclaration declaration = field(field).orElseThrow();
        boolean constant = declaration.isStatic() && declaration.isFinal()
                && declaration.getVariables().stream().allMatch(v -> v.getInitializer().isPresent());
        if (repository.isEmpty() && constant && ValueCalls.isPure(call)) {
            constants.put(field, declaration); // a constant's value-returning call, on the constant copied with the code
            return;
        }
        if (repository.isEmpty()) {
            boolean bean = qualified.flatMap(q -> TypeRoles.primaryType(sources.unit(q).orElseThrow(), q))
                    .map(TypeRoles::isBehaviour).orElse(false);
            unproven.add(simple + "." + call.getNameAsString() + (bean ? " on another bean" : " on field " + field));
            return;
        }
        String repositoryClass = qualified.orElseThrow();
        Optional<MethodDeclaration> declared = declaredIn(repositoryClass, call);
        boolean query = declared.map(m -> m.getAnnotationByName("Query").isPresent()).orElse(false);
        boolean modifying = declared.map(m -> m.getAnnotationByName("Modifying").isPresent()).orElse(false);
        String entity = repository.get().get(0);
        boolean entityInSources = sources.contains(entity);
        repositoryCalls.add(new MethodFacts.RepositoryCall(simple, call.getNameAsString(), entityInSources, query, modifying));
        repositories.computeIfAbsent(repositoryClass, k -> new TreeSet<>())
                .add(new CallCollector.Call(call.getNameAsString(), call.getArguments().size()));
        repositoryFields.put(field, repositoryClass);
        if (entityInSources) {
            types.add(entity);
            tables.add(EntityTables.table(entity, sources.unit(entity).orElseThrow()));
        }
    }

    private Optional<MethodDeclaration> declaredIn(String repositoryClass, MethodCallExpr call) {
        return TypeRoles.primaryType(sources.unit(repositoryClass).orElseThrow(), repositoryClass).stream()
                .flatMap(t -> t.getMethodsByName(call.getNameAsString()).stream())
                .filter(m -> m.getParameters().size() == call.getArguments().size()).findFirst();
    }

    private void reference(MethodReferenceExpr reference) {
        Expression scope = reference.getScope();
        String name = reference.getIdentifier();
        if (scope instanceof TypeExpr t && (resolve(t.getType().asString()).isEmpty() && ValueCalls.isPure(name)
                || ValueCalls.isGetter(name))) {
            return;
        }
        if (scope instanceof TypeExpr || fieldName(scope).isPresent() || !ValueCalls.isPure(name)) {
            unproven.add(scope + "::" + name);
        }
    }

    private void assigned(Expression target, Node where) {
        if (target instanceof FieldAccessExpr || target instanceof NameExpr n && isField(n.getNameAsString())) {
            writes.add(where.toString());
        }
    }

    /** A field read outside a call: a constant is copied, a bean's other state is not there in the function. */
    private void name(NameExpr name) {
        String n = name.getNameAsString();
        if (!locals.contains(n) && !isField(n) && Character.isUpperCase(n.charAt(0))) {
            typeNamed(n);
            return;
        }
        if (!isField(n) || name.getParentNode().filter(p -> p instanceof MethodCallExpr c
                && c.getScope().filter(s -> s == name).isPresent()).isPresent()) {
            return;
        }
        FieldDeclaration field = field(n).orElseThrow();
        if (field.isStatic() && field.isFinal() && field.getVariables().stream().allMatch(v -> v.getInitializer().isPresent())) {
            constants.put(n, field);
        } else if (!repositoryFields.containsKey(n)) {
            unavailable.add("the field " + n + " of the monolith's " + type.getNameAsString());
        }
    }

    private void typeNamed(String simple) {
        resolve(simple).ifPresent(q -> {
            boolean bean = TypeRoles.primaryType(sources.unit(q).orElseThrow(), q).map(TypeRoles::isBehaviour).orElse(false);
            if (bean) {
                unavailable.add("the bean " + simple);
            } else {
                types.add(q);
            }
        });
    }

    private MethodFacts.Transaction transaction() {
        Optional<AnnotationExpr> annotation = method.getAnnotations().stream()
                .filter(a -> a.getNameAsString().endsWith("Transactional")).findFirst()
                .or(() -> type.getAnnotations().stream().filter(a -> a.getNameAsString().endsWith("Transactional")).findFirst());
        if (annotation.isEmpty()) {
            return MethodFacts.Transaction.NONE;
        }
        boolean readOnly = annotation.get() instanceof NormalAnnotationExpr normal && normal.getPairs().stream()
                .anyMatch(p -> p.getNameAsString().equals("readOnly") && p.getValue() instanceof BooleanLiteralExpr b && b.getValue());
        return readOnly ? MethodFacts.Transaction.READ_ONLY : MethodFacts.Transaction.READ_WRITE;
    }






    private Optional<String> fieldName(Expression scope) {
        if (scope instanceof NameExpr n && !locals.contains(n.getNameAsString()) && isField(n.getNameAsString())) {
            return Optional.of(n.getNameAsString());
        }
        if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && isField(f.getNameAsString())) {
            return Optional.of(f.getNameAsString());
        }
        return Optional.empty();
    }

    private boolean isField(String name) {
        return !locals.contains(name) && field(name).isPresent();
    }

    private Optional<FieldDeclaration> field(String name) {
        return type.getFields().stream()
                .filter(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))).findFirst();
    }

    private String fieldType(String name) {
        return field(name).orElseThrow().getVariables().stream().filter(v -> v.getNameAsString().equals(name))
                .findFirst().orElseThrow().getType().asString();
    }

    /** The codebase class a simple name means in the class's file, or empty for a JDK or library type. */
    private Optional<String> resolve(String simple) {
        return resolveImport(simple).or(() -> unit.getPackageDeclaration()
                .map(p -> p.getNameAsString() + "." + simple)).filter(sources::contains);
    }

    private Optional<String> resolveImport(String simple) {
        return unit.getImports().stream().filter(i -> !i.isStatic() && !i.isAsterisk())
                .map(ImportDeclaration::getNameAsString).filter(n -> n.endsWith("." + simple)).findFirst();
    }
}
