package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * An anti-corruption adapter for a class that stays in the monolith: an interface under the class's own name with
 * only what the moved code calls, and an implementation that calls the monolith over HTTP.
 *
 * @param className the fully qualified name of the class that stays behind; the interface takes it, so the moved
 *                  code compiles unchanged
 * @param owner the candidate that owns the class (it moves with that candidate later)
 * @param imports the imports the interface's signatures need
 * @param methods what the moved code calls, sorted by signature
 */
public record Adapter(String className, String owner, List<String> imports, List<AdapterMethod> methods) {
    public Adapter {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(owner, "owner");
        imports = List.copyOf(imports);
        methods = List.copyOf(methods);
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    public List<AdapterMethod> notYetMoved() {
        return methods.stream().filter(AdapterMethod::isNotYetMoved).toList();
    }
}
