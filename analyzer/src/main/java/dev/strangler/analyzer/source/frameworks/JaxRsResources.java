package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * JAX-RS in one type: its resource methods ({@code @GET}, {@code @POST}, ... under {@code @Path}), the type as a root
 * resource, its sub-resource locators, and the routes of a resource without a path of its own, which are mounted
 * under its locators once every type has been read ({@link JaxRsMounts}).
 */
final class JaxRsResources {
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final TypeIndex index;
    private final IndexedType type;
    private final FoundEntryPoints found;
    final List<Facts.JaxRsRoot> roots = new ArrayList<>();
    final List<Facts.JaxRsLocator> locators = new ArrayList<>();
    final List<Facts.JaxRsRelative> relatives = new ArrayList<>();

    JaxRsResources(TypeIndex index, IndexedType type, FoundEntryPoints found) {
        this.index = index;
        this.type = type;
        this.found = found;
    }

    /** @param applicationPath the application's path, from {@code @ApplicationPath} or the descriptors */
    void find(String applicationPath) {
        AnnotationExpr classPath = Annotations.find(type.declaration, "Path");
        String prefix = classPath == null ? "" : EntryPoints.first(Annotations.strings(classPath, "value", index, type));
        if (classPath != null) {
            roots.add(new Facts.JaxRsRoot(type.name, EntryPoints.joinPaths(applicationPath, prefix)));
        }
        for (MethodDeclaration method : type.declaration.getMethods()) {
            String httpMethod = null;
            for (AnnotationExpr annotation : method.getAnnotations()) {
                if (HTTP_METHODS.contains(Annotations.simpleName(annotation))) {
                    httpMethod = Annotations.simpleName(annotation);
                }
            }
            AnnotationExpr methodPath = Annotations.find(method, "Path");
            String path = methodPath == null ? "" : EntryPoints.first(Annotations.strings(methodPath, "value", index, type));
            if (httpMethod == null) {
                if (methodPath != null) {
                    for (String target : locatorTargets(method, 2)) {
                        locators.add(new Facts.JaxRsLocator(type.name, path, target));
                    }
                }
                continue;
            }
            int before = found.size();
            found.addRoute("jax-rs", httpMethod,
                    EntryPoints.joinPaths(applicationPath, EntryPoints.joinPaths(prefix, path)), method);
            if (classPath == null) {
                // reachable only through a locator: mounted once every type has been read (JaxRsMounts)
                for (EntryPoint entry : found.since(before)) {
                    relatives.add(new Facts.JaxRsRelative(entry, EntryPoints.joinPaths("", path)));
                }
            }
        }
    }

    /**
     * The codebase types a sub-resource locator returns: its declared type, or when that is {@code Object} or another
     * library type, the classes it creates in {@code return new ...}, or those the methods of its own class that it
     * returns from ({@code return create(...)}) return in the same way, {@code depth} calls deep.
     */
    private Set<String> locatorTargets(MethodDeclaration method, int depth) {
        Set<String> targets = new TreeSet<>();
        Set<String> typeParameters = new HashSet<>();
        method.getTypeParameters().forEach(parameter -> typeParameters.add(parameter.getNameAsString()));
        JType declared = index.toJType(method.getType(), type, type.scope, typeParameters);
        if (declared != null && declared.codebase()) {
            targets.add(declared.name());
            return targets;
        }
        for (ReturnStmt returned : method.findAll(ReturnStmt.class)) {
            Expression value = returned.getExpression().orElse(null);
            if (value instanceof ObjectCreationExpr created) {
                JType made = index.toJType(created.getType(), type, type.scope, typeParameters);
                if (made != null && made.codebase()) {
                    targets.add(made.name());
                }
            } else if (value instanceof MethodCallExpr call && depth > 0
                    && (call.getScope().isEmpty() || call.getScope().get().isThisExpr())) {
                for (MethodDeclaration callee : type.methods.getOrDefault(call.getNameAsString(), List.of())) {
                    if (callee != method) {
                        targets.addAll(locatorTargets(callee, depth - 1));
                    }
                }
            }
        }
        return targets;
    }
}
