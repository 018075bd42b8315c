package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.MonolithCall;
import dev.strangler.extraction.core.Route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the monolith route that answers an adapter method: a controller method whose whole body is
 * {@code return field.method(args)} on the adapted class, with every argument a path variable or a query parameter
 * and the same return type. Such a route gives the same answer over HTTP as the call did in process.
 */
final class RouteMatcher {
    private final SourceTree sources;
    private final List<Route> routes;

    RouteMatcher(SourceTree sources, List<Route> routes) {
        this.sources = sources;
        this.routes = List.copyOf(routes);
    }

    Optional<MonolithCall> find(String adaptedClass, AdapterMethod method) {
        if (method.returnType().startsWith("<")) {
            return Optional.empty();
        }
        String simple = adaptedClass.substring(adaptedClass.lastIndexOf('.') + 1);
        for (Route route : routes) {
            Optional<MonolithCall> call = match(route, simple, method);
            if (call.isPresent()) {
                return call;
            }
        }
        return Optional.empty();
    }

    private Optional<MonolithCall> match(Route route, String adaptedSimpleName, AdapterMethod method) {
        int hash = route.handler().indexOf('#');
        if (hash < 0 || "ANY".equals(route.method())) {
            return Optional.empty();
        }
        String controller = route.handler().substring(0, hash);
        String handlerName = route.handler().substring(hash + 1);
        Optional<CompilationUnit> unit = sources.unit(controller);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        TypeDeclaration<?> type = TypeRoles.primaryType(unit.get(), controller).orElseThrow();
        for (MethodDeclaration handler : type.getMethodsByName(handlerName)) {
            Optional<MonolithCall> call = match(route, type, handler, adaptedSimpleName, method);
            if (call.isPresent()) {
                return call;
            }
        }
        return Optional.empty();
    }

    private static Optional<MonolithCall> match(Route route, TypeDeclaration<?> controller, MethodDeclaration handler,
            String adaptedSimpleName, AdapterMethod method) {
        List<Statement> body = handler.getBody().map(b -> b.getStatements().stream().toList()).orElse(List.of());
        if (body.size() != 1 || !(body.get(0) instanceof ReturnStmt ret) || ret.getExpression().isEmpty()
                || !(ret.getExpression().get() instanceof MethodCallExpr call)) {
            return Optional.empty();
        }
        if (!call.getNameAsString().equals(method.name()) || call.getArguments().size() != method.parameters().size()
                || !handler.getType().toString().equals(method.returnType())
                || call.getScope().isEmpty() || !isFieldOfType(call.getScope().get(), controller, adaptedSimpleName)) {
            return Optional.empty();
        }
        List<String> pathParameters = new ArrayList<>();
        List<MonolithCall.QueryParameter> query = new ArrayList<>();
        List<String> templateVariables = variables(route.path());
        String[] byVariable = new String[templateVariables.size()];
        for (int i = 0; i < call.getArguments().size(); i++) {
            if (!(call.getArgument(i) instanceof NameExpr argument)) {
                return Optional.empty();
            }
            Optional<Parameter> parameter = handler.getParameters().stream()
                    .filter(p -> p.getNameAsString().equals(argument.getNameAsString())).findFirst();
            if (parameter.isEmpty()) {
                return Optional.empty();
            }
            String adapterParameter = method.parameters().get(i).name();
            Optional<String> pathVariable = boundName(parameter.get(), "PathVariable");
            Optional<String> queryParameter = boundName(parameter.get(), "RequestParam");
            if (pathVariable.isPresent() && templateVariables.contains(pathVariable.get())) {
                byVariable[templateVariables.indexOf(pathVariable.get())] = adapterParameter;
            } else if (queryParameter.isPresent()) {
                query.add(new MonolithCall.QueryParameter(queryParameter.get(), adapterParameter));
            } else {
                return Optional.empty();
            }
        }
        for (String filled : byVariable) {
            if (filled == null) {
                return Optional.empty();
            }
            pathParameters.add(filled);
        }
        return Optional.of(new MonolithCall(route.method(), route.path(), pathParameters, query));
    }

    private static boolean isFieldOfType(Expression scope, TypeDeclaration<?> controller, String simpleName) {
        String name;
        if (scope instanceof NameExpr n) {
            name = n.getNameAsString();
        } else if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            name = f.getNameAsString();
        } else {
            return false;
        }
        for (FieldDeclaration field : controller.getFields()) {
            if (field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)
                    && v.getType().asString().equals(simpleName))) {
                return true;
            }
        }
        return false;
    }

    /** The request name a parameter is bound to by the annotation, or empty when it is not so annotated. */
    private static Optional<String> boundName(Parameter parameter, String annotationName) {
        for (AnnotationExpr annotation : parameter.getAnnotations()) {
            if (!annotation.getNameAsString().endsWith(annotationName)) {
                continue;
            }
            if (annotation instanceof SingleMemberAnnotationExpr single && single.getMemberValue() instanceof StringLiteralExpr s) {
                return Optional.of(s.asString());
            }
            if (annotation instanceof NormalAnnotationExpr normal) {
                for (MemberValuePair pair : normal.getPairs()) {
                    if ((pair.getNameAsString().equals("value") || pair.getNameAsString().equals("name"))
                            && pair.getValue() instanceof StringLiteralExpr s) {
                        return Optional.of(s.asString());
                    }
                }
            }
            return Optional.of(parameter.getNameAsString());
        }
        return Optional.empty();
    }

    static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)(?::[^}]*)?}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
