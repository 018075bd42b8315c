package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.List;

/** The entry points found in one type so far, in the order found, each named by the method that handles it. */
final class FoundEntryPoints {
    private final TypeIndex index;
    private final IndexedType type;
    private final List<EntryPoint> found = new ArrayList<>();

    FoundEntryPoints(TypeIndex index, IndexedType type) {
        this.index = index;
        this.type = type;
    }

    /** An entry point handled by {@code method} of the type itself. */
    void add(EntryPointKind kind, String framework, String httpMethod, String path, MethodDeclaration method) {
        found.add(new EntryPoint(kind, framework, httpMethod, path,
                new MethodId(ClassName.of(type.name), method.getNameAsString()),
                new SourceLocation(type.scope.path, Trees.line(method))));
    }

    /** An entry point handled by {@code method} of {@code owner}, a codebase supertype of the type. */
    void addInherited(String framework, String httpMethod, String path, MethodDeclaration method, IndexedType owner) {
        found.add(new EntryPoint(EntryPointKind.HTTP, framework, httpMethod, path,
                new MethodId(ClassName.of(owner.name), method.getNameAsString()),
                new SourceLocation(owner.scope.path, Trees.line(method))));
    }

    void addAll(List<EntryPoint> entries) {
        found.addAll(entries);
    }

    /**
     * A route declared on an interface (an API contract, often generated) is handled by the classes that implement
     * it: the entry point names each implementing method, or the interface method when no class implements it.
     */
    void addRoute(String framework, String httpMethod, String path, MethodDeclaration method) {
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

    int size() {
        return found.size();
    }

    /** The entry points found from position {@code from} on. */
    List<EntryPoint> since(int from) {
        return found.subList(from, found.size());
    }

    List<EntryPoint> all() {
        return found;
    }
}
