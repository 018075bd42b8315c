package dev.strangler.analyzer.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.RiskKind;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds what makes a type hard to run as a short-lived, stateless function: static mutable state, HTTP sessions,
 * local file writes, threads, schedules, in-memory caches, endless or sleeping loops, JNI and heavy start-up (static
 * state by {@link StaticStateRisks}).
 * Works on names as written, so it also finds uses of libraries that are not on the classpath.
 */
final class RiskScanner {
    private static final Set<String> FILE_WRITERS = Set.of("FileOutputStream", "FileWriter", "RandomAccessFile");
    private static final Set<String> FILES_WRITES = Set.of("write", "writeString", "newOutputStream", "newBufferedWriter",
            "createFile", "createTempFile", "createDirectory", "createDirectories", "copy", "move", "delete",
            "deleteIfExists", "createTempDirectory");
    private static final Set<String> CACHE_ANNOTATIONS = Set.of("Cacheable", "CachePut", "CacheEvict", "EnableCaching",
            "CacheResult");
    private static final Set<String> THREAD_TYPES = Set.of("ExecutorService", "ScheduledExecutorService", "Executor",
            "ThreadPoolExecutor", "ThreadPoolTaskExecutor", "ForkJoinPool", "ScheduledThreadPoolExecutor", "Timer");
    private static final Set<String> STARTUP_SUPERTYPES = Set.of("CommandLineRunner", "ApplicationRunner",
            "InitializingBean", "ServletContextListener", "SmartInitializingSingleton");

    private final IndexedType type;
    private final Set<String> supertypes;
    private final Map<String, Risk> risks = new LinkedHashMap<>();
    private final StaticStateRisks staticState;

    RiskScanner(TypeIndex index, IndexedType type) {
        this.type = type;
        this.supertypes = index.supertypeNames(type);
        this.staticState = new StaticStateRisks(type, this::add);
    }

    List<Risk> scan() {
        for (AnnotationExpr annotation : type.declaration.getAnnotations()) {
            typeAnnotation(annotation);
        }
        for (String supertype : supertypes) {
            if (STARTUP_SUPERTYPES.contains(supertype)) {
                add(RiskKind.HEAVY_STARTUP, type.declaration, "implements " + supertype + ": work at start-up");
            }
        }
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (member instanceof TypeDeclaration<?>) {
                continue;
            }
            if (member instanceof FieldDeclaration field) {
                staticState.field(field);
            } else if (member instanceof MethodDeclaration method) {
                methodDeclaration(method);
            } else if (member instanceof InitializerDeclaration initializer && initializer.isStatic()
                    && !Trees.findAll(initializer.getBody(), MethodCallExpr.class).isEmpty()) {
                add(RiskKind.HEAVY_STARTUP, initializer, "static initialiser runs code when the class loads");
            }
            Trees.walk(member, this::body);
        }
        return List.copyOf(risks.values());
    }

    private void add(RiskKind kind, Node node, String detail) {
        int line = Trees.line(node);
        // one risk of a kind per line: "uses HttpSession" and "getSession() call" on one line are one finding
        risks.putIfAbsent(kind + ":" + line,
                new Risk(kind, ClassName.of(type.name), new SourceLocation(type.scope.path, line), detail));
    }

    private void typeAnnotation(AnnotationExpr annotation) {
        String name = Annotations.simpleName(annotation);
        if (CACHE_ANNOTATIONS.contains(name)) {
            add(RiskKind.IN_MEMORY_CACHE, annotation, "@" + name + " on class");
        } else if (name.equals("SessionAttributes") || name.equals("SessionScope")) {
            add(RiskKind.HTTP_SESSION, annotation, "@" + name + " keeps state in the HTTP session");
        } else if (name.equals("Scope") && annotation.toString().toLowerCase(Locale.ROOT).contains("session")) {
            add(RiskKind.HTTP_SESSION, annotation, "session-scoped bean");
        } else if (name.equals("EnableAsync")) {
            add(RiskKind.THREADS_AND_EXECUTORS, annotation, "@EnableAsync");
        } else if (name.equals("EnableScheduling")) {
            add(RiskKind.SCHEDULED_JOB, annotation, "@EnableScheduling");
        } else if (name.equals("Startup")) {
            add(RiskKind.HEAVY_STARTUP, annotation, "@Startup bean");
        }
    }

    private void methodDeclaration(MethodDeclaration method) {
        if (method.isNative()) {
            add(RiskKind.NATIVE_CODE, method, "native method " + method.getNameAsString());
        }
        for (AnnotationExpr annotation : method.getAnnotations()) {
            String name = Annotations.simpleName(annotation);
            if (CACHE_ANNOTATIONS.contains(name)) {
                add(RiskKind.IN_MEMORY_CACHE, annotation, "@" + name + " on " + method.getNameAsString());
            } else if (name.equals("Scheduled") || name.equals("Schedule")) {
                add(RiskKind.SCHEDULED_JOB, annotation, "@" + name + " on " + method.getNameAsString());
            } else if (name.equals("Async")) {
                add(RiskKind.THREADS_AND_EXECUTORS, annotation, "@Async on " + method.getNameAsString());
            } else if (name.equals("PostConstruct")) {
                add(RiskKind.HEAVY_STARTUP, annotation, "@PostConstruct " + method.getNameAsString() + " runs at start-up");
            } else if ((name.equals("EventListener") && annotation.toString().contains("Ready"))) {
                add(RiskKind.HEAVY_STARTUP, annotation, "start-up event listener " + method.getNameAsString());
            }
        }
    }

    private void body(Node node) {
        if (node instanceof ObjectCreationExpr creation) {
            String created = baseName(creation.getType().getNameAsString());
            if (FILE_WRITERS.contains(created)) {
                add(RiskKind.LOCAL_FILE_WRITE, creation, "new " + created);
            } else if (created.equals("Thread") || created.equals("Timer")) {
                add(RiskKind.THREADS_AND_EXECUTORS, creation, "new " + created);
            } else if (created.equals("LinkedHashMap") && creation.getAnonymousClassBody().isPresent()) {
                add(RiskKind.IN_MEMORY_CACHE, creation, "LinkedHashMap with eviction used as a cache");
            }
        } else if (node instanceof MethodCallExpr call) {
            call(call);
        } else if (node instanceof ClassOrInterfaceType written) {
            String name = written.getNameAsString();
            if (name.equals("HttpSession")) {
                add(RiskKind.HTTP_SESSION, written, "uses HttpSession");
            } else if (THREAD_TYPES.contains(name)) {
                add(RiskKind.THREADS_AND_EXECUTORS, written, "uses " + name);
            }
        } else if (node instanceof WhileStmt loop && isTrue(loop.getCondition())) {
            add(RiskKind.LONG_SYNCHRONOUS_LOOP, loop, "while (true) loop");
        } else if (node instanceof DoStmt loop && isTrue(loop.getCondition())) {
            add(RiskKind.LONG_SYNCHRONOUS_LOOP, loop, "do ... while (true) loop");
        } else if (node instanceof ForStmt loop && loop.getCompare().isEmpty()) {
            add(RiskKind.LONG_SYNCHRONOUS_LOOP, loop, "for (;;) loop");
        } else if (node instanceof ForEachStmt loop && loop.getIterable() instanceof MethodCallExpr source
                && source.getNameAsString().equals("findAll") && source.getArguments().isEmpty()) {
            add(RiskKind.LONG_SYNCHRONOUS_LOOP, loop, "loop over every row: " + source);
        }
    }

    private void call(MethodCallExpr call) {
        String method = call.getNameAsString();
        String scopeName = call.getScope().map(Annotations::lastName).orElse("");
        if (scopeName.equals("Files") && FILES_WRITES.contains(method)
                || scopeName.equals("File") && method.equals("createTempFile")
                || method.equals("mkdirs") || method.equals("createNewFile") || method.equals("renameTo")) {
            add(RiskKind.LOCAL_FILE_WRITE, call, scopeName.isEmpty() ? method + "()" : scopeName + "." + method + "()");
        } else if (method.equals("getSession") && call.getArguments().size() <= 1
                && scopeName.toLowerCase(Locale.ROOT).contains("req")) {
            add(RiskKind.HTTP_SESSION, call, "getSession() call");
        } else if (scopeName.equals("Executors") || scopeName.equals("CompletableFuture")
                && (method.equals("runAsync") || method.equals("supplyAsync"))) {
            add(RiskKind.THREADS_AND_EXECUTORS, call, scopeName + "." + method + "()");
        } else if ((method.equals("scheduleAtFixedRate") || method.equals("scheduleWithFixedDelay")
                || method.equals("schedule")) && call.getArguments().size() >= 2) {
            add(RiskKind.SCHEDULED_JOB, call, "job scheduled in process: " + scopeName + "." + method + "()");
        } else if (scopeName.equals("Thread") && method.equals("sleep") && insideLoop(call)) {
            add(RiskKind.LONG_SYNCHRONOUS_LOOP, call, "Thread.sleep in a loop");
        } else if (scopeName.equals("System") && (method.equals("loadLibrary") || method.equals("load"))) {
            add(RiskKind.NATIVE_CODE, call, "System." + method + "()");
        } else if ((scopeName.equals("CacheBuilder") || scopeName.equals("Caffeine")) && method.equals("newBuilder")) {
            add(RiskKind.IN_MEMORY_CACHE, call, scopeName + ".newBuilder() in-process cache");
        }
    }

    private static boolean insideLoop(Node node) {
        for (Node current = node.getParentNode().orElse(null); current != null;
             current = current.getParentNode().orElse(null)) {
            if (current instanceof WhileStmt || current instanceof ForStmt || current instanceof DoStmt
                    || current instanceof ForEachStmt) {
                return true;
            }
            if (current instanceof BodyDeclaration<?>) {
                return false;
            }
        }
        return false;
    }

    private static boolean isTrue(Expression condition) {
        return condition instanceof BooleanLiteralExpr literal && literal.getValue();
    }

    /** A written type's simple name without its generic arguments: {@code java.util.Map<K, V>} is {@code Map}. */
    static String baseName(String written) {
        int generic = written.indexOf('<');
        String base = generic < 0 ? written : written.substring(0, generic);
        return base.substring(base.lastIndexOf('.') + 1).strip();
    }
}
