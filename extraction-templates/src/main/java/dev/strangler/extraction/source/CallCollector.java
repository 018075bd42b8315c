package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what code calls on one class by name: calls on variables declared with its type, static calls and method
 * references. Without a symbol solver this over-approximates (two variables of the same name in different scopes),
 * which only adds a method to an adapter.
 */
final class CallCollector {
    /** A called method: its name and argument count ({@code -1} for a method reference, any count). */
    record Call(String name, int arguments) implements Comparable<Call> {
        @Override
        public int compareTo(Call other) {
            int byName = name.compareTo(other.name);
            return byName != 0 ? byName : Integer.compare(arguments, other.arguments);
        }
    }

    private CallCollector() {
    }

    static Set<Call> callsOn(String className, CompilationUnit unit) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Set<Call> calls = new TreeSet<>();
        if (!sees(unit, className)) {
            return calls;
        }
        Set<String> variables = new HashSet<>();
        unit.findAll(FieldDeclaration.class).forEach(f -> f.getVariables().forEach(v -> {
            if (isOfType(v.getType(), simple)) {
                variables.add(v.getNameAsString());
            }
        }));
        unit.findAll(VariableDeclarator.class).stream().filter(v -> isOfType(v.getType(), simple))
                .forEach(v -> variables.add(v.getNameAsString()));
        unit.findAll(Parameter.class).stream().filter(p -> isOfType(p.getType(), simple))
                .forEach(p -> variables.add(p.getNameAsString()));
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (call.getScope().isPresent() && isTarget(call.getScope().get(), variables, simple)) {
                calls.add(new Call(call.getNameAsString(), call.getArguments().size()));
            }
        }
        for (MethodReferenceExpr reference : unit.findAll(MethodReferenceExpr.class)) {
            Expression scope = reference.getScope();
            boolean onType = scope instanceof TypeExpr t && isOfType(t.getType(), simple);
            if (onType || isTarget(scope, variables, simple)) {
                calls.add(new Call(reference.getIdentifier(), -1));
            }
        }
        return calls;
    }

    private static boolean sees(CompilationUnit unit, String className) {
        String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
        String own = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        if (own.equals(pkg)) {
            return true;
        }
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (!i.isStatic() && (name.equals(className) || i.isAsterisk() && name.equals(pkg))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTarget(Expression scope, Set<String> variables, String simple) {
        if (scope instanceof NameExpr n) {
            return variables.contains(n.getNameAsString()) || n.getNameAsString().equals(simple);
        }
        return scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                && variables.contains(f.getNameAsString());
    }

    private static boolean isOfType(Type type, String simple) {
        return type instanceof ClassOrInterfaceType c && c.getNameAsString().equals(simple);
    }
}
