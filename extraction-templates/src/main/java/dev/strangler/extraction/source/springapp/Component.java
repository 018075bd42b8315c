package dev.strangler.extraction.source.springapp;

import java.util.List;
import java.util.Objects;

/**
 * A class or repository interface the monolith's Spring context instantiated.
 *
 * @param className its fully qualified name
 * @param kind what kind of bean it is
 * @param supertypes the fully qualified names of what it extends and implements (as far as the sources tell)
 * @param constructor the parameters of the constructor Spring uses
 * @param fields the fields injected after construction
 * @param transactional whether it or one of its methods is {@code @Transactional}
 * @param unsupported why the plain function cannot build it, or null
 */
public record Component(String className, Kind kind, List<String> supertypes, List<Injection> constructor,
                        List<Injection> fields, boolean transactional, String unsupported) {

    /** Kinds of beans, by how the plain function creates them. */
    public enum Kind { CONTROLLER, ADVICE, COMPONENT, REPOSITORY }

    public Component {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(kind, "kind");
        supertypes = List.copyOf(supertypes);
        constructor = List.copyOf(constructor);
        fields = List.copyOf(fields);
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Whether a value of this bean can be injected where {@code type} is asked for. */
    public boolean provides(String type) {
        return className.equals(type) || supertypes.contains(type);
    }
}
