package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tapestry 5 pages: in a codebase that uses Tapestry ({@code org.apache.tapestry5} imported anywhere), every top-level
 * class in a {@code pages} package is a page at the path below that package, lower case
 * ({@code org.x.pages.admin.UserList} → {@code /admin/userlist}; an {@code Index} page at its folder). Render and
 * activation methods ({@code onActivate}, {@code setupRender}, {@code beginRender}, {@code @SetupRender},
 * {@code @BeginRender}) handle {@code GET} of the page; every other event handler ({@code on<Event>[From<Component>]}
 * or {@code @OnEvent}) handles {@code POST /page:event}.
 */
final class TapestryPages {
    private static final Set<String> RENDER = Set.of("onActivate", "setupRender", "beginRender", "pageLoaded");
    private static final Set<String> RENDER_ANNOTATIONS = Set.of("SetupRender", "BeginRender", "PageLoaded");

    private TapestryPages() {
    }

    static List<EntryPoint> find(TypeIndex index) {
        List<EntryPoint> entries = new ArrayList<>();
        if (index.all().stream().noneMatch(type -> type.outer == null && type.scope.importsFrom("org.apache.tapestry5"))) {
            return entries;
        }
        for (IndexedType type : index.all()) {
            String page = pagePath(type);
            if (page == null) {
                continue;
            }
            for (MethodDeclaration method : type.declaration.getMethods()) {
                String name = method.getNameAsString();
                String httpMethod;
                String path;
                if (RENDER.contains(name) || method.getAnnotations().stream()
                        .anyMatch(a -> RENDER_ANNOTATIONS.contains(Annotations.simpleName(a)))) {
                    httpMethod = "GET";
                    path = page;
                } else if (Annotations.has(method, "OnEvent")
                        || name.length() > 2 && name.startsWith("on") && Character.isUpperCase(name.charAt(2))) {
                    String event = name.startsWith("on") ? name.substring(2).replaceFirst("From.*$", "") : name;
                    httpMethod = "POST";
                    path = page + ":" + event.toLowerCase(Locale.ROOT);
                } else {
                    continue;
                }
                entries.add(new EntryPoint(EntryPointKind.HTTP, "tapestry", httpMethod, path,
                        new MethodId(ClassName.of(type.name), name),
                        new SourceLocation(type.scope.path, Trees.line(method))));
            }
        }
        return entries;
    }

    /** The page's path, or null when the type is no page. */
    private static String pagePath(IndexedType type) {
        if (type.outer != null || type.isInterface || type.isAbstract()) {
            return null;
        }
        String[] packages = type.scope.packageName.split("\\.");
        int pages = -1;
        for (int i = 0; i < packages.length; i++) {
            if (packages[i].equals("pages")) {
                pages = i;
            }
        }
        if (pages < 0) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int i = pages + 1; i < packages.length; i++) {
            path.append('/').append(packages[i].toLowerCase(Locale.ROOT));
        }
        String simpleName = type.simpleName();
        if (!simpleName.equals("Index")) {
            path.append('/').append(simpleName.toLowerCase(Locale.ROOT));
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
