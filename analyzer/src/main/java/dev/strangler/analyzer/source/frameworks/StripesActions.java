package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stripes ActionBeans: a concrete class implementing {@code ActionBean} (directly or through a base class) in a file
 * that imports from Stripes (as an action bean's handlers, returning a {@code Resolution}, do) is bound
 * to its {@code @UrlBinding}, or else by Stripes' naming convention ({@code NameBasedActionResolver}, the default):
 * the package up to the last {@code web}, {@code www}, {@code stripes} or {@code action} segment is dropped, the
 * suffix {@code ActionBean}, {@code Bean} or {@code Action} too, and {@code .action} added
 * ({@code org.x.web.actions.CatalogActionBean} → {@code /actions/Catalog.action}). Its events are the public methods
 * returning a {@code Resolution}, its own and inherited: {@code @DefaultHandler} at the URL, the others at
 * {@code ?event} (the name of {@code @HandlesEvent}, else the method's); on a {@code @RestActionBean} the methods
 * named after an HTTP method handle that method.
 */
final class StripesActions {
    private static final Set<String> BASE_PACKAGES = Set.of("web", "www", "stripes", "action");
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private StripesActions() {
    }

    static List<EntryPoint> find(TypeIndex index, IndexedType type) {
        List<EntryPoint> entries = new ArrayList<>();
        AnnotationExpr binding = Annotations.find(type.declaration, "UrlBinding");
        if (binding == null && (!type.scope.importsFrom("net.sourceforge.stripes") || type.isInterface || type.isAbstract() || type.outer != null
                || type.declaration.isEnumDeclaration() || !isActionBean(index, type))) {
            return entries;
        }
        String url = binding == null ? conventionalUrl(type.name)
                : EntryPoints.normalizePath(first(Annotations.strings(binding, "value", index, type))
                .replaceAll("/?\\{\\$event[^}]*}", ""));
        boolean rest = Annotations.has(type.declaration, "RestActionBean");
        List<IndexedType> chain = new ArrayList<>();
        chain.add(type);
        chain.addAll(index.ancestors(type));
        Set<String> seen = new HashSet<>();
        for (IndexedType owner : chain) {
            for (MethodDeclaration method : owner.declaration.getMethods()) {
                if (!method.isPublic() || method.isStatic() || !method.getType().asString().endsWith("Resolution")
                        || !seen.add(method.getNameAsString())) {
                    continue;
                }
                AnnotationExpr handles = Annotations.find(method, "HandlesEvent");
                String event = handles == null ? method.getNameAsString()
                        : first(Annotations.strings(handles, "value", index, owner));
                String httpMethod = "ANY";
                String path = url + "?" + event;
                if (rest && HTTP_METHODS.contains(event)) {
                    httpMethod = event.toUpperCase(Locale.ROOT);
                    path = url;
                } else if (Annotations.has(method, "DefaultHandler")) {
                    path = url;
                }
                entries.add(new EntryPoint(EntryPointKind.HTTP, "stripes", httpMethod, path,
                        new MethodId(ClassName.of(owner.name), method.getNameAsString()),
                        new SourceLocation(owner.scope.path, Trees.line(method))));
            }
        }
        return entries;
    }

    private static boolean isActionBean(TypeIndex index, IndexedType type) {
        Set<String> supertypes = index.supertypeNames(type);
        return supertypes.contains("net.sourceforge.stripes.action.ActionBean") || supertypes.contains("ActionBean");
    }

    /** The URL {@code NameBasedActionResolver} gives a class without {@code @UrlBinding}. */
    static String conventionalUrl(String className) {
        String[] segments = className.split("\\.");
        int start = 0;
        for (int i = 0; i < segments.length - 1; i++) {
            if (BASE_PACKAGES.contains(segments[i])) {
                start = i + 1;
            }
        }
        String simpleName = segments[segments.length - 1];
        for (String suffix : List.of("ActionBean", "Bean", "Action")) {
            if (simpleName.endsWith(suffix) && simpleName.length() > suffix.length()) {
                simpleName = simpleName.substring(0, simpleName.length() - suffix.length());
                break;
            }
        }
        StringBuilder url = new StringBuilder();
        for (int i = start; i < segments.length - 1; i++) {
            url.append('/').append(segments[i]);
        }
        return url.append('/').append(simpleName).append(".action").toString();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }
}
