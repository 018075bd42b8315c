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
 * @param sharedRepository how the function serves the repository itself over the shared database, or null when the
 *                         implementation calls the monolith (see {@link SharedRepository#decide})
 */
public record Adapter(String className, String owner, List<String> imports, List<AdapterMethod> methods,
                      SharedRepository sharedRepository) {
    public Adapter {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(owner, "owner");
        imports = List.copyOf(imports);
        methods = List.copyOf(methods);
    }

    public Adapter(String className, String owner, List<String> imports, List<AdapterMethod> methods) {
        this(className, owner, imports, methods, null);
    }

    /** This adapter served by Spring Data over the shared database, as {@code repository} says. */
    public Adapter servedBy(SharedRepository repository) {
        return new Adapter(className, owner, imports, methods, Objects.requireNonNull(repository, "repository"));
    }

    /** Whether Spring Data serves it in the function over the shared database (no monolith call, nothing to do). */
    public boolean isSharedData() {
        return sharedRepository != null;
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** The methods neither a monolith route nor the shared database answers. */
    public List<AdapterMethod> notYetMoved() {
        if (isSharedData()) {
            return List.of();
        }
        return methods.stream().filter(AdapterMethod::isNotYetMoved).toList();
    }
}
