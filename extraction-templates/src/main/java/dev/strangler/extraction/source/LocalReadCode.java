package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.extraction.core.AdapterMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The text of a local read in the adapter implementation: the monolith's method bodies as written (comments and
 * layout kept), under the adapter's signature, with the monolith's {@code @Transactional} fully qualified; the
 * same-class methods and constants it reaches made private; and the imports that code names.
 */
final class LocalReadCode {
    private LocalReadCode() {
    }

    /** The adapter's override: the method's own {@code @Transactional}, else the class's, as in the monolith. */
    static String method(CompilationUnit unit, TypeDeclaration<?> type, MethodDeclaration method, AdapterMethod adapterMethod) {
        StringBuilder text = new StringBuilder("    @Override\n");
        transactional(method.getAnnotations().stream().toList())
                .or(() -> transactional(type.getAnnotations().stream().toList()))
                .ifPresent(a -> text.append("    ").append(qualified(unit, a)).append('\n'));
        text.append("    public ").append(adapterMethod.returnType()).append(' ').append(adapterMethod.name()).append('(')
                .append(String.join(", ", method.getParameters().stream().map(Parameter::toString).toList())).append(") ")
                .append(body(method));
        return text.toString();
    }

    /**
     * A method of the same class, private and without annotations: the monolith called it on itself, past any
     * transaction proxy, so its annotations did not apply there either.
     */
    static String helper(MethodDeclaration helper) {
        String typeParameters = helper.getTypeParameters().isEmpty() ? "" : "<" + String.join(", ",
                helper.getTypeParameters().stream().map(Object::toString).toList()) + "> ";
        String thrown = helper.getThrownExceptions().isEmpty() ? "" : " throws " + String.join(", ",
                helper.getThrownExceptions().stream().map(Object::toString).toList());
        return "    private " + (helper.isStatic() ? "static " : "") + typeParameters + helper.getType() + " "
                + helper.getNameAsString() + "(" + String.join(", ", helper.getParameters().stream()
                .map(Parameter::toString).toList()) + ")" + thrown + " " + body(helper);
    }

    /** A {@code static final} constant the code reads, made private. */
    static String constant(FieldDeclaration field) {
        return "    private static final " + field.getElementType() + " " + String.join(", ", field.getVariables().stream()
                .map(v -> v.getNameAsString() + "[]".repeat(v.getType().getArrayLevel() - field.getElementType().getArrayLevel())
                        + " = " + v.getInitializer().orElseThrow()).toList()) + ";";
    }

    /** The class's imports the code names, and the classes of its own package it names (the adapter is elsewhere). */
    static List<String> imports(SourceTree sources, CompilationUnit unit, List<String> code) {
        Set<String> words = new TreeSet<>();
        code.forEach(c -> AdapterBuilder.collectWords(c, words));
        Set<String> imports = new TreeSet<>();
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (i.isAsterisk() || words.contains(name.substring(name.lastIndexOf('.') + 1))) {
                imports.add((i.isStatic() ? "static " : "") + name + (i.isAsterisk() ? ".*" : ""));
            }
        }
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        words.stream().map(w -> pkg.isEmpty() ? w : pkg + "." + w).filter(sources::contains).forEach(imports::add);
        return List.copyOf(imports);
    }

    static Optional<AnnotationExpr> transactional(List<AnnotationExpr> annotations) {
        return annotations.stream().filter(a -> a.getNameAsString().endsWith("Transactional")).findFirst();
    }

    private static String body(MethodDeclaration m) {
        return m.getBody().orElseThrow().getTokenRange().map(Object::toString).orElseGet(() -> m.getBody().get().toString());
    }

    private static String qualified(CompilationUnit unit, AnnotationExpr annotation) {
        AnnotationExpr copy = annotation.clone();
        String simple = annotation.getNameAsString();
        unit.getImports().stream().filter(i -> !i.isStatic() && !i.isAsterisk()).map(ImportDeclaration::getNameAsString)
                .filter(n -> n.endsWith("." + simple)).findFirst().ifPresent(copy::setName);
        return copy.toString();
    }
}
