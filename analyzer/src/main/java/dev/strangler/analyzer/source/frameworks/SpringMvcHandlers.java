package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spring MVC handler methods of one type: {@code @RequestMapping} and its shortcuts ({@code @GetMapping}, ...) on its
 * own methods and on those it inherits from codebase superclasses, under the class's {@code @RequestMapping} prefixes.
 */
final class SpringMvcHandlers {
    private static final Map<String, String> SHORTCUTS = Map.of("GetMapping", "GET", "PostMapping", "POST",
            "PutMapping", "PUT", "DeleteMapping", "DELETE", "PatchMapping", "PATCH");

    private final TypeIndex index;
    private final IndexedType type;
    private final FoundEntryPoints found;

    SpringMvcHandlers(TypeIndex index, IndexedType type, FoundEntryPoints found) {
        this.index = index;
        this.type = type;
        this.found = found;
    }

    void find() {
        if (!type.isInterface && type.isAbstract() && !index.directSubtypes(type.name).isEmpty()) {
            return; // an abstract base controller: its concrete subclasses report its routes under their prefixes
        }
        AnnotationExpr classMapping = Annotations.find(type.declaration, "RequestMapping");
        List<String> prefixes = classMapping == null ? List.of("")
                : EntryPoints.orEmpty(Annotations.firstStrings(classMapping, index, type, "value", "path"));
        List<String> classMethods = classMapping == null ? List.of() : Annotations.enumNames(classMapping, "method");
        for (Owned entry : ownAndInheritedMethods()) {
            for (AnnotationExpr annotation : entry.method().getAnnotations()) {
                List<String> httpMethods = httpMethods(annotation, classMethods);
                if (httpMethods.isEmpty()) {
                    continue;
                }
                List<String> paths = EntryPoints.orEmpty(
                        Annotations.firstStrings(annotation, index, entry.owner(), "value", "path"));
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        for (String httpMethod : httpMethods) {
                            add(entry, httpMethod.toUpperCase(Locale.ROOT), EntryPoints.joinPaths(prefix, path));
                        }
                    }
                }
            }
        }
    }

    /** The HTTP methods a mapping annotation handles; empty when it is not one. */
    private static List<String> httpMethods(AnnotationExpr annotation, List<String> classMethods) {
        String name = Annotations.simpleName(annotation);
        if (SHORTCUTS.containsKey(name)) {
            return List.of(SHORTCUTS.get(name));
        }
        if (!name.equals("RequestMapping")) {
            return List.of();
        }
        List<String> declared = Annotations.enumNames(annotation, "method");
        if (!declared.isEmpty()) {
            return declared;
        }
        return classMethods.isEmpty() ? List.of("ANY") : classMethods;
    }

    private void add(Owned entry, String httpMethod, String route) {
        if (entry.owner() == type) {
            found.addRoute("spring-mvc", httpMethod, route, entry.method());
        } else {
            found.addInherited("spring-mvc", httpMethod, route, entry.method(), entry.owner());
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
        Set<String> names = new HashSet<>();
        for (MethodDeclaration method : type.declaration.getMethods()) {
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
            Set<String> declared = new HashSet<>();
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
}
