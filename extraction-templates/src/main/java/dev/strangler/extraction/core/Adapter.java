package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * An anti-corruption adapter for a class that stays in the monolith: an interface under the class's own name with
 * only what the moved code calls, and an implementation that calls the monolith over HTTP or, for a method that
 * only reads, runs the monolith's code over the shared database ({@link LocalRead}).
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

    /** This adapter with its methods replaced (answered otherwise), in the same order. */
    public Adapter withMethods(List<AdapterMethod> replaced) {
        return new Adapter(className, owner, imports, replaced, sharedRepository);
    }

    /**
     * This adapter with each local read kept only when every repository it reads through is in {@code served} (moved,
     * copied, or served by Spring Data over the shared database); otherwise the method is not yet moved, saying why.
     */
    public Adapter withLocalReadsServedBy(java.util.Set<String> served) {
        if (localReads().isEmpty()) {
            return this;
        }
        return withMethods(methods.stream().map(m -> {
            List<String> missing = m.local().map(r -> r.repositories().stream().map(AdapterMethod.Parameter::type)
                    .filter(t -> !served.contains(t)).toList()).orElse(List.of());
            return missing.isEmpty() ? m : m.answeredBy(null, null, List.of("it reads through " + String.join(", ",
                    missing) + ", which the function does not serve over the shared database"));
        }).toList());
    }

    /** The methods the function runs itself, copied from the monolith because they only read. */
    public List<AdapterMethod> localReads() {
        return isSharedData() ? List.of() : methods.stream().filter(m -> m.localRead() != null).toList();
    }

    /** The methods a monolith route answers. */
    public List<AdapterMethod> monolithCalls() {
        return isSharedData() ? List.of() : methods.stream().filter(m -> m.call() != null).toList();
    }

    /** The methods neither a monolith route, a local read nor the shared database answers. */
    public List<AdapterMethod> notYetMoved() {
        if (isSharedData()) {
            return List.of();
        }
        return methods.stream().filter(AdapterMethod::isNotYetMoved).toList();
    }
}
