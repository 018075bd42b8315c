package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A codebase's own front controller: a servlet mapped in {@code web.xml} that picks the class or method handling a
 * request by reflection ({@code Class.forName}, {@code newInstance}, {@code getMethod(...).invoke}). It stays an entry
 * point (as a servlet); when a mapping file names the classes behind it, they are read: JForum's
 * {@code modulesMapping.properties} (module → {@code Command} class) with the URL layout of
 * {@code urlPattern.properties} ({@code module.action.n = parameters} → {@code /module/action/{p1}/{p2}.page}).
 * Otherwise a warning says that the dispatch behind the controller was not followed.
 */
final class FrontControllers {
    private static final Set<String> REFLECTIVE = Set.of("forName", "newInstance", "invoke", "getMethod",
            "getDeclaredMethod", "getDeclaredConstructor", "loadClass");

    private final TypeIndex index;
    private final List<WebApp> webApps;
    private final WebFiles files;
    private final List<Problem> problems;
    private final Set<String> bodiesRead;

    FrontControllers(TypeIndex index, List<WebApp> webApps, WebFiles files, List<Problem> problems,
                     Set<String> bodiesRead) {
        this.index = index;
        this.bodiesRead = bodiesRead;
        this.webApps = webApps;
        this.files = files;
        this.problems = problems;
    }

    List<EntryPoint> find() {
        List<EntryPoint> entries = new ArrayList<>();
        List<Object[]> controllers = new ArrayList<>(); // web.xml, servlet, its reflective call
        String extension = null;
        for (WebApp webApp : webApps) {
            for (WebApp.Component servlet : webApp.servlets()) {
                IndexedType type = servlet.className() == null ? null : index.get(servlet.className());
                MethodCallExpr dispatch = type == null || servlet.patterns().isEmpty() ? null : reflectiveDispatch(type);
                if (dispatch != null) {
                    controllers.add(new Object[]{webApp, servlet, dispatch, type});
                    for (String pattern : servlet.patterns()) {
                        extension = extension != null || WebApp.Component.extension(pattern).isEmpty() ? extension
                                : WebApp.Component.extension(pattern);
                    }
                }
            }
        }
        if (!controllers.isEmpty()) {
            modulesMapping(extension == null ? "" : extension, entries); // one mapping file serves them all
        }
        if (!entries.isEmpty()) {
            return entries;
        }
        for (Object[] controller : controllers) {
            WebApp webApp = (WebApp) controller[0];
            WebApp.Component servlet = (WebApp.Component) controller[1];
            MethodCallExpr dispatch = (MethodCallExpr) controller[2];
            IndexedType type = (IndexedType) controller[3];
            problems.add(new Problem(webApp.path(), Xml.lineOf(webApp.text(), servlet.className()), 0,
                    Severity.WARNING, "front controller " + servlet.className() + " (mapped to "
                    + String.join(", ", servlet.patterns()) + ") dispatches by reflection ("
                    + dispatch.getNameAsString() + " at " + type.scope.path + ":" + Trees.line(dispatch)
                    + "); the dispatch behind it was not followed, so what it calls is not traced from it;"
                    + " a mapping file naming the classes (like JForum's modulesMapping.properties) would be read"));
        }
        return entries;
    }

    /** The first reflective call in the servlet class or its codebase supertypes, or null. */
    private MethodCallExpr reflectiveDispatch(IndexedType servlet) {
        List<IndexedType> chain = new ArrayList<>();
        chain.add(servlet);
        chain.addAll(index.ancestors(servlet));
        // every file of the chain, found or not: the per-file cache parses them in full
        chain.forEach(type -> bodiesRead.add(type.scope.path));
        for (IndexedType type : chain) {
            for (MethodDeclaration method : type.declaration.getMethods()) {
                for (MethodCallExpr call : Trees.findAll(method, MethodCallExpr.class)) {
                    if (REFLECTIVE.contains(call.getNameAsString())) {
                        return call;
                    }
                }
            }
        }
        return null;
    }

    private void modulesMapping(String extension, List<EntryPoint> entries) {
        Map<String, List<String>> layouts = new LinkedHashMap<>();
        for (WebFiles.TextFile patterns : files.properties("urlPattern.properties")) {
            for (String[] entry : WebFiles.entries(patterns.text())) {
                String[] key = entry[0].split("\\.");
                if (key.length == 3) {
                    StringBuilder path = new StringBuilder("/" + key[0] + "/" + key[1]);
                    for (String parameter : entry[1].split("\\s*,\\s*")) {
                        if (!parameter.isBlank()) {
                            path.append("/{").append(parameter.strip()).append('}');
                        }
                    }
                    layouts.computeIfAbsent(key[0] + "." + key[1], k -> new ArrayList<>()).add(path + extension);
                }
            }
        }
        for (WebFiles.TextFile mapping : files.properties("modulesMapping.properties")) {
            for (String[] entry : WebFiles.entries(mapping.text())) {
                IndexedType command = index.get(entry[1]);
                if (command == null) {
                    problems.add(new Problem(mapping.path(), Xml.lineOf(mapping.text(), entry[0]), 0, Severity.WARNING,
                            "module " + entry[0] + " maps to " + entry[1]
                                    + ", which is not a class in the scanned sources; its requests are not traced"));
                    continue;
                }
                for (String method : new java.util.TreeSet<>(command.methods.keySet())) {
                    MethodDeclaration declaration = command.methods.get(method).get(0);
                    if (!declaration.isPublic() || declaration.isStatic() || !declaration.getParameters().isEmpty()
                            || !declaration.getType().isVoidType()) {
                        continue;
                    }
                    List<String> paths = layouts.getOrDefault(entry[0] + "." + method,
                            List.of("/" + entry[0] + "/" + method + extension));
                    for (String path : paths) {
                        entries.add(new EntryPoint(EntryPointKind.HTTP, "front-controller", "ANY", path,
                                new MethodId(ClassName.of(command.name), method),
                                new SourceLocation(command.scope.path, Trees.line(declaration))));
                    }
                }
            }
        }
    }
}
