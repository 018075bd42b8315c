package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds where use cases start in one type: Spring MVC ({@link SpringMvcHandlers}), JAX-RS ({@link JaxRsResources})
 * and Micronaut handler methods, annotated servlets, Stripes action beans, WebSocket endpoints, annotated Struts 2
 * actions, and scheduled jobs and message or event listeners ({@link BackgroundEntryPoints}).
 */
public final class EntryPoints {
    private static final Map<String, String> MICRONAUT_METHODS = Map.of("Get", "GET", "Post", "POST", "Put", "PUT",
            "Delete", "DELETE", "Patch", "PATCH", "Head", "HEAD", "Options", "OPTIONS");
    private static final Map<String, String> SERVLET_METHODS = Map.of("doGet", "GET", "doPost", "POST", "doPut", "PUT",
            "doDelete", "DELETE", "doPatch", "PATCH", "doHead", "HEAD", "doOptions", "OPTIONS", "service", "ANY");
    private static final Pattern VARIABLE_PATTERN = Pattern.compile("\\{\\s*([\\w.$-]+)\\s*:[^}]*}");

    private final TypeIndex index;
    private final IndexedType type;
    private final String applicationPath;
    private final FoundEntryPoints found;
    private final JaxRsResources jaxRs;

    public EntryPoints(TypeIndex index, IndexedType type, String applicationPath) {
        this.index = index;
        this.type = type;
        this.applicationPath = applicationPath;
        this.found = new FoundEntryPoints(index, type);
        this.jaxRs = new JaxRsResources(index, type, found);
    }

    public List<EntryPoint> find() {
        // declarative HTTP clients carry the same mapping annotations as the handlers they call
        boolean client = Annotations.has(type.declaration, "FeignClient", "HttpExchange", "RegisterRestClient", "Client")
                || type.scope.importsFrom("retrofit2.") || type.scope.importsFrom("feign.");
        if (!client) {
            new SpringMvcHandlers(index, type, found).find();
            jaxRs.find(applicationPath);
            micronaut();
        }
        servlet();
        found.addAll(StripesActions.find(index, type));
        found.addAll(WebSocketEndpoints.find(index, type));
        strutsAnnotations();
        new BackgroundEntryPoints(index, type, found).find();
        return found.all();
    }

    /** After {@link #find()}: the type when it is a JAX-RS root resource, with its path. */
    public List<Facts.JaxRsRoot> jaxRsRoots() {
        return jaxRs.roots;
    }

    /** After {@link #find()}: the type's JAX-RS sub-resource locators whose result is a codebase type. */
    public List<Facts.JaxRsLocator> jaxRsLocators() {
        return jaxRs.locators;
    }

    /** After {@link #find()}: the routes of a JAX-RS resource without a class-level path, relative to its mounts. */
    public List<Facts.JaxRsRelative> jaxRsRelativeRoutes() {
        return jaxRs.relatives;
    }

    /** Micronaut: {@code @Controller("/path")} on the class, {@code @Get}, {@code @Post}, ... on methods. */
    private void micronaut() {
        if (!type.scope.importsFrom("io.micronaut")) {
            return;
        }
        AnnotationExpr controller = Annotations.find(type.declaration, "Controller");
        String prefix = controller == null ? "" : first(Annotations.strings(controller, "value", index, type));
        for (MethodDeclaration method : type.declaration.getMethods()) {
            for (AnnotationExpr annotation : method.getAnnotations()) {
                String httpMethod = MICRONAUT_METHODS.get(Annotations.simpleName(annotation));
                if (httpMethod != null) {
                    for (String path : orEmpty(Annotations.firstStrings(annotation, index, type, "value", "uri", "uris"))) {
                        found.addRoute("micronaut", httpMethod, joinPaths(prefix, path), method);
                    }
                }
            }
        }
    }

    private void servlet() {
        AnnotationExpr annotation = Annotations.find(type.declaration, "WebServlet");
        if (annotation == null) {
            return;
        }
        List<String> patterns = Annotations.firstStrings(annotation, index, type, "urlPatterns", "value");
        found.addAll(servletEntries(index, type, patterns, "servlet"));
    }

    /** Entry points of a servlet class mapped to URL patterns: one per declared (or inherited) doX or service method. */
    public static List<EntryPoint> servletEntries(TypeIndex index, IndexedType servlet, List<String> patterns, String framework) {
        List<EntryPoint> entries = new ArrayList<>();
        for (Map.Entry<String, String> handler : new TreeMap<>(SERVLET_METHODS).entrySet()) {
            TypeIndex.MethodOwner owner = index.findMethod(servlet, handler.getKey());
            if (owner == null) {
                continue;
            }
            for (String pattern : patterns) {
                entries.add(new EntryPoint(EntryPointKind.HTTP, framework, handler.getValue(), normalizePath(pattern),
                        new MethodId(ClassName.of(owner.type().name), handler.getKey()),
                        new SourceLocation(owner.type().scope.path, Trees.line(owner.method()))));
            }
        }
        return entries;
    }

    private void strutsAnnotations() {
        AnnotationExpr namespace = Annotations.find(type.declaration, "Namespace");
        String prefix = namespace == null ? "" : first(Annotations.strings(namespace, "value", index, type));
        for (MethodDeclaration method : type.declaration.getMethods()) {
            AnnotationExpr action = Annotations.find(method, "Action");
            if (action == null || !type.scope.importsFrom("org.apache.struts2")) {
                continue;
            }
            for (String name : Annotations.strings(action, "value", index, type)) {
                found.add(EntryPointKind.HTTP, "struts", "ANY", joinPaths(prefix, name), method);
            }
        }
    }

    static List<String> orEmpty(List<String> values) {
        return values.isEmpty() ? List.of("") : values;
    }

    static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    /** Joins route segments with single slashes; path variables keep only their names ({@code {id:\d+}} → {@code {id}}). */
    public static String joinPaths(String prefix, String path) {
        return normalizePath((prefix == null ? "" : prefix) + "/" + (path == null ? "" : path));
    }

    public static String normalizePath(String path) {
        String text = VARIABLE_PATTERN.matcher(path.strip()).replaceAll("{$1}");
        text = ("/" + text).replaceAll("/{2,}", "/");
        if (text.length() > 1 && text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
