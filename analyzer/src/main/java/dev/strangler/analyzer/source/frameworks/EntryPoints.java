package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds where use cases start in one type: Spring MVC, JAX-RS and Micronaut handler methods, annotated servlets, Stripes
 * action beans, annotated Struts 2 actions, scheduled jobs and message or event listeners.
 */
public final class EntryPoints {
    private static final Map<String, String> SPRING_SHORTCUTS = Map.of("GetMapping", "GET", "PostMapping", "POST",
            "PutMapping", "PUT", "DeleteMapping", "DELETE", "PatchMapping", "PATCH");
    private static final Map<String, String> MICRONAUT_METHODS = Map.of("Get", "GET", "Post", "POST", "Put", "PUT",
            "Delete", "DELETE", "Patch", "PATCH", "Head", "HEAD", "Options", "OPTIONS");
    private static final Set<String> JAX_RS_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    static final Map<String, String> SERVLET_METHODS = Map.of("doGet", "GET", "doPost", "POST", "doPut", "PUT",
            "doDelete", "DELETE", "doPatch", "PATCH", "doHead", "HEAD", "doOptions", "OPTIONS", "service", "ANY");
    private static final Map<String, String[]> LISTENERS = Map.of("JmsListener", new String[]{"jms", "destination"},
            "KafkaListener", new String[]{"kafka", "topics"}, "RabbitListener", new String[]{"rabbit", "queues"},
            "SqsListener", new String[]{"sqs", "value"}, "StreamListener", new String[]{"stream", "value"},
            "EventListener", new String[]{"event", "classes"},
            "TransactionalEventListener", new String[]{"event", "classes"});
    private static final Set<String> TIMER_METHODS = Set.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");
    private static final Pattern VARIABLE_PATTERN = Pattern.compile("\\{\\s*([\\w.$-]+)\\s*:[^}]*}");

    private final TypeIndex index;
    private final IndexedType type;
    private final String applicationPath;
    private final List<EntryPoint> found = new ArrayList<>();
    private final List<Facts.JaxRsRoot> roots = new ArrayList<>();
    private final List<Facts.JaxRsLocator> locators = new ArrayList<>();
    private final List<Facts.JaxRsRelative> relatives = new ArrayList<>();

    public EntryPoints(TypeIndex index, IndexedType type, String applicationPath) {
        this.index = index;
        this.type = type;
        this.applicationPath = applicationPath;
    }

    public List<EntryPoint> find() {
        // declarative HTTP clients carry the same mapping annotations as the handlers they call
        boolean client = Annotations.has(type.declaration, "FeignClient", "HttpExchange", "RegisterRestClient", "Client")
                || type.scope.importsFrom("retrofit2.") || type.scope.importsFrom("feign.");
        if (!client) {
            spring();
            jaxRs();
            micronaut();
        }
        servlet();
        stripes();
        webSocket();
        strutsAnnotations();
        background();
        return found;
    }

    /** After {@link #find()}: the type when it is a JAX-RS root resource, with its path. */
    public List<Facts.JaxRsRoot> jaxRsRoots() {
        return roots;
    }

    /** After {@link #find()}: the type's JAX-RS sub-resource locators whose result is a codebase type. */
    public List<Facts.JaxRsLocator> jaxRsLocators() {
        return locators;
    }

    /** After {@link #find()}: the routes of a JAX-RS resource without a class-level path, relative to its mounts. */
    public List<Facts.JaxRsRelative> jaxRsRelativeRoutes() {
        return relatives;
    }

    private SourceLocation at(MethodDeclaration method) {
        return new SourceLocation(type.scope.path, Trees.line(method));
    }

    private void add(EntryPointKind kind, String framework, String httpMethod, String path, MethodDeclaration method) {
        found.add(new EntryPoint(kind, framework, httpMethod, path,
                new MethodId(ClassName.of(type.name), method.getNameAsString()), at(method)));
    }

    /**
     * A route declared on an interface (an API contract, often generated) is handled by the classes that implement
     * it: the entry point names each implementing method, or the interface method when no class implements it.
     */
    private void addRoute(String framework, String httpMethod, String path, MethodDeclaration method) {
        if (type.isInterface) {
            boolean implemented = false;
            for (String implementation : index.allSubtypes(type.name, 16)) {
                IndexedType implementing = index.get(implementation);
                List<MethodDeclaration> overloads = implementing == null ? List.of()
                        : implementing.methods.getOrDefault(method.getNameAsString(), List.of());
                if (!overloads.isEmpty() && !implementing.isInterface) {
                    implemented = true;
                    found.add(new EntryPoint(EntryPointKind.HTTP, framework, httpMethod, path,
                            new MethodId(ClassName.of(implementing.name), method.getNameAsString()),
                            new SourceLocation(implementing.scope.path, Trees.line(overloads.get(0)))));
                }
            }
            if (implemented) {
                return;
            }
        }
        add(EntryPointKind.HTTP, framework, httpMethod, path, method);
    }

    private List<MethodDeclaration> methods() {
        return type.declaration.getMethods();
    }

    private void spring() {
        if (!type.isInterface && type.isAbstract() && !index.directSubtypes(type.name).isEmpty()) {
            return; // an abstract base controller: its concrete subclasses report its routes under their prefixes
        }
        AnnotationExpr classMapping = Annotations.find(type.declaration, "RequestMapping");
        List<String> prefixes = classMapping == null ? List.of("")
                : orEmpty(Annotations.firstStrings(classMapping, index, type, "value", "path"));
        List<String> classMethods = classMapping == null ? List.of() : Annotations.enumNames(classMapping, "method");
        for (Owned entry : ownAndInheritedMethods()) {
            MethodDeclaration method = entry.method();
            IndexedType owner = entry.owner();
            for (AnnotationExpr annotation : method.getAnnotations()) {
                String name = Annotations.simpleName(annotation);
                List<String> httpMethods;
                if (SPRING_SHORTCUTS.containsKey(name)) {
                    httpMethods = List.of(SPRING_SHORTCUTS.get(name));
                } else if (name.equals("RequestMapping")) {
                    httpMethods = Annotations.enumNames(annotation, "method");
                    if (httpMethods.isEmpty()) {
                        httpMethods = classMethods.isEmpty() ? List.of("ANY") : classMethods;
                    }
                } else {
                    continue;
                }
                List<String> paths = orEmpty(Annotations.firstStrings(annotation, index, owner, "value", "path"));
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        for (String httpMethod : httpMethods) {
                            String route = joinPaths(prefix, path);
                            if (owner == type) {
                                addRoute("spring-mvc", httpMethod.toUpperCase(Locale.ROOT), route, method);
                            } else {
                                found.add(new EntryPoint(EntryPointKind.HTTP, "spring-mvc",
                                        httpMethod.toUpperCase(Locale.ROOT), route,
                                        new MethodId(ClassName.of(owner.name), method.getNameAsString()),
                                        new SourceLocation(owner.scope.path, Trees.line(method))));
                            }
                        }
                    }
                }
            }
        }
    }

    /** A method and the type that declares it. */
    private record Owned(MethodDeclaration method, IndexedType owner) {
    }

    /**
     * The type's own methods, then those of its codebase superclasses that it does not override, in order. A list,
     * not a map keyed by the methods: a JavaParser node's hash code and equality walk its whole subtree.
     */
    private List<Owned> ownAndInheritedMethods() {
        List<Owned> methods = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (MethodDeclaration method : methods()) {
            methods.add(new Owned(method, type));
            names.add(method.getNameAsString());
        }
        if (type.isInterface) {
            return methods;
        }
        for (IndexedType ancestor : index.ancestors(type)) {
            if (ancestor.isInterface) {
                continue;
            }
            Set<String> declared = new java.util.HashSet<>();
            for (MethodDeclaration method : ancestor.declaration.getMethods()) {
                if (!names.contains(method.getNameAsString())) {
                    methods.add(new Owned(method, ancestor));
                    declared.add(method.getNameAsString());
                }
            }
            names.addAll(declared);
        }
        return methods;
    }

    /** Micronaut: {@code @Controller("/path")} on the class, {@code @Get}, {@code @Post}, ... on methods. */
    private void micronaut() {
        if (!type.scope.importsFrom("io.micronaut")) {
            return;
        }
        AnnotationExpr controller = Annotations.find(type.declaration, "Controller");
        String prefix = controller == null ? "" : first(Annotations.strings(controller, "value", index, type));
        for (MethodDeclaration method : methods()) {
            for (AnnotationExpr annotation : method.getAnnotations()) {
                String httpMethod = MICRONAUT_METHODS.get(Annotations.simpleName(annotation));
                if (httpMethod != null) {
                    for (String path : orEmpty(Annotations.firstStrings(annotation, index, type, "value", "uri", "uris"))) {
                        addRoute("micronaut", httpMethod, joinPaths(prefix, path), method);
                    }
                }
            }
        }
    }

    private void jaxRs() {
        AnnotationExpr classPath = Annotations.find(type.declaration, "Path");
        String prefix = classPath == null ? "" : first(Annotations.strings(classPath, "value", index, type));
        if (classPath != null) {
            roots.add(new Facts.JaxRsRoot(type.name, joinPaths(applicationPath, prefix)));
        }
        for (MethodDeclaration method : methods()) {
            String httpMethod = null;
            for (AnnotationExpr annotation : method.getAnnotations()) {
                if (JAX_RS_METHODS.contains(Annotations.simpleName(annotation))) {
                    httpMethod = Annotations.simpleName(annotation);
                }
            }
            AnnotationExpr methodPath = Annotations.find(method, "Path");
            String path = methodPath == null ? "" : first(Annotations.strings(methodPath, "value", index, type));
            if (httpMethod == null) {
                if (methodPath != null) {
                    for (String target : locatorTargets(method, 2)) {
                        locators.add(new Facts.JaxRsLocator(type.name, path, target));
                    }
                }
                continue;
            }
            int before = found.size();
            addRoute("jax-rs", httpMethod, joinPaths(applicationPath, joinPaths(prefix, path)), method);
            if (classPath == null) {
                // reachable only through a locator: mounted once every type has been read (JaxRsMounts)
                for (EntryPoint entry : found.subList(before, found.size())) {
                    relatives.add(new Facts.JaxRsRelative(entry, joinPaths("", path)));
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
        for (Map.Entry<String, String> handler : new java.util.TreeMap<>(SERVLET_METHODS).entrySet()) {
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

    private void stripes() {
        found.addAll(StripesActions.find(index, type));
    }

    private void webSocket() {
        found.addAll(WebSocketEndpoints.find(index, type));
    }

    private void strutsAnnotations() {
        AnnotationExpr namespace = Annotations.find(type.declaration, "Namespace");
        String prefix = namespace == null ? "" : first(Annotations.strings(namespace, "value", index, type));
        for (MethodDeclaration method : methods()) {
            AnnotationExpr action = Annotations.find(method, "Action");
            if (action == null || !type.scope.importsFrom("org.apache.struts2")) {
                continue;
            }
            for (String name : Annotations.strings(action, "value", index, type)) {
                add(EntryPointKind.HTTP, "struts", "ANY", joinPaths(prefix, name), method);
            }
        }
    }

    private void background() {
        String job = type.simpleName();
        for (MethodDeclaration method : methods()) {
            String name = job + "." + method.getNameAsString();
            AnnotationExpr scheduled = Annotations.find(method, "Scheduled", "Schedule", "Schedules");
            if (scheduled != null) {
                String trigger = "scheduled";
                for (String attribute : new String[]{"cron", "fixedRate", "fixedRateString", "fixedDelay",
                        "fixedDelayString", "hour", "minute"}) {
                    if (Annotations.attribute(scheduled, attribute) != null) {
                        trigger = attribute.replace("String", "");
                        break;
                    }
                }
                add(EntryPointKind.SCHEDULED, Annotations.simpleName(scheduled).equals("Scheduled") ? "spring" : "ejb",
                        trigger, name, method);
            }
            for (AnnotationExpr annotation : method.getAnnotations()) {
                String[] listener = LISTENERS.get(Annotations.simpleName(annotation));
                if (listener == null) {
                    continue;
                }
                List<String> destinations = Annotations.strings(annotation, listener[1], index, type);
                String path;
                if (listener[0].equals("event")) {
                    path = method.getParameters().isEmpty() ? name : method.getParameter(0).getType().asString();
                } else {
                    path = destinations.isEmpty() ? name : String.join(",", destinations);
                }
                add(EntryPointKind.MESSAGE, "spring", listener[0], path, method);
            }
        }
        boolean mayUseTimers = type.scope.importsFrom("java.util.Timer") || type.scope.importsFrom("java.util.concurrent")
                || type.scope.wildcardImports.contains("java.util") || type.scope.importsFrom("org.springframework.scheduling");
        for (MethodDeclaration method : mayUseTimers ? methods() : List.<MethodDeclaration>of()) {
            boolean schedules = Trees.findAll(method, com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
                    .anyMatch(call -> TIMER_METHODS.contains(call.getNameAsString()) && call.getScope().isPresent()
                            && call.getArguments().size() >= 2);
            if (schedules && Annotations.find(method, "Scheduled", "Schedule") == null) {
                // a job scheduled by hand (Timer, ScheduledExecutorService): its task's code counts for this method
                add(EntryPointKind.SCHEDULED, "timer", "timer", job + "." + method.getNameAsString(), method);
            }
        }
        Set<String> supertypes = index.supertypeNames(type);
        if (supertypes.contains("org.quartz.Job") || supertypes.contains("Job") && type.scope.importsFrom("org.quartz")) {
            type.methods.getOrDefault("execute", List.of()).stream().findFirst()
                    .ifPresent(method -> add(EntryPointKind.SCHEDULED, "quartz", "quartz", job + ".execute", method));
        }
        if (supertypes.contains("MessageListener") && Annotations.has(type.declaration, "MessageDriven")) {
            type.methods.getOrDefault("onMessage", List.of()).stream().findFirst()
                    .ifPresent(method -> add(EntryPointKind.MESSAGE, "ejb", "jms", job + ".onMessage", method));
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values.isEmpty() ? List.of("") : values;
    }

    private static String first(List<String> values) {
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
