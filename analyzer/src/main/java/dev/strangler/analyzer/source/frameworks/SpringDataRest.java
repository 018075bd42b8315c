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
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spring Data REST: a Spring Data repository is exported over HTTP when it says so
 * ({@code @RepositoryRestResource}) or when the build file of its module depends on Spring Data REST, unless
 * {@code exported = false}. Its routes sit under {@code spring.data.rest.base-path} ({@code application.properties}):
 * the collection ({@code GET}, {@code POST}), the item ({@code GET}, {@code PUT}, {@code PATCH}, {@code DELETE}
 * {@code /{id}}) and one {@code GET /search/<method>} per query method the repository declares.
 */
final class SpringDataRest {
    private static final List<String[]> CRUD = List.of(new String[]{"GET", "", "findAll"},
            new String[]{"POST", "", "save"}, new String[]{"GET", "/{id}", "findById"},
            new String[]{"PUT", "/{id}", "save"}, new String[]{"PATCH", "/{id}", "save"},
            new String[]{"DELETE", "/{id}", "deleteById"});

    private SpringDataRest() {
    }

    static List<EntryPoint> find(TypeIndex index, WebFiles files, Map<String, TreeSet<String>> dependencies) {
        Set<String> modules = new TreeSet<>();
        for (Map.Entry<String, TreeSet<String>> dependency : dependencies.entrySet()) {
            if (dependency.getKey().contains("data-rest") && !dependency.getKey().contains("-examples")) {
                dependency.getValue().forEach(pom -> modules.add(pom.substring(0, pom.length() - "pom.xml".length())));
            }
        }
        List<EntryPoint> entries = new ArrayList<>();
        String basePath = null;
        for (IndexedType type : index.all()) {
            if (!type.isInterface || !index.isSpringDataRepository(type)) {
                continue;
            }
            AnnotationExpr resource = Annotations.find(type.declaration, "RepositoryRestResource");
            boolean exported = resource != null ? !"false".equals(String.valueOf(Annotations.attribute(resource, "exported")))
                    : modules.stream().anyMatch(module -> type.scope.path.startsWith(module))
                    && type.declaration.isPublic() && type.typeParameters.isEmpty()
                    && index.repositoryEntity(type) != null;
            if (!exported) {
                continue;
            }
            basePath = basePath != null ? basePath : basePath(files);
            entries.addAll(routes(index, type, resource, basePath));
        }
        return entries;
    }

    private static List<EntryPoint> routes(TypeIndex index, IndexedType repository, AnnotationExpr resource,
                                           String basePath) {
        List<String> paths = resource == null ? List.of() : Annotations.strings(resource, "path", index, repository);
        JType entity = index.repositoryEntity(repository);
        String collection = !paths.isEmpty() ? paths.get(0)
                : plural(JsfViews.decapitalise(entity == null ? repository.simpleName() : entity.simpleName()));
        String root = EntryPoints.joinPaths(basePath, collection);
        SourceLocation location = new SourceLocation(repository.scope.path, Trees.line(repository.declaration));
        List<EntryPoint> entries = new ArrayList<>();
        for (String[] route : CRUD) {
            entries.add(new EntryPoint(EntryPointKind.HTTP, "spring-data-rest", route[0], root + route[1],
                    new MethodId(ClassName.of(repository.name), route[2]), location));
        }
        for (MethodDeclaration method : repository.declaration.getMethods()) {
            if (method.isDefault() || method.isStatic()) {
                continue;
            }
            AnnotationExpr rest = Annotations.find(method, "RestResource");
            List<String> custom = rest == null ? List.of() : Annotations.strings(rest, "path", index, repository);
            entries.add(new EntryPoint(EntryPointKind.HTTP, "spring-data-rest", "GET",
                    root + "/search/" + (custom.isEmpty() ? method.getNameAsString() : custom.get(0)),
                    new MethodId(ClassName.of(repository.name), method.getNameAsString()),
                    new SourceLocation(repository.scope.path, Trees.line(method))));
        }
        return entries;
    }

    private static String basePath(WebFiles files) {
        for (WebFiles.TextFile properties : files.properties("application.properties")) {
            for (String[] entry : WebFiles.entries(properties.text())) {
                if (entry[0].equals("spring.data.rest.base-path") || entry[0].equals("spring.data.rest.basePath")) {
                    return entry[1];
                }
            }
        }
        return "";
    }

    /** Spring Data REST's English plural, for the common cases: store → stores, category → categories. */
    static String plural(String word) {
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
            return word + "es";
        }
        return word + "s";
    }
}
